/**
 * Schedule time: turn what n8n's dateTime parameter (or an expression) gives into an instant, and
 * format that instant as the provider's `YYYY-MM-DD HH:mm` wall-clock time in the account's time
 * zone. Luxon (which n8n ships) knows the calendar and the zones' offsets; which instant a
 * zone-less wall time denotes on a day the clocks change is decided here (see wallClockToInstant).
 * Errors are plain Errors with a clear message; the node wraps them.
 */
import { DateTime } from 'luxon';

import { isValidTimeZone, wallClockToInstant } from './zoneTime';

export { isValidTimeZone };

const MINUTE_MS = 60_000;

// ISO 8601 date, optional time (T or space, seconds and fraction optional), optional offset.
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function assertTimeZone(timeZone: unknown): asserts timeZone is string {
	if (!isValidTimeZone(timeZone)) {
		throw new Error(
			`Unknown time zone "${String(timeZone)}": use an IANA name such as Asia/Kolkata or Europe/London`,
		);
	}
}

function offsetToMs(offset: string): number {
	if (offset === 'Z' || offset === 'z') return 0;
	const sign = offset[0] === '-' ? -1 : 1;
	const digits = offset.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
	if (hours > 23 || minutes > 59) return Number.NaN;
	return sign * (hours * 60 + minutes) * MINUTE_MS;
}

function invalidTime(when: unknown): Error {
	const shown = when instanceof Date ? 'Invalid Date' : JSON.stringify(when);
	return new Error(
		`Invalid schedule time ${shown}: use an ISO 8601 date and time such as 2026-12-01T14:30:00, optionally with Z or an offset like +05:30`,
	);
}

function parseIsoString(text: string, timeZone: string): number | null {
	const match = ISO_DATE_TIME.exec(text.trim());
	if (match === null) return null;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
	if (Number(hour) > 23) return null; // Luxon takes 24:00 as the end of the day
	// As if in UTC; Luxon refuses 30 February, minute 60 and the like.
	const wallClock = DateTime.fromObject(
		{
			year: Number(year),
			month: Number(month),
			day: Number(day),
			hour: Number(hour),
			minute: Number(minute),
			second: Number(second),
			millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
		},
		{ zone: 'utc' },
	);
	if (!wallClock.isValid) return null;
	if (offset === undefined) return wallClockToInstant(wallClock.toMillis(), timeZone);
	const offsetMs = offsetToMs(offset);
	return Number.isNaN(offsetMs) ? null : wallClock.toMillis() - offsetMs;
}

/**
 * The instant `when` denotes. A string with `Z` or an offset is that instant; a string without one
 * (what n8n's dateTime picker gives, e.g. `2026-12-01T14:30:00`) is wall-clock time in `timeZone`.
 * A Date is taken as is. The instant keeps its seconds; only the provider format drops them.
 */
export function parseScheduleInstant(when: string | Date, timeZone: string): Date {
	assertTimeZone(timeZone);
	let instantMs: number | null = null;
	if (when instanceof Date) instantMs = when.getTime();
	else if (typeof when === 'string') instantMs = parseIsoString(when, timeZone);
	if (instantMs === null || !Number.isFinite(instantMs)) throw invalidTime(when);
	return new Date(instantMs);
}

/**
 * `when` as the provider's schedule time, `YYYY-MM-DD HH:mm` in `timeZone`
 * (e.g. `2026-03-19 14:30`), seconds dropped (rounded down to the minute).
 */
export function toProviderTime(when: string | Date, timeZone: string): string {
	const instant = parseScheduleInstant(when, timeZone);
	return DateTime.fromMillis(instant.getTime(), { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm');
}
