/**
 * Reads the times panels put in delivery reports and returns ISO 8601 (UTC).
 * Accepted: `YYYY-MM-DD HH:mm[:ss]` (also `/` and `T`), ISO 8601 with or without offset,
 * epoch seconds or milliseconds, `YYYYMMDDhhmmss`, SMPP `YYMMDDhhmm[ss]` stamps, and the text of
 * JavaScript's `Date.prototype.toString()` / `toUTCString()` (the panel's Node code interpolates
 * database dates into its pushes: `Mon Nov 30 2026 10:20:36 GMT+0530 (India Standard Time)`).
 * A time without an offset is wall-clock time in `timeZone` (UTC when not given).
 */
import { isValidTimeZone, wallClockToInstant } from '../zoneTime';

export interface ReportTimeOptions {
	timeZone?: string;
	/** The field is an SMPP stamp field (done_date), so 10/12 digits are `YYMMDDhhmm[ss]` first. */
	smppStamp?: boolean;
}

const DATE_TIME =
	/^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// `Mon Nov 30 2026 10:20:36 GMT+0530 (India Standard Time)`: the offset is exact, the name is decoration.
const JS_DATE_STRING =
	/^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s+GMT([+-])(\d{2}):?(\d{2})(?:\s+\(.*\))?$/i;
// `Mon, 30 Nov 2026 04:50:36 GMT`
const JS_UTC_STRING = /^[a-z]{3},\s+(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s+GMT$/i;

const EPOCH_SECONDS_MIN = 1e8; // 1973: smaller numbers are not timestamps
const YEAR_MS = 366 * 24 * 3600 * 1000;

/** The UTC instant of a wall-clock time (given as if it were UTC) in `timeZone`; UTC for an unknown zone. */
function inZone(wallClock: number, timeZone: string | undefined): number {
	return timeZone && isValidTimeZone(timeZone) ? wallClockToInstant(wallClock, timeZone) : wallClock;
}

function wallClock(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | null {
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
	const value = Date.UTC(y, mo - 1, d, h, mi, s, ms);
	// Date.UTC rolls 31 February into March: refuse instead.
	return new Date(value).getUTCDate() === d ? value : null;
}

function toIso(instant: number | null): string | null {
	if (instant === null || !Number.isFinite(instant)) return null;
	const date = new Date(instant);
	const year = date.getUTCFullYear();
	return year >= 1970 && year <= 9999 ? date.toISOString() : null;
}

function smppStamp(digits: string, timeZone?: string): string | null {
	const n = (from: number) => Number(digits.slice(from, from + 2));
	const seconds = digits.length === 12 ? n(10) : 0;
	const value = wallClock(2000 + n(0), n(2), n(4), n(6), n(8), seconds);
	return value === null ? null : toIso(inZone(value, timeZone));
}

function epoch(value: number): string | null {
	if (value < EPOCH_SECONDS_MIN) return null;
	return toIso(value >= 1e11 ? value : value * 1000);
}

function fromDigits(digits: string, options: ReportTimeOptions): string | null {
	const { timeZone } = options;
	if (digits.length === 14) {
		const n = (from: number, len = 2) => Number(digits.slice(from, from + len));
		const value = wallClock(n(0, 4), n(4), n(6), n(8), n(10), n(12));
		return value === null ? null : toIso(inZone(value, timeZone));
	}
	const smppShaped = digits.length === 10 || digits.length === 12;
	if (smppShaped && options.smppStamp) {
		const stamp = smppStamp(digits, timeZone);
		if (stamp) return stamp;
	}
	const asEpoch = digits.length >= 9 && digits.length <= 13 ? epoch(Number(digits)) : null;
	// A 10-digit value far in the future is an SMPP stamp in a field we did not expect one in.
	if (smppShaped && (asEpoch === null || Date.parse(asEpoch) > Date.now() + YEAR_MS)) {
		return smppStamp(digits, timeZone) ?? asEpoch;
	}
	return asEpoch;
}

function fromText(text: string, timeZone?: string): string | null {
	const match = DATE_TIME.exec(text);
	if (!match) return null;
	const [, y, mo, d, h, mi, s, fraction, zone] = match;
	const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
	const value = wallClock(+y, +mo, +d, h ? +h : 0, mi ? +mi : 0, s ? +s : 0, Math.min(ms, 999));
	if (value === null) return null;
	if (!zone) return toIso(inZone(value, timeZone));
	if (zone.toUpperCase() === 'Z') return toIso(value);
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60000;
	return toIso(value - offset);
}

function fromJsDateText(text: string): string | null {
	let match = JS_DATE_STRING.exec(text);
	if (match) {
		const [, mon, d, y, h, mi, s, sign, oh, om] = match;
		const value = wallClock(+y, MONTHS.indexOf(mon.toLowerCase()) + 1, +d, +h, +mi, +s);
		const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60000;
		return value === null ? null : toIso(value - offset);
	}
	match = JS_UTC_STRING.exec(text);
	if (!match) return null;
	const [, d, mon, y, h, mi, s] = match;
	return toIso(wallClock(+y, MONTHS.indexOf(mon.toLowerCase()) + 1, +d, +h, +mi, +s));
}

/** ISO 8601 for a report time, or null when the value is not a time we can read. */
export function parseReportTime(value: unknown, options: ReportTimeOptions = {}): string | null {
	if (typeof value === 'number') {
		return Number.isInteger(value) ? fromDigits(String(value), options) : epoch(value);
	}
	if (typeof value !== 'string') return null;
	const text = value.trim();
	if (text === '') return null;
	if (/^\d+$/.test(text)) return fromDigits(text, options);
	return fromText(text, options.timeZone) ?? fromJsDateText(text);
}
