// The panel's JSON API (v2) beside the classic one: api/v2/sms, credits, dlr, otp and otp/verify over real HTTP,
// Bearer keys, one state with the classic API (routes, wallet, submissions, OTPs), pushes to notifyUrl and faults.
import { rawRequest, type RawReply } from '../harness/rawHttp';
import { testKey } from '../harness/testKeys';
import { delay } from '../harness/timers';
import { nativePush, nestedReport, type SimV2Endpoint } from './index';
import { ADMIN_KEY, API_KEY, get, istDateString, istSqlTime, usePanelPush } from './testUtils';

const { ctx, bodies } = usePanelPush();
const A = '919765600001';
const B = '919765600002';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const JSON_TYPE = 'application/json; charset=utf-8';

interface CallOptions {
	/** JSON body (an object is stringified, a string sent as it is). */
	body?: unknown;
	query?: Record<string, string>;
	/** The Bearer key (default the API key); null = no Authorization header. */
	key?: string | null;
	headers?: Record<string, string>;
}

async function call(method: string, path: string, { body, query, key = API_KEY, headers = {} }: CallOptions = {}): Promise<RawReply> {
	const search = query ? `?${new URLSearchParams(query).toString()}` : '';
	const sent: Record<string, string> = { ...(key === null ? {} : { Authorization: `Bearer ${key}` }) };
	if (body !== undefined) sent['Content-Type'] = 'application/json';
	return rawRequest(`${ctx.sim.baseUrl}${path}${search}`, {
		method,
		headers: { ...sent, ...headers },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
}

const json = (reply: RawReply) => JSON.parse(reply.text);
const sendV2 = (body: unknown, options: CallOptions = {}) => call('POST', '/api/v2/sms', { ...options, body });
const v2Error = (status: number, message: string) => JSON.stringify({ success: false, status, message });
const contacts = (...mobiles: string[]) => mobiles.map((mobile) => ({ mobile }));

/** A successful send's answer. */
async function sendOk(body: Record<string, unknown>) {
	const reply = await sendV2(body);
	expect([reply.status, reply.headers['content-type']]).toEqual([200, JSON_TYPE]);
	return json(reply) as { batch_id: string; total_contacts: number; message_id: Array<{ mobile: string; sms_id: string }>; message: string };
}

const ENDPOINTS: Array<[SimV2Endpoint, string, string]> = [
	['v2Send', 'POST', '/api/v2/sms'],
	['v2Credits', 'GET', '/api/v2/credits'],
	['v2Dlr', 'GET', '/api/v2/dlr'],
	['v2OtpSend', 'POST', '/api/v2/otp'],
	['v2OtpVerify', 'GET', '/api/v2/otp/verify'],
];

describe('Bearer key', () => {
	it.each(ENDPOINTS)('%s: no Authorization → 403 API Key Missing, a wrong key → 403 Invalid API Key, recorded', async (endpoint, method, path) => {
		const missing = await call(method, path, { key: null });
		expect([missing.status, missing.headers['content-type'], missing.text]).toEqual([403, JSON_TYPE, v2Error(403, 'API Key Missing')]);
		const wrong = await call(method, path, { key: testKey('wrong-key') });
		expect([wrong.status, wrong.text]).toEqual([403, v2Error(403, 'Invalid API Key')]);
		expect(ctx.sim.requests.map((r) => [r.endpoint, r.method, r.path])).toEqual([
			[endpoint, method, path],
			[endpoint, method, path],
		]);
		expect(ctx.sim.requests[1].headers.authorization).toBe(`Bearer ${testKey('wrong-key')}`);
	});

	it('reads the key only from Authorization: Bearer (any case); in the query, the body or without the scheme it is missing', async () => {
		const missing = v2Error(403, 'API Key Missing');
		expect((await call('GET', '/api/v2/credits', { key: null, query: { key: API_KEY } })).text).toBe(missing);
		expect((await sendV2({ key: API_KEY, contacts: contacts(A), message: 'x' }, { key: null })).text).toBe(missing);
		expect((await call('GET', '/api/v2/credits', { key: null, headers: { Authorization: API_KEY } })).text).toBe(missing);
		expect((await call('GET', '/api/v2/credits', { key: null, headers: { Authorization: 'Bearer ' } })).text).toBe(missing);
		expect((await call('GET', '/api/v2/credits', { key: null, headers: { Authorization: `bearer ${API_KEY}` } })).status).toBe(200);
		expect(ctx.sim.submissions.size).toBe(0);
	});

	it('a wrong method → 405 in the error shape; a trailing slash is the same path', async () => {
		const wrong = await call('GET', '/api/v2/sms');
		expect([wrong.status, wrong.text]).toEqual([405, v2Error(405, 'Method Not Allowed')]);
		expect((await call('PUT', '/api/v2/otp', { body: {} })).text).toBe(v2Error(405, 'Method Not Allowed'));
		expect((await call('GET', '/api/v2/credits/')).status).toBe(200);
		expect(ctx.sim.requests.map((r) => r.endpoint)).toEqual(['v2Send', 'v2OtpSend', 'v2Credits']);
	});
});

describe('POST api/v2/sms', () => {
	it('answers the page\'s success shape, one UUID sms_id per contact in contact order, and records the JSON body', async () => {
		const body = { campaignId: 7, routeId: 2, sender: 'HNODE', mode: 'text', message: 'Hello', contacts: contacts(B, A, B), notifyUrl: 'https://example.com/dlr', dlt_entity_id: '1234567890' };
		const answer = await sendOk(body);
		expect(answer.batch_id).toMatch(/^smshnd_[a-z0-9]{15}$/);
		const submission = ctx.sim.getSubmission(answer.batch_id)!;
		const ids = submission.reports.map((r) => r.smsId);
		expect(answer).toEqual({
			status: 'success',
			message: 'SMS Submitted successfully',
			batch_id: answer.batch_id,
			total_contacts: 3,
			message_id: [
				{ mobile: B, sms_id: ids[0] },
				{ mobile: A, sms_id: ids[1] },
				{ mobile: B, sms_id: ids[2] },
			],
		});
		expect(Object.keys(answer)).toEqual(['status', 'message', 'batch_id', 'total_contacts', 'message_id']);
		expect(ids.every((id) => UUID.test(id)) && new Set(ids).size === 3).toBe(true);
		expect(submission).toMatchObject({
			api: 'v2',
			owner: 'user',
			routeId: '2',
			routeUsed: '2',
			routeTitle: 'Promotional',
			campaign: '7',
			campaignUsed: 7,
			type: 'text',
			senderId: 'HNODE',
			senderUsed: 'HNODE',
			dlrUrl: 'https://example.com/dlr',
			credits: 3,
			billing: 'credits',
			encoding: 'GSM-7',
			templateId: null,
			contactGroup: null,
		});
		expect([ctx.sim.balance('2'), ctx.sim.balance('1')]).toEqual([4997, 100000]);
		expect(ctx.sim.requests[0]).toMatchObject({ endpoint: 'v2Send', method: 'POST', path: '/api/v2/sms', query: {}, form: body });
		expect(ctx.sim.requests[0].headers).toMatchObject({ authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' });
	});

	it('no routeId (or 0) uses the first route; numbers as numbers, spaces around a mobile trimmed; the admin key sends free', async () => {
		const { batch_id } = await sendOk({ routeId: 0, message: 'x', contacts: [{ mobile: 919765600001 }, { mobile: ` ${B} ` }] });
		expect(ctx.sim.getSubmission(batch_id)!.recipients).toEqual([A, B]);
		expect(ctx.sim.balance('1')).toBe(99998);
		const admin = json(await sendV2({ message: 'x', contacts: contacts(A) }, { key: ADMIN_KEY }));
		expect(ctx.sim.getSubmission(admin.batch_id)).toMatchObject({ owner: 'admin', billing: 'unlimited' });
		expect(ctx.sim.balance('1')).toBe(99998);
	});

	it('per-contact messages: each contact gets its own text (else message), billed by it', async () => {
		const long = 'L'.repeat(161);
		const { batch_id } = await sendOk({ message: 'default', contacts: [{ mobile: A, message: long }, { mobile: B }] });
		const submission = ctx.sim.getSubmission(batch_id)!;
		expect(submission.messages).toEqual([long, 'default']);
		expect([submission.credits, submission.reports.map((r) => r.segments), ctx.sim.balance('1')]).toEqual([3, [2, 1], 99997]);
		const onlyOwn = await sendOk({ contacts: [{ mobile: A, message: 'mine' }] });
		expect(ctx.sim.getSubmission(onlyOwn.batch_id)!.messages).toEqual(['mine']);
	});

	it('parameters fill #name# fields of the text (every occurrence); a field without a parameter stays as written', async () => {
		const { batch_id } = await sendOk({
			message: 'Hello #name#, your OTP is #otp# (#otp#)',
			contacts: [
				{ mobile: A, parameters: { name: 'sam', otp: 123456 } },
				{ mobile: B, parameters: { otp: '987654' } },
			],
		});
		expect(ctx.sim.getSubmission(batch_id)!.messages).toEqual(['Hello sam, your OTP is 123456 (123456)', 'Hello #name#, your OTP is 987654 (987654)']);
	});

	it('templateId: the template\'s text (message ignored) filled from the parameters and billed as filled; templates are a setting', async () => {
		const { batch_id } = await sendOk({ templateId: 1, message: 'ignored', contacts: [{ mobile: A, parameters: { name: 'Ann', otp: '4242' } }] });
		expect(ctx.sim.getSubmission(batch_id)).toMatchObject({ templateId: 1, messages: ['Hello Ann, your OTP is 4242'], credits: 1 });
		ctx.sim.configure({ templates: [{ id: 9, text: `#body#` }] });
		const filled = await sendOk({ templateId: 9, contacts: [{ mobile: A, parameters: { body: 'y'.repeat(200) } }] });
		expect(ctx.sim.getSubmission(filled.batch_id)!.credits).toBe(2);
		expect((await sendV2({ templateId: 1, contacts: contacts(A) })).text).toBe(v2Error(400, 'Invalid Template'));
		expect(() => ctx.sim.configure({ templates: [{ id: 0, text: 'x' }] })).toThrow('templates[0].id must be a positive integer');
	});

	it('mode text with a character GSM-7 lacks goes (and is billed) as UCS-2: 71 Cyrillic letters are 2 parts; mode unicode always UCS-2', async () => {
		const cyrillic = 'Ж'.repeat(71);
		const auto = await sendOk({ mode: 'text', message: cyrillic, contacts: contacts(A) });
		expect(ctx.sim.getSubmission(auto.batch_id)).toMatchObject({ type: 'text', encoding: 'UCS-2', credits: 2 });
		const forced = await sendOk({ mode: 'unicode', message: 'x'.repeat(71), contacts: contacts(A) });
		expect(ctx.sim.getSubmission(forced.batch_id)).toMatchObject({ type: 'unicode', encoding: 'UCS-2', credits: 2 });
		const mixed = await sendOk({ contacts: [{ mobile: A, message: 'plain' }, { mobile: B, message: 'Ж' }] });
		expect(ctx.sim.getSubmission(mixed.batch_id)).toMatchObject({ encoding: 'mixed', credits: 2 });
	});

	it('contactGroup replaces contacts with the group\'s numbers; groups are a setting', async () => {
		const { batch_id, total_contacts } = await sendOk({ contactGroup: 1, message: 'x', contacts: contacts(A) });
		expect([total_contacts, ctx.sim.getSubmission(batch_id)!.recipients]).toEqual([2, ['919800000001', '919800000002']]);
		ctx.sim.configure({ contactGroups: [{ id: 4, mobiles: [B] }] });
		expect((await sendOk({ contactGroup: 4, message: 'x' })).message_id.map((m) => m.mobile)).toEqual([B]);
		expect((await sendV2({ contactGroup: 1, message: 'x' })).text).toBe(v2Error(400, 'Invalid Contact Group'));
	});

	it('schedule: YYYY-MM-DD HH:mm:ss (and the classic YYYY-MM-DD H:mm smsViaApi passes on) is kept as the submission time', async () => {
		const full = await sendOk({ message: 'x', contacts: contacts(A), schedule: '2030-01-31 23:59:59' });
		const classic = await sendOk({ message: 'x', contacts: contacts(A), schedule: '2030-01-31 9:05' });
		expect([ctx.sim.getSubmission(full.batch_id)!.time, ctx.sim.getSubmission(classic.batch_id)!.time]).toEqual(['2030-01-31 23:59:59', '2030-01-31 9:05']);
	});

	it.each([
		['no contacts', { message: 'x' }, 'Contacts Missing'],
		['an empty contacts array', { message: 'x', contacts: [] }, 'Contacts Missing'],
		['contacts not an array', { message: 'x', contacts: A }, 'Invalid Contacts'],
		['a contact that is a plain string', { message: 'x', contacts: [A] }, 'Invalid Contacts'],
		['a mobile of 7 digits', { message: 'x', contacts: contacts('9197656') }, 'Invalid Contacts'],
		['a mobile with +', { message: 'x', contacts: contacts(`+${A}`) }, 'Invalid Contacts'],
		['parameters not an object', { message: 'x', contacts: [{ mobile: A, parameters: 'name=sam' }] }, 'Invalid Contacts'],
		['an unknown mode', { mode: 'binary', message: 'x', contacts: contacts(A) }, 'Invalid Mode'],
		['an unknown route', { routeId: 9, message: 'x', contacts: contacts(A) }, 'Invalid Route'],
		['no message nor template', { contacts: contacts(A) }, 'Message Missing'],
		['one contact without text', { contacts: [{ mobile: A, message: 'x' }, { mobile: B }] }, 'Message Missing'],
		['721 characters', { message: 'x'.repeat(721), contacts: contacts(A) }, 'Message Too Long'],
		['721 characters once filled', { message: '#p#', contacts: [{ mobile: A, parameters: { p: 'x'.repeat(721) } }] }, 'Message Too Long'],
		['an ISO schedule', { message: 'x', contacts: contacts(A), schedule: '2030-01-31T10:00:00' }, 'Invalid Schedule Time'],
		['a day that does not exist', { message: 'x', contacts: contacts(A), schedule: '2030-02-30 10:00:00' }, 'Invalid Schedule Time'],
		['50,001 contacts', { message: 'x', contacts: Array.from({ length: 50001 }, () => ({ mobile: A })) }, 'Bulk Limit Exceeded'],
		['broken JSON', '{"contacts": [', 'Invalid JSON Body'],
		['a JSON array', '[]', 'Invalid JSON Body'],
	])('refuses %s with 400 and charges nothing', async (_name, body, message) => {
		const reply = await sendV2(body);
		expect([reply.status, reply.headers['content-type'], reply.text]).toEqual([400, JSON_TYPE, v2Error(400, message)]);
		expect([ctx.sim.submissions.size, ctx.sim.balance('1')]).toEqual([0, 100000]);
	});

	it('a send the route (or the wallet) does not cover → 400 Insufficient Balance', async () => {
		expect((await sendV2({ routeId: 2, message: 'x', contacts: Array.from({ length: 5001 }, () => ({ mobile: A })) })).text).toBe(
			v2Error(400, 'Insufficient Balance'),
		);
		ctx.sim.configure({ billing: 'wallet', smsPrice: 60 });
		expect((await sendV2({ message: 'x', contacts: contacts(A, B) })).text).toBe(v2Error(400, 'Insufficient Balance'));
		expect([ctx.sim.submissions.size, ctx.sim.balance('2'), ctx.sim.walletAmount]).toEqual([0, 5000, 100]);
	});

	it('a held word holds the campaign: same shape, the panel\'s held message; never pushed', async () => {
		const answer = await sendOk({ message: 'please HOLDME', contacts: contacts(A), notifyUrl: `${ctx.receiver.url}/dlr` });
		expect(answer.message).toBe('SPAM CONTENT DETECTED. CAMPAIGN HELD FOR APPROVAL');
		expect(ctx.sim.getSubmission(answer.batch_id)!.held).toBe(true);
		expect(await ctx.sim.deliver(answer.batch_id)).toEqual([]);
	});
});

describe('GET api/v2/credits', () => {
	it('credits billing: the route names and their credits, wallet 0.00 in the currency setting', async () => {
		await sendOk({ routeId: 2, message: 'x', contacts: contacts(A, B) });
		const reply = await call('GET', '/api/v2/credits');
		expect([reply.status, reply.headers['content-type'], reply.text]).toEqual([
			200,
			JSON_TYPE,
			JSON.stringify({
				status: 'success',
				billing_mode: 'credits',
				wallet: { amount: '0.00', currency: 'EUR' },
				credits: [
					{ route: 'Transactional', credits: 100000 },
					{ route: 'Promotional', credits: 4998 },
				],
			}),
		]);
	});

	it('wallet billing: billing_mode currency, the wallet amount after the sends, no credits list', async () => {
		ctx.sim.configure({ billing: 'wallet', currency: 'INR' });
		await sendOk({ message: 'x', contacts: contacts(A, B, A) });
		expect((await call('GET', '/api/v2/credits')).text).toBe('{"status":"success","billing_mode":"currency","wallet":{"amount":"99.85","currency":"INR"}}');
		expect(ctx.sim.walletAmount).toBe(99.85);
	});

	it('the admin key: no credit rows (unlimited)', async () => {
		expect((await call('GET', '/api/v2/credits', { key: ADMIN_KEY })).text).toBe(
			'{"status":"success","billing_mode":"credits","wallet":{"amount":"0.00","currency":"EUR"},"credits":[]}',
		);
	});
});

describe('GET api/v2/dlr', () => {
	const expected = (batchId: string, mobile: string, status = 'Handset Delivered', reply = 'DELIVRD') => {
		const submission = ctx.sim.getSubmission(batchId)!;
		const report = submission.reports.find((r) => r.mobile === mobile)!;
		const sent = istSqlTime(submission.createdAt);
		return nestedReport({ shootId: batchId, mobile: Number(mobile), senderId: 'HNODE', sent, status, reply, deliveryTime: istSqlTime(report.finalAt!) });
	};

	it('by batch_id or by sms_id, as query parameters or as a JSON body on the GET: the nested records', async () => {
		ctx.sim.configure({ dlr: { outcomeByNumber: { [B]: 'rejected' } } });
		const { batch_id, message_id } = await sendOk({ sender: 'HNODE', message: 'x', contacts: contacts(A, B) });
		await ctx.sim.deliver(batch_id);
		const rejected = expected(batch_id, B, 'SMSC REJECT', 'REJECTD');
		const all = JSON.stringify({ status: 'success', data: [expected(batch_id, A), rejected] });
		const one = JSON.stringify({ status: 'success', data: [rejected] });
		expect((await call('GET', '/api/v2/dlr', { query: { batch_id } })).text).toBe(all);
		expect((await call('GET', '/api/v2/dlr', { body: { batch_id } })).text).toBe(all);
		expect((await call('GET', '/api/v2/dlr', { query: { sms_id: message_id[1].sms_id } })).text).toBe(one);
		expect((await call('GET', '/api/v2/dlr', { body: { sms_id: message_id[1].sms_id } })).text).toBe(one);
		expect(ctx.sim.requests.slice(-4).map((r) => [r.endpoint, r.query, r.form])).toEqual([
			['v2Dlr', { batch_id }, {}],
			['v2Dlr', {}, { batch_id }],
			['v2Dlr', { sms_id: message_id[1].sms_id }, {}],
			['v2Dlr', {}, { sms_id: message_id[1].sms_id }],
		]);
	});

	it('before the report: status DLR Pending, operator_reply empty, delivery_time null', async () => {
		ctx.sim.configure({ dlr: { delayMs: 600000 } });
		const { batch_id } = await sendOk({ sender: 'HNODE', message: 'x', contacts: contacts(A) });
		const sent = istSqlTime(ctx.sim.getSubmission(batch_id)!.createdAt);
		expect(json(await call('GET', '/api/v2/dlr', { query: { batch_id } }))).toEqual({
			status: 'success',
			data: [nestedReport({ shootId: batch_id, mobile: Number(A), senderId: 'HNODE', sent, status: 'DLR Pending', reply: '', deliveryTime: null })],
		});
	});

	it('a classic send is listed too, and its sms_ids (native message_id) are found', async () => {
		const classic = JSON.parse((await get(ctx.sim, '/smsapi/index', { key: API_KEY, senderid: 'DEMO', contacts: A, msg: 'x' })).text).sms_shoot_id;
		const smsId = ctx.sim.getSubmission(classic)!.reports[0].smsId;
		expect(json(await call('GET', '/api/v2/dlr', { query: { sms_id: smsId } })).data[0]).toMatchObject({ sms_shoot_id: classic, mobile: Number(A), sender_id: 'DEMO' });
		expect(json(await call('GET', '/api/v2/dlr', { query: { batch_id: classic } })).data).toHaveLength(1);
	});

	it('neither id → 400; an unknown or another account\'s id → 404', async () => {
		const { batch_id, message_id } = await sendOk({ message: 'x', contacts: contacts(A) });
		expect((await call('GET', '/api/v2/dlr')).text).toBe(v2Error(400, 'batch_id or sms_id Missing'));
		const unknownBatch = await call('GET', '/api/v2/dlr', { query: { batch_id: 'smshnd_nope' } });
		expect([unknownBatch.status, unknownBatch.text]).toEqual([404, v2Error(404, 'Invalid batch_id')]);
		expect((await call('GET', '/api/v2/dlr', { query: { sms_id: 'nope' } })).text).toBe(v2Error(404, 'Invalid sms_id'));
		expect((await call('GET', '/api/v2/dlr', { key: ADMIN_KEY, query: { batch_id } })).text).toBe(v2Error(404, 'Invalid batch_id'));
		expect((await call('GET', '/api/v2/dlr', { key: ADMIN_KEY, query: { sms_id: message_id[0].sms_id } })).text).toBe(v2Error(404, 'Invalid sms_id'));
	});
});

describe('one state with the classic API', () => {
	it('a v2 send is a submission: classic getDLR lists it, the control routes show it', async () => {
		const { batch_id } = await sendOk({ message: 'x', contacts: contacts(A, B) });
		await ctx.sim.deliver(batch_id);
		expect((await get(ctx.sim, `/miscapi/${API_KEY}/getDLR/${batch_id}`)).text).toBe(
			JSON.stringify([
				{ MSISDN: A, DLR: 'Delivered', DESC: 'Handset Delivered' },
				{ MSISDN: B, DLR: 'Delivered', DESC: 'Handset Delivered' },
			]),
		);
		expect(JSON.parse((await get(ctx.sim, `/__sim/submissions/${batch_id}`)).text)).toMatchObject({ shootId: batch_id, api: 'v2', recipients: [A, B] });
		expect(JSON.parse((await get(ctx.sim, '/__sim/requests', { endpoint: 'v2Send' })).text)).toHaveLength(1);
	});

	it('classic sends are marked api classic', async () => {
		const shootId = JSON.parse((await get(ctx.sim, '/smsapi/index', { key: API_KEY, senderid: 'DEMO', contacts: A, msg: 'x' })).text).sms_shoot_id;
		expect(ctx.sim.getSubmission(shootId)!.api).toBe('classic');
	});
});

describe('delivery reports pushed to notifyUrl', () => {
	it('in dlr.style (native by default), message_id being the sms_id the send answered', async () => {
		const { batch_id, message_id } = await sendOk({ sender: 'HNODE', message: 'x', contacts: contacts(A), notifyUrl: `${ctx.receiver.url}/dlr` });
		const records = await ctx.sim.deliver(batch_id);
		expect(records.map((r) => [r.url, r.method, r.status])).toEqual([[`${ctx.receiver.url}/dlr`, 'POST', 200]]);
		const submission = ctx.sim.getSubmission(batch_id)!;
		expect(bodies()).toEqual([
			nativePush({
				shootId: batch_id,
				mobile: Number(A),
				sentTime: istDateString(submission.createdAt),
				senderId: 'HNODE',
				route: { id: 1, title: 'Transactional' },
				messageId: message_id[0].sms_id,
				deliveryTime: istDateString(submission.reports[0].finalAt!),
			}),
		]);
	});

	it("style 'nested' posts the records api/v2/dlr lists; with autoPush they go out dlr.delayMs after the send", async () => {
		ctx.sim.configure({ dlr: { style: 'nested', autoPush: true } });
		const { batch_id } = await sendOk({ sender: 'HNODE', message: 'x', contacts: contacts(A, B), notifyUrl: `${ctx.receiver.url}/v2` });
		await ctx.sim.waitForDlrPushes(2);
		const listed = json(await call('GET', '/api/v2/dlr', { query: { batch_id } })).data;
		const pushed = bodies().sort((x, y) => x.mobile - y.mobile);
		expect(pushed).toEqual(listed);
		expect(ctx.receiver.received.map((r) => r.url)).toEqual(['/v2', '/v2']);
	});
});

describe('OTP', () => {
	const sendOtp = async (mobile = A) => json(await call('POST', '/api/v2/otp', { body: { mobile, channel: 3 } })).reference as string;
	const verify = (reference: string, otp: string) => call('GET', '/api/v2/otp/verify', { query: { reference, otp } });
	const wrongCode = (code: string) => String(((Number(code) - 99999) % 900000) + 100000);

	it('send answers a 10-character reference; the right code → matched yes and the OTP is gone', async () => {
		const sent = await call('POST', '/api/v2/otp', { body: { mobile: A, channel: 3 } });
		expect([sent.status, sent.text]).toEqual([200, expect.stringMatching(/^\{"status":"success","reference":"[A-Z0-9]{10}"\}$/)]);
		const { reference } = json(sent);
		const code = ctx.sim.getOtp(reference)!;
		expect(code).toMatch(/^[1-9]\d{5}$/);
		expect(ctx.sim.requests[0]).toMatchObject({ endpoint: 'v2OtpSend', form: { mobile: A, channel: 3 } });
		expect((await verify(reference, code)).text).toBe('{"status":"success","matched":"yes"}');
		const again = await verify(reference, code);
		expect([again.status, again.text]).toEqual([404, v2Error(404, 'Invalid Reference')]);
		expect(ctx.sim.requests[1]).toMatchObject({ endpoint: 'v2OtpVerify', query: { reference, otp: code } });
	});

	it('a wrong code → matched no; after otp.maxAttempts wrong codes the next call → 400 and the OTP is deleted', async () => {
		const reference = await sendOtp();
		const code = ctx.sim.getOtp(reference)!;
		const answers = [];
		for (let attempt = 0; attempt < 5; attempt++) answers.push((await verify(reference, wrongCode(code))).text);
		expect(answers).toEqual(Array(5).fill('{"status":"success","matched":"no"}'));
		const locked = await verify(reference, code);
		expect([locked.status, locked.text]).toEqual([400, v2Error(400, 'Too Many Attempts. OTP Expired')]);
		expect(ctx.sim.getOtp(reference)).toBeUndefined();
	});

	it('older than otp.ttlMs → 400 OTP Expired and deleted', async () => {
		ctx.sim.configure({ otp: { ttlMs: 40 } });
		const reference = await sendOtp();
		await delay(80);
		expect((await verify(reference, ctx.sim.getOtp(reference)!)).text).toBe(v2Error(400, 'OTP Expired'));
		expect(ctx.sim.getOtp(reference)).toBeUndefined();
	});

	it('verify reads a JSON body too; the classic verify-otp knows a v2 reference (one store)', async () => {
		const reference = await sendOtp();
		expect((await call('GET', '/api/v2/otp/verify', { body: { reference, otp: Number(ctx.sim.getOtp(reference)) } })).text).toBe('{"status":"success","matched":"yes"}');
		const other = await sendOtp();
		expect((await get(ctx.sim, '/verify-otp/index', { key: API_KEY, reference: other, otp: ctx.sim.getOtp(other)! })).text).toBe('{"result":"success","match":"true"}');
	});

	it.each([
		['POST', '/api/v2/otp', { channel: 3 }, 'Mobile Missing'],
		['POST', '/api/v2/otp', { mobile: A }, 'Channel Missing'],
		['POST', '/api/v2/otp', { mobile: '98765', channel: 3 }, 'Invalid Mobile'],
		['POST', '/api/v2/otp', { mobile: 'abcdefghij', channel: 3 }, 'Invalid Mobile'],
		['POST', '/api/v2/otp', { mobile: A, channel: 27 }, 'Invalid Channel'],
		['GET', '/api/v2/otp/verify', { otp: '123456' }, 'Reference Missing'],
		['GET', '/api/v2/otp/verify', { reference: 'ABCDEFGHIJ' }, 'OTP Missing'],
	])('%s %s %j → 400 %s', async (method, path, body, message) => {
		const reply = await call(method, path, { body });
		expect([reply.status, reply.text]).toEqual([400, v2Error(400, message)]);
	});
});

describe('fault injection on v2 endpoints', () => {
	it('errorJson / errText answer the v2 error shape (status 500 unless given), once, and charge nothing', async () => {
		ctx.sim.failNext('v2Send', 'errorJson');
		const failed = await sendV2({ message: 'x', contacts: contacts(A) });
		expect([failed.status, failed.headers['content-type'], failed.text]).toEqual([500, JSON_TYPE, v2Error(500, 'SERVICE UNAVAILABLE')]);
		expect([ctx.sim.submissions.size, ctx.sim.balance('1')]).toEqual([0, 100000]);
		expect((await sendV2({ message: 'x', contacts: contacts(A) })).status).toBe(200);
		ctx.sim.failNext('v2Credits', 'errText', { status: 503, message: 'Maintenance' });
		expect((await call('GET', '/api/v2/credits')).text).toBe(v2Error(503, 'Maintenance'));
	});

	it('the other modes as on the classic endpoints; a classic endpoint\'s failure leaves v2 alone', async () => {
		ctx.sim.failNext('v2Dlr', 'http429');
		const limited = await call('GET', '/api/v2/dlr', { query: { batch_id: 'x' } });
		expect([limited.status, limited.headers['retry-after'], limited.text]).toEqual([429, '1', 'Too Many Requests']);
		ctx.sim.failNext('v2OtpVerify', 'malformedJson');
		expect((await call('GET', '/api/v2/otp/verify')).text).toBe('{"status":"succ');
		ctx.sim.failNext('v2OtpSend', 'reset');
		await expect(call('POST', '/api/v2/otp', { body: { mobile: A, channel: 3 } })).rejects.toThrow();
		ctx.sim.failNext('dlr', 'http500');
		expect((await call('GET', '/api/v2/dlr', { query: { batch_id: 'x' } })).status).toBe(404);
		ctx.sim.setFailure('*', 'http502');
		expect((await call('GET', '/api/v2/credits')).status).toBe(502);
		expect(ctx.sim.requests.map((r) => r.endpoint)).toEqual(['v2Dlr', 'v2OtpVerify', 'v2OtpSend', 'v2Dlr', 'v2Credits']);
	});
});
