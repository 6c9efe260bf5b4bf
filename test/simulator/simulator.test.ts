// The simulator answers like the documented SMS Handover API: send, balance and getDLR over real HTTP.
import { startSimulator, type Simulator } from './index';
import { API_KEY, get, parse, postForm, postJson, send } from './testUtils';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ apiKey: API_KEY });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const SHOOT_ID = /^[A-Za-z0-9]{16}$/;
const GSM_160 = 'a'.repeat(160);

describe('send /smsapi/index', () => {
	it('accepts the documented GET and answers with a shoot id', async () => {
		const reply = await get(sim, '/smsapi/index', {
			key: API_KEY, campaign: '0', type: 'text', contacts: '919765600001,919801200002', senderid: 'DEMO', msg: 'Hello People, have a great day',
		});
		const body = parse(reply);
		expect(reply.status).toBe(200);
		expect(reply.contentType).toMatch(/^application\/json/);
		expect(Object.keys(body)).toEqual(['result', 'message', 'sms_shoot_id']);
		expect(body).toMatchObject({ result: 'success', message: 'SMS SUBMITTED SUCCESSFULLY' });
		expect(body.sms_shoot_id).toMatch(SHOOT_ID);
		expect(sim.balance('1')).toBe(100000 - 2);
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0]).toMatchObject({ endpoint: 'send', method: 'GET', path: '/smsapi/index', form: {}, rawBody: '' });
		expect(sim.requests[0].query.contacts).toBe('919765600001,919801200002');
	});

	it('accepts a form POST, records the parsed body and the raw body, and keeps the submission', async () => {
		const reply = await send(sim, { contacts: '919765600001', msg: 'Hi & bye', routeid: '2', time: '2026-12-01 9:05', dlr_url: '' });
		const { sms_shoot_id: shootId } = parse(reply);
		const [request] = sim.requests;
		expect(request.method).toBe('POST');
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(request.form).toEqual({ key: API_KEY, senderid: 'DEMO', contacts: '919765600001', msg: 'Hi & bye', routeid: '2', time: '2026-12-01 9:05', dlr_url: '' });
		expect(request.rawBody).toContain('msg=Hi%20%26%20bye');
		expect(request.query).toEqual({});
		expect(sim.balance('2')).toBe(4999);
		expect(sim.balance('1')).toBe(100000);
		expect(sim.getSubmission(shootId)).toMatchObject({ routeId: '2', time: '2026-12-01 9:05', recipients: ['919765600001'], messages: ['Hi & bye'] });
	});

	it('decodes + as a space, as browsers and URLSearchParams encode it', async () => {
		const raw = `key=${API_KEY}&senderid=DEMO&contacts=919765600001&msg=Hello+People%2C+have+a+great+day`;
		const { sms_shoot_id: shootId } = parse(await postForm(sim, '/smsapi/index', raw));
		expect(sim.getSubmission(shootId)?.messages).toEqual(['Hello People, have a great day']);
		expect(sim.requests[0].rawBody).toBe(raw);
	});

	it('accepts a JSON body', async () => {
		const reply = await postJson(sim, '/smsapi/index', { key: API_KEY, senderid: 'DEMO', contacts: 919765600001, msg: 'json' });
		expect(parse(reply).result).toBe('success');
		expect(sim.requests[0].form.contacts).toBe(919765600001);
	});

	it('does not read a form body sent without its content type (as PHP would not)', async () => {
		const response = await fetch(`${sim.baseUrl}/smsapi/index`, { method: 'POST', body: `key=${API_KEY}&senderid=D&contacts=919765600001&msg=x`, headers: { 'Content-Type': 'text/plain' } });
		expect(await response.text()).toBe('{"result":"error","message":"INVALID API KEY"}');
	});

	const errorCases: Array<[string, Record<string, string>, string]> = [
		['missing key', { key: '', contacts: '919765600001', msg: 'x' }, 'INVALID API KEY'],
		['wrong key', { key: 'nope', contacts: '919765600001', msg: 'x' }, 'INVALID API KEY'],
		['unknown type', { type: 'binary', contacts: '919765600001', msg: 'x' }, 'INVALID TYPE'],
		['unknown route', { routeid: '9', contacts: '919765600001', msg: 'x' }, 'INVALID ROUTE'],
		['missing sender id', { senderid: '', contacts: '919765600001', msg: 'x' }, 'MISSING SENDER ID'],
		['missing contacts', { msg: 'x' }, 'MISSING CONTACTS'],
		['only commas as contacts', { contacts: ' , ,', msg: 'x' }, 'MISSING CONTACTS'],
		['a contact that is not a number', { contacts: '919765600001,+91 98', msg: 'x' }, 'INVALID CONTACTS'],
		['missing message', { contacts: '919765600001' }, 'MISSING MESSAGE'],
		['721 characters', { contacts: '919765600001', msg: 'a'.repeat(721) }, 'MESSAGE TOO LONG'],
		['ISO time', { contacts: '919765600001', msg: 'x', time: '2026-12-01T14:30' }, 'INVALID SCHEDULE TIME'],
		['time with seconds', { contacts: '919765600001', msg: 'x', time: '2026-12-01 14:30:00' }, 'INVALID SCHEDULE TIME'],
		['1-digit minute', { contacts: '919765600001', msg: 'x', time: '2026-12-01 14:5' }, 'INVALID SCHEDULE TIME'],
		['day that does not exist', { contacts: '919765600001', msg: 'x', time: '2026-02-30 10:00' }, 'INVALID SCHEDULE TIME'],
		['hour 24', { contacts: '919765600001', msg: 'x', time: '2026-12-01 24:00' }, 'INVALID SCHEDULE TIME'],
		['bulk not JSON', { bulk_campaigm: '[{mobile:1}' }, 'INVALID BULK CAMPAIGN'],
		['bulk empty array', { bulk_campaigm: '[]' }, 'INVALID BULK CAMPAIGN'],
		['bulk object', { bulk_campaigm: '{"mobile":"919765600001","msg":"x"}' }, 'INVALID BULK CAMPAIGN'],
		['bulk entry without msg', { bulk_campaigm: '[{"mobile":"919765600001"}]' }, 'INVALID BULK CAMPAIGN'],
		['bulk entry with a bad number', { bulk_campaigm: '[{"mobile":"98-76","msg":"x"}]' }, 'INVALID BULK CAMPAIGN'],
		['bulk message too long', { bulk_campaigm: JSON.stringify([{ mobile: '919765600001', msg: 'a'.repeat(721) }]) }, 'MESSAGE TOO LONG'],
	];
	it.each(errorCases)('refuses %s with the documented error shape and charges nothing', async (_name, fields, message) => {
		const reply = await send(sim, fields);
		expect(reply.status).toBe(200);
		expect(reply.text).toBe(JSON.stringify({ result: 'error', message }));
		expect(sim.balance('1')).toBe(100000);
		expect(sim.balance('2')).toBe(5000);
	});

	it('refuses a send that costs more than the route holds', async () => {
		const lowSim = await startSimulator({ apiKey: API_KEY, routes: [{ id: '7', name: 'Low', balance: 3 }] });
		try {
			const fields = { key: API_KEY, senderid: 'D', contacts: '919765600001,919765600002', msg: 'a'.repeat(161) };
			expect(parse(await postForm(lowSim, '/smsapi/index', fields)).message).toBe('INSUFFICIENT BALANCE');
			expect(lowSim.balance('7')).toBe(3);
			expect(parse(await postForm(lowSim, '/smsapi/index', { ...fields, contacts: '919765600001' })).result).toBe('success');
			expect(lowSim.balance('7')).toBe(1);
		} finally {
			await lowSim.close();
		}
	});

	it.each([
		['1-digit hour', '2026-12-01 9:05'],
		['2-digit hour', '2026-12-01 14:30'],
		['leap day', '2028-02-29 00:00'],
	])('accepts a schedule time with a %s', async (_name, time) => {
		expect(parse(await send(sim, { contacts: '919765600001', msg: 'x', time })).result).toBe('success');
	});

	it.each([
		['160 GSM characters', 'text', GSM_160, 1],
		['161 GSM characters', 'text', GSM_160 + 'a', 2],
		['306 GSM characters', 'text', 'a'.repeat(306), 2],
		['307 GSM characters', 'text', 'a'.repeat(307), 3],
		['80 euro signs (2 septets each)', 'text', '€'.repeat(80), 1],
		['81 euro signs', 'text', '€'.repeat(81), 2],
		['159 letters and a bracket', 'text', 'a'.repeat(159) + '[', 2],
		['GSM accents (basic table)', 'text', 'é'.repeat(160), 1],
		['flash type, GSM text', 'flash', GSM_160 + 'a', 2],
		['unicode type forces UCS-2', 'unicode', 'a'.repeat(71), 2],
		['70 Cyrillic letters', 'text', 'д'.repeat(70), 1],
		['71 Cyrillic letters', 'text', 'д'.repeat(71), 2],
		['134 Cyrillic letters', 'text', 'д'.repeat(134), 2],
		['135 Cyrillic letters', 'text', 'д'.repeat(135), 3],
		['35 emoji (70 UTF-16 units)', 'text', '😀'.repeat(35), 1],
		['36 emoji', 'text', '😀'.repeat(36), 2],
		['720 characters unicode', 'unicode', 'a'.repeat(720), 11],
	])('charges segments × recipients: %s', async (_name, type, msg, segments) => {
		const reply = await send(sim, { type, contacts: '919765600001,919765600002,919765600003', msg });
		expect(parse(reply).result).toBe('success');
		expect(sim.balance('1')).toBe(100000 - 3 * segments);
	});

	it('answers in the text style when configured', async () => {
		sim.configure({ sendResponseStyle: 'text' });
		const ok = await send(sim, { contacts: '919765600001', msg: 'x' });
		expect(ok.text).toMatch(/^SMS-SHOOT-ID\/[A-Za-z0-9]{16}$/);
		expect(sim.getSubmission(ok.text.split('/')[1])).toBeDefined();
		expect((await send(sim, { key: 'bad', contacts: '919765600001', msg: 'x' })).text).toBe('ERR: INVALID API KEY');
	});
});

describe('bulk_campaigm', () => {
	const bulk = (count: number, numeric = false) =>
		JSON.stringify(
			Array.from({ length: count }, (_, i) => ({ mobile: numeric ? 919800000000 + i : String(919800000000 + i), msg: `Hi ${i}` })),
		);

	it('takes personalised messages (numbers as strings or numbers) and charges each entry', async () => {
		const reply = await send(sim, { bulk_campaigm: JSON.stringify([{ mobile: 919887000001, msg: 'hiPeter' }, { mobile: '918009000002', msg: 'hi John €'.repeat(20) }]) });
		const { sms_shoot_id: shootId } = parse(reply);
		expect(sim.balance('1')).toBe(100000 - 1 - 2);
		expect(sim.getSubmission(shootId)).toMatchObject({ bulk: true, recipients: ['919887000001', '918009000002'], messages: ['hiPeter', 'hi John €'.repeat(20)] });
	});

	it('accepts the array inside a JSON body', async () => {
		const reply = await postJson(sim, '/smsapi/index', { key: API_KEY, senderid: 'D', bulk_campaigm: [{ mobile: 919887000001, msg: 'a' }] });
		expect(parse(reply).result).toBe('success');
	});

	it('accepts 50,000 entries in one POST and refuses 50,001', async () => {
		const accepted = await send(sim, { bulk_campaigm: bulk(50000, true) });
		expect(parse(accepted).result).toBe('success');
		expect(sim.balance('1')).toBe(50000);
		expect(JSON.parse(String(sim.requests[0].form.bulk_campaigm))).toHaveLength(50000);
		const refused = await send(sim, { bulk_campaigm: bulk(50001) });
		expect(refused.text).toBe('{"result":"error","message":"BULK LIMIT EXCEEDED"}');
		expect(sim.balance('1')).toBe(50000);
	});

	it('refuses more than 50,000 contacts in one request', async () => {
		const contacts = Array.from({ length: 50001 }, (_, i) => String(919800000000 + i)).join(',');
		expect(parse(await send(sim, { contacts, msg: 'x' })).message).toBe('BULK LIMIT EXCEEDED');
	});
});

describe('balance /miscapi/<key>/getBalance/true/', () => {
	it('lists every route with its balance as strings with 2 decimals, going down after a send', async () => {
		await send(sim, { contacts: '919765600001,919765600002', msg: 'x', routeid: '2' });
		const reply = await get(sim, `/miscapi/${API_KEY}/getBalance/true/`);
		expect(reply.text).toBe(
			'[{"ROUTE_ID":"1","ROUTE":"Transactional","BALANCE":"100000.00"},{"ROUTE_ID":"2","ROUTE":"Promotional","BALANCE":"4998.00"}]',
		);
		expect(sim.requests[1]).toMatchObject({ endpoint: 'balance', method: 'GET' });
	});

	it('accepts the URL without the trailing slash', async () => {
		expect(parse(await get(sim, `/miscapi/${API_KEY}/getBalance/true`))).toHaveLength(2);
	});

	it('answers a bad key with ERR text and HTTP 200', async () => {
		const reply = await get(sim, '/miscapi/wrong/getBalance/true/');
		expect([reply.status, reply.text]).toEqual([200, 'ERR: INVALID API KEY']);
	});
});

describe("getDLR /miscapi/<key>/getDLR/<shoot_id>, getDlrStyle 'legacy'", () => {
	beforeEach(() => sim.configure({ dlr: { getDlrStyle: 'legacy' } }));

	it('reports one entry per recipient with the configured status', async () => {
		sim.configure({ dlr: { status: 'UNDELIV', errorCode: '001' } });
		const { sms_shoot_id: shootId } = parse(await send(sim, { contacts: '919765600001,919765600002', msg: 'x' }));
		const reports = parse(await get(sim, `/miscapi/${API_KEY}/getDLR/${shootId}`));
		expect(reports).toEqual([
			{ sms_shoot_id: shootId, mobile: '919765600001', status: 'UNDELIV', delivered_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), error_code: '001' },
			{ sms_shoot_id: shootId, mobile: '919765600002', status: 'UNDELIV', delivered_at: reports[0].delivered_at, error_code: '001' },
		]);
	});

	it('defaults to DELIVRD / 000', async () => {
		const { sms_shoot_id: shootId } = parse(await send(sim, { contacts: '919765600001', msg: 'x' }));
		expect(parse(await get(sim, `/miscapi/${API_KEY}/getDLR/${shootId}`))[0]).toMatchObject({ status: 'DELIVRD', error_code: '000' });
	});

	it('answers an unknown shoot id and a bad key with ERR text', async () => {
		const { sms_shoot_id: shootId } = parse(await send(sim, { contacts: '919765600001', msg: 'x' }));
		expect((await get(sim, `/miscapi/${API_KEY}/getDLR/AAAAAAAAAAAAAAAA`)).text).toBe('ERR: INVALID SHOOT ID');
		expect((await get(sim, `/miscapi/other/getDLR/${shootId}`)).text).toBe('ERR: INVALID API KEY');
	});
});

it('answers unknown paths with 404 and records them as unknown', async () => {
	const reply = await get(sim, '/smsapi/other');
	expect(reply.status).toBe(404);
	expect(sim.requests[0].endpoint).toBe('unknown');
});
