import type { INode } from 'n8n-workflow';

import { parseScheduleInstant, toProviderTime } from '../../helpers/scheduleTime';
import { describeValue, inputError } from './errors';

const shortened = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

export interface ScheduleTime {
	/** What the provider receives: `YYYY-MM-DD HH:mm` in the account's time zone. */
	providerTime: string;
	/** The same instant, ISO 8601 in UTC, for the output. */
	scheduledAt: string;
	timeZone: string;
}

export function toScheduleTime(
	node: INode,
	raw: unknown,
	timeZone: string,
	itemIndex: number,
	field = 'scheduleAt',
	now: Date = new Date(),
): ScheduleTime {
	if (raw === undefined || raw === null || raw === '') throw inputError(node, itemIndex, field, 'is empty');
	const value = raw instanceof Date ? raw : String(raw);
	let instant: Date;
	let providerTime: string;
	try {
		instant = parseScheduleInstant(value, timeZone);
		providerTime = toProviderTime(value, timeZone);
	} catch (error) {
		throw inputError(node, itemIndex, field, `"${describeValue(String(raw))}" is not a date and time`, shortened((error as Error).message));
	}
	const startOfThisMinute = Math.floor(now.getTime() / 60_000) * 60_000;
	if (instant.getTime() < startOfThisMinute) {
		throw inputError(
			node,
			itemIndex,
			field,
			`${providerTime} (${timeZone}) is in the past`,
			'Choose a future time, or use the Send operation to send now.',
		);
	}
	// The panel takes minutes: the output says the minute it will send in, not the seconds asked for.
	const sendsAt = new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
	return { providerTime, scheduledAt: sendsAt.toISOString(), timeZone };
}
