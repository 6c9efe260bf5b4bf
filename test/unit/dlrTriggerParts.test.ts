import type { DeliveryReport } from '../../nodes/SmsHandover/helpers/dlr';
import { dedupeKey, SeenReports } from '../../nodes/SmsHandover/trigger/dedupe';
import { carriesToken } from '../../nodes/SmsHandover/trigger/token';

const report = (overrides: Partial<DeliveryReport>): DeliveryReport => ({
	shootId: 'S1',
	mobile: '919800000001',
	status: 'delivered',
	providerStatus: 'DELIVRD',
	reason: null,
	deliveredAt: null,
	sentAt: null,
	errorCode: null,
	senderId: null,
	messageIds: [],
	parts: null,
	route: null,
	attempt: null,
	raw: {},
	...overrides,
});

describe('dedupeKey', () => {
	it('is the same for the same shoot id, number and status', () => {
		expect(dedupeKey(report({ providerStatus: 'DELIVRD' }))).toBe(
			dedupeKey(report({ providerStatus: 'Delivered', raw: { other: 1 } })),
		);
	});

	it('ignores number formatting', () => {
		expect(dedupeKey(report({ mobile: '+91 98000-00001' }))).toBe(dedupeKey(report({})));
	});

	it.each([
		['shoot id', { shootId: 'S2' }],
		['number', { mobile: '919800000002' }],
		['status', { status: 'failed' as const }],
	])('differs when the %s differs', (_label, change) => {
		expect(dedupeKey(report(change))).not.toBe(dedupeKey(report({})));
	});

	it('keeps different unfamiliar statuses apart', () => {
		expect(dedupeKey(report({ status: 'unknown', providerStatus: 'X1' }))).not.toBe(
			dedupeKey(report({ status: 'unknown', providerStatus: 'X2' })),
		);
	});

	it('is null when the report names neither shoot id nor number', () => {
		expect(dedupeKey(report({ shootId: null, mobile: null }))).toBeNull();
	});
});

describe('SeenReports', () => {
	const key = (value: string | null) => value;
	const minute = 60_000;

	it('drops what was seen within the window, also inside one batch', () => {
		const seen = new SeenReports();
		expect(seen.keepUnseen('wf:n', ['a', 'b', 'a'], key, 10 * minute, 0)).toEqual(['a', 'b']);
		expect(seen.keepUnseen('wf:n', ['a', 'c'], key, 10 * minute, 5 * minute)).toEqual(['c']);
	});

	it('lets a report through again once the window has passed', () => {
		const seen = new SeenReports();
		seen.keepUnseen('wf:n', ['a'], key, 10 * minute, 0);
		expect(seen.keepUnseen('wf:n', ['a'], key, 10 * minute, 10 * minute)).toEqual(['a']);
		expect(seen.size).toBe(1);
	});

	it('keeps triggers apart', () => {
		const seen = new SeenReports();
		seen.keepUnseen('wf1:n', ['a'], key, minute, 0);
		expect(seen.keepUnseen('wf2:n', ['a'], key, minute, 1)).toEqual(['a']);
	});

	it('never drops reports without a key', () => {
		const seen = new SeenReports();
		expect(seen.keepUnseen('wf:n', [null, null], key, minute, 0)).toEqual([null, null]);
		expect(seen.size).toBe(0);
	});

	it('forgets expired entries instead of growing', () => {
		const seen = new SeenReports();
		for (let i = 0; i < 100; i++) seen.keepUnseen('wf:n', [`r${i}`], key, minute, i * minute);
		expect(seen.size).toBe(1);
	});

	it("a trigger past its quota forgets its own oldest reports, never another trigger's", () => {
		const seen = new SeenReports(2, 10);
		seen.keepUnseen('quiet', ['x'], key, minute, 0);
		seen.keepUnseen('flood', ['a', 'b', 'c'], key, minute, 1);
		expect([seen.sizeOf('flood'), seen.sizeOf('quiet')]).toEqual([2, 1]);
		// 'a' was the flood's oldest: it passes again; the quiet trigger still drops its repeat.
		expect(seen.keepUnseen('flood', ['a', 'c'], key, minute, 2)).toEqual(['a']);
		expect(seen.keepUnseen('quiet', ['x'], key, minute, 3)).toEqual([]);
	});

	it('past the process total, the trigger that remembers most gives way', () => {
		const seen = new SeenReports(10, 4);
		seen.keepUnseen('quiet', ['x'], key, minute, 0);
		seen.keepUnseen('busy', ['a', 'b', 'c', 'd'], key, minute, 1);
		expect(seen.size).toBe(4);
		expect([seen.sizeOf('busy'), seen.sizeOf('quiet')]).toEqual([3, 1]);
		expect(seen.keepUnseen('quiet', ['x'], key, minute, 2)).toEqual([]);
	});

	it('remembers a report by a digest of fixed size, whatever its shoot id holds', () => {
		const seen = new SeenReports();
		const huge = 'S'.repeat(1_000_000);
		expect(seen.keepUnseen('wf:n', [huge, `${huge}x`, huge], key, minute, 0)).toEqual([huge, `${huge}x`]);
	});
});

describe('carriesToken', () => {
	it('accepts the secret as query parameter or header', () => {
		expect(carriesToken('s3cret', { token: 's3cret' }, {})).toBe(true);
		expect(carriesToken('s3cret', {}, { 'x-smshandover-token': 's3cret' })).toBe(true);
		expect(carriesToken('s3cret', { token: ['s3cret', 'x'] }, {})).toBe(true);
	});

	it.each([
		['missing', {}, {}],
		['wrong', { token: 's3cre' }, {}],
		['longer', { token: 's3cret!' }, {}],
		['different case', {}, { 'x-smshandover-token': 'S3CRET' }],
		['empty', { token: '' }, { 'x-smshandover-token': '' }],
		['in another header', {}, { authorization: 's3cret' }],
	])('refuses a token that is %s', (_label, query, headers) => {
		expect(carriesToken('s3cret', query, headers)).toBe(false);
	});
});
