/**
 * Schedule time: turn what n8n's dateTime parameter (or an expression) gives into an instant, and
 * format that instant as the provider's `YYYY-MM-DD HH:mm` wall-clock time in the account's time
 * zone. Intl only, no date library. Errors are plain Errors with a clear message; the node wraps them.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

// ISO 8601 date, optional time (T or space, seconds and fraction optional), optional offset.
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone, reused: creating one costs far more than formatting with it. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (formatter === undefined) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

export function isValidTimeZone(timeZone: unknown): timeZone is string {
	if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

function assertTimeZone(timeZone: unknown): asserts timeZone is string {
	if (!isValidTimeZone(timeZone)) {
		throw new Error(
			`Unknown time zone "${String(timeZone)}": use an IANA name such as Asia/Kolkata or Europe/London`,
		);
	}
}

/** Wall-clock fields of an instant in a zone (seconds included, milliseconds dropped). */
function wallClockAt(instantMs: number, timeZone: string): WallClock {
	const fields: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
		if (part.type !== 'literal') fields[part.type] = Number(part.value);
	}
	return {
		year: fields.year,
		month: fields.month,
		day: fields.day,
		hour: fields.hour,
		minute: fields.minute,
		second: fields.second,
		millisecond: 0,
	};
}

function wallClockAsUtcMs(wall: WallClock): number {
	// Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
	const date = new Date(Date.UTC(2000, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond));
	date.setUTCFullYear(wall.year);
	return date.getTime();
}

/** The zone's offset from UTC at an instant, in ms (Asia/Kolkata: +19,800,000). */
function offsetAt(instantMs: number, timeZone: string): number {
	const wholeSecond = Math.floor(instantMs / 1000) * 1000;
	return wallClockAsUtcMs(wallClockAt(wholeSecond, timeZone)) - wholeSecond;
}

/**
 * The instant a zone-less wall-clock time denotes in `timeZone`. The offset is looked up twice,
 * as it was a day before and a day after (no zone changes offset twice within two days), and
 * each candidate is kept only if the zone really shows that wall time at it:
 * - one candidate: the normal case;
 * - two: the wall time happens twice (clocks went back); the earlier one is taken;
 * - none: the wall time was skipped (clocks went forward); it is moved forward by the gap, so
 *   02:30 on a spring-forward night in New York means 03:30 daylight time.
 * This is the "compatible" choice of Temporal and of most calendar applications.
 */
function wallClockToInstant(wall: WallClock, timeZone: string): number {
	const asUtc = wallClockAsUtcMs(wall);
	const offsetBefore = offsetAt(asUtc - DAY_MS, timeZone);
	const offsetAfter = offsetAt(asUtc + DAY_MS, timeZone);
	const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].filter(
		(instant) => instant + offsetAt(instant, timeZone) === asUtc,
	);
	if (candidates.length === 0) return asUtc - offsetBefore;
	return Math.min(...candidates);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
	return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

function offsetToMs(offset: string): number {
	if (offset === 'Z' || offset === 'z') return 0;
	const sign = offset[0] === '-' ? -1 : 1;
	const digits = offset.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
	if (hours > 23 || minutes > 59) return Number.NaN;
	return sign * (hours * HOUR_MS + minutes * MINUTE_MS);
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
	const wall: WallClock = {
		year: Number(year),
		month: Number(month),
		day: Number(day),
		hour: Number(hour),
		minute: Number(minute),
		second: Number(second),
		millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
	};
	if (
		wall.month < 1 ||
		wall.month > 12 ||
		wall.day < 1 ||
		wall.day > daysInMonth(wall.year, wall.month) ||
		wall.hour > 23 ||
		wall.minute > 59 ||
		wall.second > 59
	) {
		return null;
	}
	if (offset === undefined) return wallClockToInstant(wall, timeZone);
	const offsetMs = offsetToMs(offset);
	return Number.isNaN(offsetMs) ? null : wallClockAsUtcMs(wall) - offsetMs;
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

function pad2(value: number): string {
	return value < 10 ? `0${value}` : String(value);
}

/**
 * `when` as the provider's schedule time, `YYYY-MM-DD HH:mm` in `timeZone`
 * (e.g. `2026-03-19 14:30`), seconds dropped (rounded down to the minute).
 */
export function toProviderTime(when: string | Date, timeZone: string): string {
	const instant = parseScheduleInstant(when, timeZone);
	const wall = wallClockAt(instant.getTime(), timeZone);
	const year = String(wall.year).padStart(4, '0');
	return `${year}-${pad2(wall.month)}-${pad2(wall.day)} ${pad2(wall.hour)}:${pad2(wall.minute)}`;
}
