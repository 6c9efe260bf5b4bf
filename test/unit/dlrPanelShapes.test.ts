/**
 * The shapes SMS Handover's own panel code sends (github.com/jahanzaibrao/burjsms.com):
 * node/miscHelper.js `apiCalls` / `bulkApiCall` (native and ntapi pushes, batch arrays) and
 * ClientController::miscApi getDLR rows. Pushes are built as that code builds them, by the simulator's
 * builder (test/simulator/panelPush.js): one recipient by default has 1 part, delivered.
 */
import {
	extractReportRecords,
	normaliseReport,
	parseDlrRequest,
	parseReportTime,
	type DeliveryReport,
} from '../../nodes/SmsHandover/helpers/dlr';
import { batchPush, nativePush, nestedReport, ntapiPush } from '../simulator';

const report = (record: Record<string, unknown>, timeZone?: string) =>
	normaliseReport(record, { timeZone }) as DeliveryReport;

describe('the panel native push', () => {
	it('is one report per recipient with the shoot id, times and the new fields', () => {
		const body = nativePush();
		expect(report(body)).toEqual({
			shootId: 'smshnd_k2j4h5g6',
			mobile: '919812345678',
			status: 'delivered',
			providerStatus: 'DELIVERED',
			reason: 'DELIVRD',
			deliveredAt: '2026-11-30T04:50:36.000Z',
			sentAt: '2026-11-30T04:50:31.000Z',
			errorCode: null,
			senderId: 'SMSHND',
			messageIds: ['1ef4d949-7639-6880-bf73-ae79481385ed'],
			parts: 1,
			route: { id: '1', name: 'Transactional' },
			attempt: 1,
			raw: body,
		});
	});

	it('keeps a multi-part message as one report: parts from credits_charged, every listed id kept', () => {
		const body = nativePush({ segments: 2, messageId: 'M' });
		expect(extractReportRecords(body)).toEqual([body]);
		expect(report(body)).toMatchObject({ shootId: 'smshnd_k2j4h5g6', parts: 2, messageIds: ['M', 'M_2', 'M_3'], status: 'delivered' });
	});

	it.each([
		['an empty sms_id', ''],
		['a null sms_id', null],
	])('lists no made-up part ids when the SMSC gave %s (the panel still writes `<id>_2`…)', (_label, messageId) => {
		const body = nativePush({ segments: 2, messageId: messageId as string });
		expect((body.dlr as Array<{ message_id: unknown }>).map((part) => part.message_id)).toEqual([messageId, `${messageId}_2`, `${messageId}_3`]);
		expect(report(body).messageIds).toEqual([]);
	});

	it.each([
		['DELIVERED', 'DELIVRD', 'delivered', 'DELIVERED'],
		['FAILED', 'UNDELIV', 'failed', 'FAILED'],
		['FAILED', 'EXPIRED', 'failed', 'FAILED'],
		['REJECTED', 'REJECTD', 'rejected', 'REJECTED'],
		['INVALID', '', 'rejected', 'INVALID'],
		// The panel's word is '' for a code it has no word for: the operator's reply decides.
		['', 'DELIVRD', 'delivered', 'DELIVRD'],
		['', 'EXPIRED', 'expired', 'EXPIRED'],
		['', 'id:6a1f err:000 Delivered On Priority Channel', 'unknown', 'id:6a1f err:000 Delivered On Priority Channel'],
		['', '', 'unknown', null],
		// Kannel's NACK: the SMSC refused the submit (the panel stores it as the operator's reply).
		['', 'NACK', 'rejected', 'NACK'],
	])('dlr %p with operator reply %p → %s', (dlr, reply, status, providerStatus) => {
		expect(report(nativePush({ dlr, reply }))).toMatchObject({ status, providerStatus, reason: reply || null });
	});

	it('reads the error code inside an operator reply', () => {
		const body = nativePush({ dlr: 'DELIVERED', reply: 'id:6a1f err:000 Delivered On Priority Channel' });
		expect(report(body)).toMatchObject({ status: 'delivered', errorCode: '000' });
	});

	it('gives the worst part status and the latest part time when parts differ', () => {
		const body = nativePush({
			segments: 2,
			messageId: 'M',
			deliveryTime: '2026-11-30 10:20:36',
			parts: [{}, { dlr: 'FAILED', reply: 'UNDELIV', deliveryTime: '2026-11-30 10:21:00' }, {}],
		});
		expect(report(body, 'Asia/Kolkata')).toMatchObject({
			status: 'failed',
			providerStatus: 'FAILED',
			reason: 'UNDELIV',
			deliveredAt: '2026-11-30T04:51:00.000Z',
		});
	});

	it('reads `YYYY-MM-DD HH:mm:ss` times in the given zone and Date text by its own offset', () => {
		const sql = nativePush({ sentTime: '2026-11-30 10:20:31', deliveryTime: '2026-11-30 10:20:36' });
		expect(report(sql, 'Asia/Kolkata')).toMatchObject({ sentAt: '2026-11-30T04:50:31.000Z', deliveredAt: '2026-11-30T04:50:36.000Z' });
		expect(report(nativePush(), 'America/New_York').deliveredAt).toBe('2026-11-30T04:50:36.000Z');
	});

	it.each([['Invalid Date'], ['0000-00-00 00:00:00'], ['null'], ['']])('has no delivery time for %p', (delivered) => {
		expect(report(nativePush({ dlr: 'INVALID', reply: '', deliveryTime: delivered })).deliveredAt).toBeNull();
	});

	it('reads text numbers and a later attempt', () => {
		const body = nativePush({ mobile: '919812345678', credits: '2', attempt: '3' });
		expect(report(body)).toMatchObject({ mobile: '919812345678', parts: 2, attempt: 3 });
	});

	it('treats the texts "null" and "undefined" as missing (the panel interpolates absent columns)', () => {
		// The panel's queue model saves no sms_shoot_id, route_title, sms_count or operator_reply:
		// unless the live panel differs, its push carries them as null / "null".
		const body = nativePush({ reply: 'null', shootId: null, credits: null, route: { id: 1, title: null } });
		expect(report(body)).toMatchObject({
			shootId: null,
			mobile: '919812345678',
			status: 'delivered',
			providerStatus: 'DELIVERED',
			reason: null,
			parts: null,
			route: { id: '1', name: null },
		});
		expect(report(nativePush({ dlr: '', reply: 'undefined' })).status).toBe('unknown');
	});

	it('takes the number from the parts when the recipient level has none', () => {
		const body = nativePush({ mobile: undefined, parts: [{ mobile: 919812345678 }] });
		expect(body).not.toHaveProperty('mobile');
		expect(report(body).mobile).toBe('919812345678');
	});
});

describe('the panel batch push (a JSON array of native objects)', () => {
	it('is one report per recipient, in order, in one request', () => {
		const body = batchPush(
			Array.from({ length: 1000 }, (_, i) => ({ shootId: `S${i % 7}`, mobile: 919800000000 + i, dlr: i % 3 === 0 ? 'FAILED' : 'DELIVERED', segments: (i % 2) + 1 })),
		);
		const result = parseDlrRequest({ method: 'POST', body, contentType: 'application/json', timeZone: 'Asia/Kolkata' });
		expect(result.rejected).toBeNull();
		expect(result.reports).toHaveLength(1000);
		expect(result.reports[999]).toMatchObject({ shootId: 'S5', mobile: '919800000999', status: 'failed', parts: 2 });
		expect(result.reports.filter((r) => r.status === 'delivered')).toHaveLength(666);
	});
});

describe('the panel ntapi push', () => {
	const ntapi = ntapiPush({ mobile: '919812345678', messageId: 'a1b2c3', reply: 'DELIVRD' });

	it('reads the number from FROM, the message id from SMID and the status from DETAIL', () => {
		expect(report(ntapi)).toMatchObject({
			shootId: null,
			mobile: '919812345678',
			messageIds: ['a1b2c3'],
			status: 'delivered',
			providerStatus: 'DELIVRD',
		});
	});

	it.each([
		['UNDELIV', 'failed'],
		['EXPIRED', 'expired'],
		['REJECTD', 'rejected'],
		['', 'unknown'],
	])('DETAIL %p → %s', (detail, status) => {
		expect(report({ ...ntapi, DETAIL: detail }).status).toBe(status);
	});

	it('comes through the request parser as a JSON body', () => {
		const result = parseDlrRequest({ method: 'POST', body: ntapi, contentType: 'application/json' });
		expect(result.reports.map((r) => [r.mobile, r.status])).toEqual([['919812345678', 'delivered']]);
	});
});

describe('getDLR rows', () => {
	it.each([
		['Delivered', 'Handset Delivered', 'delivered'],
		['Failed', 'Unavailable Sucscriber', 'failed'],
		['Queued', 'BUFFERED', 'pending'],
		['Operator Submitted', 'SMSC SUBMIT', 'pending'],
		['Pending', 'DLR Pending', 'pending'],
		['Rejected', 'SMSC REJECT', 'rejected'],
		['Invalid', 'Invalid Subscriber', 'rejected'],
		[null, null, 'unknown'],
	])('DLR %p (DESC %p) → %s, DESC as the reason', (dlr, desc, status) => {
		const row = { MSISDN: 919812345678, DLR: dlr, DESC: desc };
		expect(report(row)).toMatchObject({ shootId: null, mobile: '919812345678', status, providerStatus: dlr, reason: desc });
	});
});

describe('the empty object', () => {
	it.each([
		['a parsed JSON body with its raw bytes', { body: {}, rawBody: new TextEncoder().encode('{}'), contentType: 'application/json' }],
		['JSON text', { body: ' {} ', contentType: 'text/plain' }],
		['with only the token in the query', { query: { token: 't' }, body: {}, rawBody: '{}', contentType: 'application/json' }],
		['with other query fields of the URL', { query: { src: 'n8n' }, body: {}, rawBody: '{}', contentType: 'application/json' }],
	])('is no report but not refused: %s', (_label, request) => {
		expect(parseDlrRequest({ method: 'POST', ...request })).toEqual({
			reports: [],
			rejected: null,
			rejectedStatus: null,
			emptyObject: true,
		});
	});

	it('keeps the message id a row names (sms_id of the JSON API) in messageIds', () => {
		expect(report({ ...nestedReport(), sms_id: 'c0ffee-1' }).messageIds).toEqual(['c0ffee-1']);
		expect(report(nestedReport()).messageIds).toEqual([]);
	});

	it('is refused like any empty request when no body arrived at all', () => {
		expect(parseDlrRequest({ method: 'POST', body: {}, contentType: 'application/json' }).rejectedStatus).toBe(400);
	});
});

describe('JavaScript date texts', () => {
	it.each([
		['Mon Nov 30 2026 10:20:36 GMT+0530 (India Standard Time)', '2026-11-30T04:50:36.000Z'],
		['Mon Nov 30 2026 10:20:36 GMT+0530', '2026-11-30T04:50:36.000Z'],
		['Sun Mar 29 2026 01:30:00 GMT-0400 (Eastern Daylight Time)', '2026-03-29T05:30:00.000Z'],
		['Mon Nov 30 2026 04:50:36 GMT+0000 (Coordinated Universal Time)', '2026-11-30T04:50:36.000Z'],
		['Mon, 30 Nov 2026 04:50:36 GMT', '2026-11-30T04:50:36.000Z'],
	])('%p → %p whatever the zone', (text, iso) => {
		expect(parseReportTime(text, { timeZone: 'Asia/Tokyo' })).toBe(iso);
	});

	it.each([['Invalid Date'], ['Mon Foo 30 2026 10:20:36 GMT+0530'], ['Mon Feb 30 2026 10:20:36 GMT+0530']])('is null for %p', (text) => {
		expect(parseReportTime(text)).toBeNull();
	});
});

describe("the panel's nested report (its JSON API: one record per message, the delivery in an object)", () => {
	const nested = (overrides: Record<string, unknown> = {}, dlr: Record<string, unknown> = {}) => {
		const record = nestedReport({
			shootId: 'SHOOT-N1',
			mobile: '919812345678',
			senderId: 'SMSHND',
			sent: '2026-11-30 10:20:31',
			status: 'Handset Delivered',
			reply: 'DELIVRD',
			deliveryTime: '2026-11-30 10:20:36',
			...overrides,
		});
		return { ...record, dlr: { ...(record.dlr as Record<string, unknown>), ...dlr } };
	};

	it('pushed alone is one report, times read in the zone given', () => {
		const body = nested();
		expect(parseDlrRequest({ body, timeZone: 'Asia/Kolkata' }).reports).toEqual([
			expect.objectContaining({
				shootId: 'SHOOT-N1',
				mobile: '919812345678',
				status: 'delivered',
				providerStatus: 'DELIVRD',
				reason: 'Handset Delivered',
				deliveredAt: '2026-11-30T04:50:36.000Z',
				sentAt: '2026-11-30T04:50:31.000Z',
				senderId: 'SMSHND',
				raw: body,
			}),
		]);
	});

	it.each([
		['an array', (records: object[]) => records],
		['the getDLR answer', (records: object[]) => ({ status: 'success', data: records })],
	])('in %s: one report per record', (_label, wrap) => {
		const body = wrap([nested(), nested({ shootId: 'SHOOT-N2', mobile: '919800000002' }, { status: 'Failed', operator_reply: 'UNDELIV' })]);
		expect(parseDlrRequest({ body }).reports.map((r) => [r.shootId, r.mobile, r.status, r.deliveredAt !== null])).toEqual([
			['SHOOT-N1', '919812345678', 'delivered', true],
			['SHOOT-N2', '919800000002', 'failed', true],
		]);
	});

	it.each([
		['Handset Delivered', 'delivered'],
		['Blacklist/Opted-out', 'rejected'],
		['Invalid Subscriber', 'failed'],
		['Unavailable Sucscriber', 'failed'],
		['SMSC REJECT', 'rejected'],
		['BUFFERED', 'pending'],
		['SMSC SUBMIT', 'pending'],
		['DLR Pending', 'pending'],
		['Delivered', 'delivered'],
		['Operator Submitted', 'pending'],
	])('dlr.status "%s" is %s', (status, expected) => {
		expect(report(nested({}, { status, operator_reply: null })).status).toBe(expected);
	});
});

describe('getDLR rows without a DLR word', () => {
	it.each([
		['Blacklist/Opted-out', 'rejected'],
		['Invalid Subscriber', 'failed'],
		['DLR Pending', 'pending'],
	])('take their status from DESC "%s" (%s), so a poll can end', (desc, status) => {
		expect(report({ MSISDN: '919812345678', DLR: null, DESC: desc })).toMatchObject({ status, providerStatus: desc, reason: desc });
	});
});
