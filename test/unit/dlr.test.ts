import {
	extractReportRecords,
	FIELD_ALIASES,
	MAX_RAW_BODY_BYTES,
	MAX_REPORTS_PER_REQUEST,
	normaliseReport,
	normaliseStatus,
	parseDlrRequest,
	parseReportTime,
	WRAPPER_KEYS,
	type DeliveryReport,
} from '../../nodes/SmsHandover/helpers/dlr';

const report = (record: Record<string, unknown>, timeZone?: string) =>
	normaliseReport(record, { timeZone }) as DeliveryReport;

describe('extractReportRecords', () => {
	const one = { sms_shoot_id: 'S1', status: 'DELIVRD' };

	it('treats an object as one record', () => {
		expect(extractReportRecords(one)).toEqual([one]);
	});

	it('keeps only the object elements of an array', () => {
		const two = { id: 'S2', status: 'UNDELIV' };
		expect(extractReportRecords([one, 'x', 3, null, [one], two])).toEqual([one, two]);
	});

	it.each(WRAPPER_KEYS.flatMap((key) => [key, key.toUpperCase()]))('unwraps a list under "%s"', (key) => {
		const two = { id: 'S2', status: 'UNDELIV' };
		expect(extractReportRecords({ count: 2, [key]: [one, two] })).toEqual([one, two]);
	});

	it('unwraps a JSON list sent as a form field (data=[...])', () => {
		expect(extractReportRecords({ data: JSON.stringify([one, one]) })).toEqual([one, one]);
	});

	it('unwraps a single report under a wrapper of an API-style answer', () => {
		expect(extractReportRecords({ status: 'success', data: one })).toEqual([one]);
	});

	it('keeps a report that merely has a nested object under a wrapper-like key', () => {
		const record = { id: 'S1', status: 'DELIVRD', data: { foo: 1 } };
		expect(extractReportRecords(record)).toEqual([record]);
	});

	it('unwraps an empty wrapper list to no records', () => {
		expect(extractReportRecords({ result: 'success', data: [] })).toEqual([]);
	});

	it('parses JSON text (text/plain bodies)', () => {
		expect(extractReportRecords(JSON.stringify(one))).toEqual([one]);
		expect(extractReportRecords(`  ${JSON.stringify([one, one])}\n`)).toEqual([one, one]);
		expect(extractReportRecords(JSON.stringify({ reports: [one] }))).toEqual([one]);
	});

	it('parses an SMPP receipt sent as text', () => {
		const text = 'id:0123456789 sub:001 dlvrd:001 submit date:2601011200 done date:2601011201 stat:DELIVRD err:000 text:Hello there';
		expect(extractReportRecords(text)).toEqual([
			{
				id: '0123456789',
				sub: '001',
				dlvrd: '001',
				submit_date: '2601011200',
				done_date: '2601011201',
				stat: 'DELIVRD',
				err: '000',
				text: 'Hello there',
			},
		]);
	});

	it('parses form-encoded text', () => {
		expect(extractReportRecords('shootid=S9&mobile=919800000001&status=Delivered')).toEqual([
			{ shootid: 'S9', mobile: '919800000001', status: 'Delivered' },
		]);
	});

	it.each([['hello world'], ['{"broken":'], [''], [42], [null], [undefined], [true]])(
		'finds no record in %p',
		(payload) => {
			expect(extractReportRecords(payload)).toEqual([]);
		},
	);
});

describe('normaliseReport', () => {
	it('returns the documented shape with the record kept as raw', () => {
		const record = {
			sms_shoot_id: 'kJ09981hjkksuj95',
			mobile: '919887000001',
			status: 'DELIVRD',
			delivered_at: '2026-03-01 14:30:05',
			err: '000',
		};
		const result = report(record);
		expect(result).toEqual({
			shootId: 'kJ09981hjkksuj95',
			mobile: '919887000001',
			status: 'delivered',
			providerStatus: 'DELIVRD',
			reason: null,
			deliveredAt: '2026-03-01T14:30:05.000Z',
			sentAt: null,
			errorCode: '000',
			senderId: null,
			messageIds: [],
			parts: null,
			route: null,
			attempt: null,
			raw: record,
		});
		expect(result.raw).toBe(record);
	});

	it.each(FIELD_ALIASES.shootId)('reads the shoot id from "%s"', (alias) => {
		expect(report({ [alias]: 'SHOOT-1' }).shootId).toBe('SHOOT-1');
	});

	it.each(FIELD_ALIASES.mobile)('reads the number from "%s"', (alias) => {
		expect(report({ [alias]: '919800000002' }).mobile).toBe('919800000002');
	});

	it.each(FIELD_ALIASES.status)('reads the status from "%s"', (alias) => {
		const result = report({ id: 'S', [alias]: 'UNDELIV' });
		expect([result.status, result.providerStatus]).toEqual(['failed', 'UNDELIV']);
	});

	it.each(FIELD_ALIASES.deliveredAt)('reads the time from "%s"', (alias) => {
		expect(report({ id: 'S', [alias]: '2026-01-02 03:04:05' }).deliveredAt).toBe('2026-01-02T03:04:05.000Z');
	});

	it.each(FIELD_ALIASES.errorCode)('reads the error code from "%s"', (alias) => {
		expect(report({ id: 'S', [alias]: '027' }).errorCode).toBe('027');
	});

	it.each([
		[{ SMS_SHOOT_ID: 'A', MSISDN: '9198', Status: 'Delivered' }],
		[{ 'Sms-Shoot-Id': 'A', Number: '9198', 'DLR Status': 'delivered' }],
		[{ ShootId: 'A', TO: '9198', DeliveryStatus: 'DELIVERED' }],
		[{ MessageID: 'A', Contact: '9198', Delivery_Status: 'handset delivered' }],
	])('matches field names without regard to case or separators: %p', (record) => {
		const result = report(record);
		expect([result.shootId, result.mobile, result.status]).toEqual(['A', '9198', 'delivered']);
	});

	it('prefers the more specific alias when several are present', () => {
		expect(report({ id: '17', sms_shoot_id: 'REAL', status: 'DELIVRD' }).shootId).toBe('REAL');
	});

	it('turns numbers into strings', () => {
		const result = report({ shootid: 123456, mobile: 919800000003, status: 1, error_code: 0 });
		expect(result).toMatchObject({ shootId: '123456', mobile: '919800000003', status: 'delivered', errorCode: '0' });
	});

	it('lets the first understood status field decide and keeps its text', () => {
		const result = report({ id: 'S', status: 'OK', description: 'Absent Subscriber' });
		expect([result.status, result.providerStatus, result.reason]).toEqual(['failed', 'Absent Subscriber', null]);
	});

	it('keeps a description beside the deciding status as the reason', () => {
		const result = report({ id: 'S', status: 'UNDELIV', description: 'Absent Subscriber' });
		expect([result.status, result.providerStatus, result.reason]).toEqual(['failed', 'UNDELIV', 'Absent Subscriber']);
	});

	it.each(FIELD_ALIASES.reason)('reads the reason from "%s"', (alias) => {
		expect(report({ id: 'S', status: 'UNDELIV', [alias]: 'Handset busy' }).reason).toBe('Handset busy');
	});

	it.each(FIELD_ALIASES.senderId)('reads the sender ID from "%s"', (alias) => {
		expect(report({ id: 'S', [alias]: 'SMSHND' }).senderId).toBe('SMSHND');
	});

	it.each(FIELD_ALIASES.sentAt)('reads the sending time from "%s"', (alias) => {
		expect(report({ id: 'S', [alias]: '2026-01-02 03:04:05' }).sentAt).toBe('2026-01-02T03:04:05.000Z');
	});

	it('keeps an unfamiliar status as unknown with its text', () => {
		const result = report({ id: 'S', status: 'Waiting for carrier moon phase' });
		expect([result.status, result.providerStatus]).toEqual(['unknown', 'Waiting for carrier moon phase']);
	});

	it.each([[{ dlr_status: 'EXPIRED' }], [{ status: 1e308 }], [{ status: 'DELIVRD', error_code: '000', delivered_at: '2026-01-01' }]])(
		'is null for a record that names neither a shoot id nor a number: %p',
		(record) => {
			expect(normaliseReport(record)).toBeNull();
		},
	);

	it('gives nulls for missing parts and unknown for a missing status', () => {
		expect(report({ msisdn: '9198' })).toMatchObject({
			shootId: null,
			status: 'unknown',
			providerStatus: null,
			deliveredAt: null,
			errorCode: null,
		});
	});

	it.each([[{}], [{ foo: 'bar', amount: 3 }], [{ id: '', status: '  ' }], [{ id: { nested: 1 } }]])(
		'is null for a record that is no report: %p',
		(record) => {
			expect(normaliseReport(record as Record<string, unknown>)).toBeNull();
		},
	);

	it('reads a repeated query key (array value) by its first value', () => {
		expect(report({ id: ['A', 'B'], status: ['DELIVRD'] })).toMatchObject({ shootId: 'A', status: 'delivered' });
	});

	it('reads SMPP done_date stamps in the given zone', () => {
		expect(report({ id: 'S', done_date: '2601011230' }).deliveredAt).toBe('2026-01-01T12:30:00.000Z');
		expect(report({ id: 'S', done_date: '2601011230' }, 'Asia/Kolkata').deliveredAt).toBe('2026-01-01T07:00:00.000Z');
	});

	it('reads an SMPP receipt end to end', () => {
		const [record] = extractReportRecords('id:77 sub:001 dlvrd:000 submit date:2601011200 done date:2601011205 stat:UNDELIV err:034 text:hi');
		expect(report(record)).toMatchObject({
			shootId: '77',
			status: 'failed',
			providerStatus: 'UNDELIV',
			deliveredAt: '2026-01-01T12:05:00.000Z',
			errorCode: '034',
		});
	});
});

describe('normaliseStatus', () => {
	it.each([
		['DELIVRD', 'delivered'],
		['UNDELIV', 'failed'],
		['EXPIRED', 'expired'],
		['REJECTD', 'rejected'],
		['ACCEPTD', 'pending'],
		['ENROUTE', 'pending'],
		['DELETED', 'failed'],
		['UNKNOWN', 'unknown'],
		['Handset Delivered', 'delivered'],
		['Delivered', 'delivered'],
		['DELIVERED', 'delivered'],
		['Success', 'delivered'],
		['Absent Subscriber', 'failed'],
		['Failed', 'failed'],
		['Undelivered', 'failed'],
		['Invalid Number', 'failed'],
		['Blocked', 'failed'],
		['DND', 'rejected'],
		['NDNC', 'rejected'],
		['Rejected', 'rejected'],
		['Submitted', 'pending'],
		['Sent', 'pending'],
		['Pending', 'pending'],
		['Queued', 'pending'],
		['Accepted', 'pending'],
		['Buffered', 'pending'],
		['Expired', 'expired'],
	])('%s → %s', (text, expected) => {
		expect(normaliseStatus(text)).toBe(expected);
	});

	it.each([
		['handset_delivered', 'delivered'],
		['HANDSET-DELIVERED', 'delivered'],
		['  absent   subscriber ', 'failed'],
		['Invalid_Number', 'failed'],
		['delivrd', 'delivered'],
		['n d n c', 'rejected'],
	])('ignores case, spaces, underscores and dashes: %p → %s', (text, expected) => {
		expect(normaliseStatus(text)).toBe(expected);
	});

	it.each([
		['1', 'delivered'],
		[1, 'delivered'],
		['2', 'failed'],
		[2, 'failed'],
		['4', 'pending'],
		['8', 'pending'],
		[8, 'pending'],
		['16', 'rejected'],
		[16, 'rejected'],
		['016', 'rejected'],
	])('maps the numeric DLR code %p → %s', (code, expected) => {
		expect(normaliseStatus(code)).toBe(expected);
	});

	it('reads the stat of a whole SMPP receipt', () => {
		expect(normaliseStatus('id:1 sub:001 dlvrd:001 stat:REJECTD err:011')).toBe('rejected');
	});

	it.each([['0'], ['3'], [99], ['Delivered-ish maybe'], ['OK'], [''], [null], [undefined], [{}], [Number.NaN]])(
		'is unknown for %p',
		(value) => {
			expect(normaliseStatus(value)).toBe('unknown');
		},
	);
});

describe('parseReportTime', () => {
	it.each([
		['2026-03-01 14:30:05', undefined, '2026-03-01T14:30:05.000Z'],
		['2026-03-01 14:30', undefined, '2026-03-01T14:30:00.000Z'],
		['2026/03/01 14:30:05', undefined, '2026-03-01T14:30:05.000Z'],
		['2026-3-1 9:05:00', undefined, '2026-03-01T09:05:00.000Z'],
		['2026-03-01', undefined, '2026-03-01T00:00:00.000Z'],
		['2026-03-01 14:30:05', 'Asia/Kolkata', '2026-03-01T09:00:05.000Z'],
		['2026-03-01T14:30:05', 'Asia/Kolkata', '2026-03-01T09:00:05.000Z'],
		['2026-03-01T14:30:05.250Z', 'Asia/Kolkata', '2026-03-01T14:30:05.250Z'],
		['2026-03-01T14:30:05+05:30', undefined, '2026-03-01T09:00:05.000Z'],
		['2026-03-01 14:30:05 -0200', undefined, '2026-03-01T16:30:05.000Z'],
		['2026-07-01 12:00:00', 'America/New_York', '2026-07-01T16:00:00.000Z'],
		['2026-01-15 12:00:00', 'America/New_York', '2026-01-15T17:00:00.000Z'],
		['2026-03-01 14:30:05', 'Mars/Olympus_Mons', '2026-03-01T14:30:05.000Z'],
		['20260101123045', undefined, '2026-01-01T12:30:45.000Z'],
		['1767225600', undefined, '2026-01-01T00:00:00.000Z'],
		['1767225600000', undefined, '2026-01-01T00:00:00.000Z'],
	])('%p in %p → %p', (text, timeZone, expected) => {
		expect(parseReportTime(text, { timeZone })).toBe(expected);
	});

	it('reads epoch numbers in seconds and milliseconds', () => {
		expect(parseReportTime(1767225600)).toBe('2026-01-01T00:00:00.000Z');
		expect(parseReportTime(1767225600123)).toBe('2026-01-01T00:00:00.123Z');
	});

	it('reads SMPP stamps (10 and 12 digits) in stamp fields, before epoch', () => {
		expect(parseReportTime('2601011230', { smppStamp: true })).toBe('2026-01-01T12:30:00.000Z');
		expect(parseReportTime('260101123045', { smppStamp: true })).toBe('2026-01-01T12:30:45.000Z');
		expect(parseReportTime('1701011230', { smppStamp: true })).toBe('2017-01-01T12:30:00.000Z');
	});

	it('takes 10 digits as epoch seconds elsewhere, unless that lands years ahead', () => {
		expect(parseReportTime('1701011230')).toBe('2023-11-26T15:07:10.000Z');
		expect(parseReportTime('2601011230')).toBe('2026-01-01T12:30:00.000Z');
	});

	it.each([['2026-02-30 10:00:00'], ['2026-13-01'], ['2026-01-01 24:00:00'], ['yesterday'], [''], ['12'], [42], [null], [{}]])(
		'is null for %p',
		(value) => {
			expect(parseReportTime(value)).toBeNull();
		},
	);
});

const NO_REPORT = 'No delivery report found: expected a shoot id or a number';

describe('parseDlrRequest', () => {
	const delivered = { sms_shoot_id: 'S1', mobile: '919800000001', status: 'DELIVRD' };

	it('reads a GET query string and leaves the secret token out of the report', () => {
		const result = parseDlrRequest({ method: 'GET', query: { ...delivered, token: 's3cret' } });
		expect(result.rejected).toBeNull();
		expect(result.reports).toHaveLength(1);
		expect(result.reports[0]).toMatchObject({ shootId: 'S1', status: 'delivered' });
		expect(result.reports[0].raw).toEqual(delivered);
	});

	it('reads a form body', () => {
		const result = parseDlrRequest({
			method: 'POST',
			body: { shootid: 'F1', msisdn: '9198', dlr_status: 'Absent Subscriber' },
			contentType: 'application/x-www-form-urlencoded',
		});
		expect(result.reports.map((r) => [r.shootId, r.mobile, r.status])).toEqual([['F1', '9198', 'failed']]);
	});

	it('reads a JSON array of reports in order', () => {
		const body = [1, 2, 3].map((n) => ({ id: `J${n}`, to: `91980000000${n}`, status: 'ENROUTE' }));
		const result = parseDlrRequest({ method: 'POST', body, contentType: 'application/json' });
		expect(result.reports.map((r) => r.shootId)).toEqual(['J1', 'J2', 'J3']);
		expect(result.reports.every((r) => r.status === 'pending')).toBe(true);
	});

	it.each([
		['an object', JSON.stringify(delivered)],
		['an array', JSON.stringify([delivered])],
		['a wrapped list', JSON.stringify({ data: [delivered] })],
	])('reads text/plain JSON holding %s', (_label, text) => {
		const result = parseDlrRequest({ method: 'POST', body: text, contentType: 'text/plain' });
		expect(result.reports.map((r) => r.shootId)).toEqual(['S1']);
	});

	it('reads the raw bytes when n8n left the body unparsed (unfamiliar content type)', () => {
		const rawBody = new TextEncoder().encode(JSON.stringify(delivered));
		const result = parseDlrRequest({ method: 'POST', body: {}, rawBody, contentType: 'application/octet-stream' });
		expect(result.reports.map((r) => r.shootId)).toEqual(['S1']);
	});

	it('adds query fields to every body report, body fields winning', () => {
		const result = parseDlrRequest({
			method: 'POST',
			query: { token: 'x', campaign: 'spring', status: 'ignored' },
			body: [delivered, { ...delivered, sms_shoot_id: 'S2' }],
		});
		expect(result.reports.map((r) => r.raw)).toEqual([
			{ campaign: 'spring', ...delivered },
			{ campaign: 'spring', ...delivered, sms_shoot_id: 'S2' },
		]);
		expect(result.reports.map((r) => r.status)).toEqual(['delivered', 'delivered']);
	});

	it('uses the query as the report when the body holds none (POST to a query URL)', () => {
		const result = parseDlrRequest({ method: 'POST', query: delivered, body: [] });
		expect(result.reports.map((r) => r.shootId)).toEqual(['S1']);
	});

	it('reads zone-less times in the given zone', () => {
		const result = parseDlrRequest({
			query: { ...delivered, deliv_time: '2026-03-01 14:30:05' },
			timeZone: 'Asia/Kolkata',
		});
		expect(result.reports[0].deliveredAt).toBe('2026-03-01T09:00:05.000Z');
	});

	it('reads a batch of 1,000 reports from one array', () => {
		const body = Array.from({ length: 1000 }, (_, i) => ({
			sms_shoot_id: `B${i}`,
			mobile: String(919800000000 + i),
			status: i % 2 === 0 ? 'DELIVRD' : 'UNDELIV',
		}));
		const result = parseDlrRequest({ method: 'POST', body, contentType: 'application/json' });
		expect(result.rejected).toBeNull();
		expect(result.reports).toHaveLength(1000);
		expect(result.reports[999]).toMatchObject({ shootId: 'B999', mobile: '919800000999', status: 'failed' });
		expect(result.reports.filter((r) => r.status === 'delivered')).toHaveLength(500);
	});

	it('skips unrecognisable records in a batch that has real ones', () => {
		const result = parseDlrRequest({ body: [delivered, { foo: 1 }, { id: 'S3', status: '16' }] });
		expect(result.reports.map((r) => [r.shootId, r.status])).toEqual([
			['S1', 'delivered'],
			['S3', 'rejected'],
		]);
	});

	it('accepts exactly the maximum number of reports', () => {
		const body = Array.from({ length: MAX_REPORTS_PER_REQUEST }, (_, i) => ({ id: `M${i}`, status: 'DELIVRD' }));
		expect(parseDlrRequest({ body }).reports).toHaveLength(MAX_REPORTS_PER_REQUEST);
	});

	it.each([
		['an array', (records: object[]) => records],
		['a wrapped list', (records: object[]) => ({ data: records })],
	])('refuses more reports than the maximum in %s with 413', (_label, wrap) => {
		const records = Array.from({ length: MAX_REPORTS_PER_REQUEST + 1 }, (_, i) => ({ id: `M${i}` }));
		const result = parseDlrRequest({ body: wrap(records) });
		expect(result).toEqual({
			reports: [],
			rejected: 'Too many reports in one request (more than 50000)',
			rejectedStatus: 413,
			emptyObject: false,
		});
	});

	it('refuses a raw body over 16 MB with 413', () => {
		const rawBody = new Uint8Array(MAX_RAW_BODY_BYTES + 1);
		const result = parseDlrRequest({ body: {}, rawBody });
		expect([result.rejected, result.rejectedStatus]).toEqual(['Request body is larger than 16 MB', 413]);
	});

	it.each([
		['nothing at all', {}, 'Empty request: no delivery report in the query string or body'],
		['only the token', { query: { token: 'x' } }, 'Empty request: no delivery report in the query string or body'],
		['an empty text body', { body: '   ', contentType: 'text/plain' }, 'Empty request: no delivery report in the query string or body'],
		['broken JSON text', { body: '{"id": "S1", ', contentType: 'text/plain' }, 'Body is not valid JSON'],
		['non-JSON text declared as JSON', { rawBody: 'hello', contentType: 'application/json' }, 'Body is not valid JSON'],
		['plain words', { body: 'hello world', contentType: 'text/plain' }, 'Body is not JSON, form data or an SMPP receipt'],
		['an object with no report fields', { body: { foo: 'bar' } }, NO_REPORT],
		['an empty array', { body: [] }, NO_REPORT],
		['an array of numbers', { body: [1, 2, 3] }, NO_REPORT],
		['a status that names no message', { body: { status: 'DELIVRD', err: '000' } }, NO_REPORT],
	])('refuses %s with 400 and a short reason', (_label, request, reason) => {
		expect(parseDlrRequest(request)).toEqual({ reports: [], rejected: reason, rejectedStatus: 400, emptyObject: false });
	});
});
