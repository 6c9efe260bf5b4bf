import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isValidTimeZone, parseScheduleInstant, toProviderTime } from '../../helpers/scheduleTime';
import { CREDENTIAL_TYPE } from '../../transport';
import { inputError } from './smsInput';

export const DEFAULT_ACCOUNT_TIME_ZONE = 'Asia/Kolkata';

export interface ScheduleTime {
	/** What the provider receives: `YYYY-MM-DD HH:mm` in the account's time zone. */
	providerTime: string;
	/** The same instant, ISO 8601 in UTC, for the output. */
	scheduledAt: string;
	timeZone: string;
}

/** The account's time zone comes from the credential: the panel interprets `time` in it. */
export async function accountTimeZone(this: IExecuteFunctions): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const timeZone = String(credentials.timeZone ?? '').trim() || DEFAULT_ACCOUNT_TIME_ZONE;
	if (!isValidTimeZone(timeZone)) {
		throw new NodeOperationError(this.getNode(), `The credential's time zone "${timeZone}" is not a known IANA time zone`, {
			description: 'Use a name such as Asia/Kolkata or Europe/London.',
		});
	}
	return timeZone;
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
		throw inputError(node, itemIndex, field, `"${String(raw)}" is not a date and time`, (error as Error).message);
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
	return { providerTime, scheduledAt: instant.toISOString(), timeZone };
}
