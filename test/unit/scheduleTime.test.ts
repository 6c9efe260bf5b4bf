import { Settings } from 'luxon';

import {
	isValidTimeZone,
	parseScheduleInstant,
	toProviderTime,
} from '../../nodes/SmsHandover/helpers/scheduleTime';

const KOLKATA = 'Asia/Kolkata';
const NEW_YORK = 'America/New_York';
const LONDON = 'Europe/London';

// Each row: input, zone, the instant it denotes, the provider time in that zone.
// 2026 DST: New York springs forward 8 March 02:00 → 03:00 and falls back 1 November 02:00 → 01:00;
// London springs forward 29 March 01:00 → 02:00 and falls back 25 October 02:00 → 01:00.
describe('parseScheduleInstant and toProviderTime', () => {
	it.each<[string, string | Date, string, string, string]>([
		// Asia/Kolkata: +05:30 all year, the credential's default
		['zone-less = wall time in the zone', '2026-12-01T14:30:00', KOLKATA, '2026-12-01T09:00:00.000Z', '2026-12-01 14:30'],
		['Z = UTC', '2026-12-01T14:30:00Z', KOLKATA, '2026-12-01T14:30:00.000Z', '2026-12-01 20:00'],
		["the zone's own offset", '2026-12-01T14:30:00+05:30', KOLKATA, '2026-12-01T09:00:00.000Z', '2026-12-01 14:30'],
		['another offset, next day there', '2026-12-01T14:30:00-08:00', KOLKATA, '2026-12-01T22:30:00.000Z', '2026-12-02 04:00'],
		['compact offset', '2026-12-01T14:30:00+0530', KOLKATA, '2026-12-01T09:00:00.000Z', '2026-12-01 14:30'],
		['hour-only offset', '2026-12-01T14:30:00+05', KOLKATA, '2026-12-01T09:30:00.000Z', '2026-12-01 15:00'],
		['milliseconds and offset (Luxon toString)', '2026-12-01T14:30:00.000+05:30', KOLKATA, '2026-12-01T09:00:00.000Z', '2026-12-01 14:30'],
		['no seconds', '2026-12-01T14:30', KOLKATA, '2026-12-01T09:00:00.000Z', '2026-12-01 14:30'],
		['space instead of T', '2026-12-01 14:30', KOLKATA, '2026-12-01T09:00:00.000Z', '2026-12-01 14:30'],
		['date only = midnight there', '2026-12-01', KOLKATA, '2026-11-30T18:30:00.000Z', '2026-12-01 00:00'],
		['surrounding whitespace', '  2026-12-01T14:30:00  ', KOLKATA, '2026-12-01T09:00:00.000Z', '2026-12-01 14:30'],
		['two-digit hour for 9 am', '2026-12-01T09:05:00', KOLKATA, '2026-12-01T03:35:00.000Z', '2026-12-01 09:05'],
		['midnight', '2026-12-01T00:00:00', KOLKATA, '2026-11-30T18:30:00.000Z', '2026-12-01 00:00'],
		['seconds are kept in the instant, dropped in the provider time', '2026-12-01T14:30:59', KOLKATA, '2026-12-01T09:00:59.000Z', '2026-12-01 14:30'],
		['rounded down, never up', '2026-12-01T14:30:59.999', KOLKATA, '2026-12-01T09:00:59.999Z', '2026-12-01 14:30'],
		['UTC seconds rounded down too', '2026-12-01T23:59:59.999Z', KOLKATA, '2026-12-01T23:59:59.999Z', '2026-12-02 05:29'],
		['year boundary', '2026-12-31T20:00:00Z', KOLKATA, '2026-12-31T20:00:00.000Z', '2027-01-01 01:30'],
		['leap day', '2028-02-29T10:00:00', KOLKATA, '2028-02-29T04:30:00.000Z', '2028-02-29 10:00'],
		['a Date is an instant', new Date('2026-12-01T09:00:00Z'), KOLKATA, '2026-12-01T09:00:00.000Z', '2026-12-01 14:30'],
		['a 45-minute zone', '2026-12-01T14:30:00Z', 'Asia/Kathmandu', '2026-12-01T14:30:00.000Z', '2026-12-01 20:15'],
		['UTC zone', '2026-12-01T14:30:00', 'UTC', '2026-12-01T14:30:00.000Z', '2026-12-01 14:30'],

		// America/New_York across the March change
		['New York, winter (EST, -05:00)', '2026-03-07T12:00:00', NEW_YORK, '2026-03-07T17:00:00.000Z', '2026-03-07 12:00'],
		['New York, summer (EDT, -04:00)', '2026-03-09T12:00:00', NEW_YORK, '2026-03-09T16:00:00.000Z', '2026-03-09 12:00'],
		['New York, last minute before the change', '2026-03-08T01:59:00', NEW_YORK, '2026-03-08T06:59:00.000Z', '2026-03-08 01:59'],
		['New York, first minute after the change', '2026-03-08T03:00:00', NEW_YORK, '2026-03-08T07:00:00.000Z', '2026-03-08 03:00'],
		['New York, skipped 02:30 moves forward by the gap', '2026-03-08T02:30:00', NEW_YORK, '2026-03-08T07:30:00.000Z', '2026-03-08 03:30'],
		['New York, UTC instant just before the change', '2026-03-08T06:59:00Z', NEW_YORK, '2026-03-08T06:59:00.000Z', '2026-03-08 01:59'],
		['New York, UTC instant at the change', '2026-03-08T07:00:00Z', NEW_YORK, '2026-03-08T07:00:00.000Z', '2026-03-08 03:00'],
		// ... and the November change
		['New York, before the repeated hour', '2026-11-01T00:59:00', NEW_YORK, '2026-11-01T04:59:00.000Z', '2026-11-01 00:59'],
		['New York, repeated 01:30 is the first (EDT) one', '2026-11-01T01:30:00', NEW_YORK, '2026-11-01T05:30:00.000Z', '2026-11-01 01:30'],
		['New York, the second 01:30 with its offset', '2026-11-01T01:30:00-05:00', NEW_YORK, '2026-11-01T06:30:00.000Z', '2026-11-01 01:30'],
		['New York, after the repeated hour (EST)', '2026-11-01T02:00:00', NEW_YORK, '2026-11-01T07:00:00.000Z', '2026-11-01 02:00'],

		// Europe/London: GMT in winter, BST (+01:00) in summer
		['London, winter = UTC', '2026-01-15T10:00:00', LONDON, '2026-01-15T10:00:00.000Z', '2026-01-15 10:00'],
		['London, summer = UTC+1', '2026-07-15T10:00:00', LONDON, '2026-07-15T09:00:00.000Z', '2026-07-15 10:00'],
		['London, UTC instant in summer', '2026-07-15T09:00:00Z', LONDON, '2026-07-15T09:00:00.000Z', '2026-07-15 10:00'],
		['London, skipped 01:30 moves forward by the gap', '2026-03-29T01:30:00', LONDON, '2026-03-29T01:30:00.000Z', '2026-03-29 02:30'],
		['London, repeated 01:30 is the first (BST) one', '2026-10-25T01:30:00', LONDON, '2026-10-25T00:30:00.000Z', '2026-10-25 01:30'],
		['London, offset input from India', '2026-07-15T14:30:00+05:30', LONDON, '2026-07-15T09:00:00.000Z', '2026-07-15 10:00'],
	])('%s', (_label, when, timeZone, instant, providerTime) => {
		expect(parseScheduleInstant(when, timeZone).toISOString()).toBe(instant);
		expect(toProviderTime(when, timeZone)).toBe(providerTime);
	});

	it('gives one instant three wall-clock times', () => {
		const when = '2026-06-01T12:00:00Z';
		expect([KOLKATA, NEW_YORK, LONDON].map((zone) => toProviderTime(when, zone))).toEqual([
			'2026-06-01 17:30',
			'2026-06-01 08:00',
			'2026-06-01 13:00',
		]);
	});

	it('reads the same zone-less wall time as three different instants', () => {
		const when = '2026-06-01T12:00:00';
		expect([KOLKATA, NEW_YORK, LONDON].map((zone) => parseScheduleInstant(when, zone).toISOString())).toEqual([
			'2026-06-01T06:30:00.000Z',
			'2026-06-01T16:00:00.000Z',
			'2026-06-01T11:00:00.000Z',
		]);
	});
});

describe('a repeated hour', () => {
	const realNow = Settings.now;
	afterEach(() => (Settings.now = realNow));

	// Luxon alone resolves a repeated wall time with the offset in force when the code runs.
	it.each(['2026-07-01T12:00:00Z', '2026-12-01T12:00:00Z'])('is the first one whenever it runs (now = %s)', (now) => {
		Settings.now = () => Date.parse(now);
		expect(parseScheduleInstant('2026-11-01T01:30:00', NEW_YORK).toISOString()).toBe('2026-11-01T05:30:00.000Z');
		expect(parseScheduleInstant('2026-10-25T01:30:00', LONDON).toISOString()).toBe('2026-10-25T00:30:00.000Z');
	});
});

describe('invalid input', () => {
	const invalidTime =
		/^Invalid schedule time .*: use an ISO 8601 date and time such as 2026-12-01T14:30:00, optionally with Z or an offset like \+05:30$/;

	it.each<[string, string | Date]>([
		['words', 'tomorrow at 9'],
		['empty', ''],
		['month 13', '2026-13-01T10:00:00'],
		['30 February', '2026-02-30T10:00:00'],
		['29 February in a common year', '2026-02-29T10:00:00'],
		['hour 24', '2026-12-01T24:00:00'],
		['minute 60', '2026-12-01T14:60'],
		['second 60', '2026-12-01T14:30:60'],
		['offset beyond 23 hours', '2026-12-01T14:30:00+25:00'],
		['US date order', '12/01/2026 14:30'],
		['two-digit year', '26-12-01T14:30'],
		['trailing text', '2026-12-01T14:30:00 IST'],
		['invalid Date', new Date('not a date')],
	])('refuses %s', (_label, when) => {
		expect(() => parseScheduleInstant(when, KOLKATA)).toThrow(invalidTime);
		expect(() => toProviderTime(when, KOLKATA)).toThrow(invalidTime);
	});

	it('names the value it could not read', () => {
		expect(() => toProviderTime('tomorrow', KOLKATA)).toThrow('Invalid schedule time "tomorrow": use an ISO 8601');
	});

	it.each(['Mars/Phobos', 'Asia/Kolkatta', '', ' '])('refuses unknown time zone %j', (zone) => {
		expect(() => toProviderTime('2026-12-01T14:30:00', zone)).toThrow(
			`Unknown time zone "${zone}": use an IANA name such as Asia/Kolkata or Europe/London`,
		);
		expect(() => parseScheduleInstant(new Date(), zone)).toThrow(`Unknown time zone "${zone}"`);
	});
});

describe('isValidTimeZone', () => {
	it.each<[unknown, boolean]>([
		['Asia/Kolkata', true],
		['Asia/Calcutta', true],
		['America/New_York', true],
		['Europe/London', true],
		['UTC', true],
		['Mars/Phobos', false],
		['Asia/Kolkatta', false],
		['', false],
		[undefined, false],
		[null, false],
		[530, false],
	])('%j → %s', (zone, expected) => {
		expect(isValidTimeZone(zone)).toBe(expected);
	});
});
