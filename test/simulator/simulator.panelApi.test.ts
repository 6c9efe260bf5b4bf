// Panel answers beyond the documented happy path: getDLR rows, held campaigns, the admin key, the bulk parameter name.
import { delay } from '../harness/timers';
import { startSimulator, type Simulator } from './index';
import { ADMIN_KEY, API_KEY, get, parse, postForm, postJson, send } from './testUtils';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ apiKey: API_KEY });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const A = '919765600001';
const B = '919765600002';
const sendTo = async (contacts: string, msg = 'x', key = API_KEY) => parse(await send(sim, { key, contacts, msg })).sms_shoot_id as string;
const getDlr = async (shootId: string, key = API_KEY) => (await get(sim, `/miscapi/${key}/getDLR/${shootId}`)).text;
const rows = async (shootId: string) => JSON.parse(await getDlr(shootId));
const row = (MSISDN: string, DLR: string | null, DESC: string | null) => ({ MSISDN, DLR, DESC });

describe("getDLR, getDlrStyle 'panel' (default)", () => {
	it('before the report: Pending / DLR Pending in the first half of delayMs', async () => {
		sim.configure({ dlr: { delayMs: 600000 } });
		const shootId = await sendTo(`${A},${B}`);
		expect(await getDlr(shootId)).toBe(JSON.stringify([row(A, 'Pending', 'DLR Pending'), row(B, 'Pending', 'DLR Pending')]));
	});

	it('then Operator Submitted / SMSC SUBMIT until the report is final, then the final word', async () => {
		sim.configure({ dlr: { delayMs: 3000, autoPush: false } });
		const shootId = await sendTo(A);
		expect(await rows(shootId)).toEqual([row(A, 'Pending', 'DLR Pending')]);
		const half = sim.getSubmission(shootId)!.createdAt + 1500 - Date.now();
		await delay(Math.max(0, half) + 20);
		expect(await rows(shootId)).toEqual([row(A, 'Operator Submitted', 'SMSC SUBMIT')]);
		await sim.deliver(shootId);
		expect(await rows(shootId)).toEqual([row(A, 'Delivered', 'Handset Delivered')]);
	});

	it('with autoPush the report is final after delayMs, without any dlr_url', async () => {
		sim.configure({ dlr: { delayMs: 0 } });
		expect(await rows(await sendTo(A))).toEqual([row(A, 'Delivered', 'Handset Delivered')]);
	});

	it.each([
		['delivered', 'Delivered', 'Handset Delivered'],
		['failed', 'Failed', 'Unavailable Sucscriber'],
		['expired', 'Failed', 'Unavailable Sucscriber'],
		['rejected', 'Rejected', 'SMSC REJECT'],
		['invalid', 'Invalid', 'Invalid Subscriber'],
		['unknownCode', null, 'DLR Pending'],
		['blacklisted', null, 'Blacklist/Opted-out'],
		['unknownCodeInvalid', null, 'Invalid Subscriber'],
		['unknownCodeRejected', null, 'SMSC REJECT'],
		['unknownCodeBuffered', null, 'BUFFERED'],
		['unknownCodeSubmitted', null, 'SMSC SUBMIT'],
	])('outcome %s → DLR %j, DESC %j', async (outcome, word, desc) => {
		sim.configure({ dlr: { delayMs: 0, outcome: outcome as never } });
		expect(await getDlr(await sendTo(A))).toBe(JSON.stringify([row(A, word, desc)]));
	});

	it("outcome 'none' stays Operator Submitted; 'invalid' is final at once (decided at submission)", async () => {
		sim.configure({ dlr: { delayMs: 0, outcomeByNumber: { [A]: 'none' } } });
		const shootId = await sendTo(`${A},${B}`);
		await sim.deliver(shootId);
		expect(await rows(shootId)).toEqual([row(A, 'Operator Submitted', 'SMSC SUBMIT'), row(B, 'Delivered', 'Handset Delivered')]);
		sim.configure({ dlr: { delayMs: 600000, outcomeByNumber: { [A]: 'invalid' } } });
		expect(await rows(await sendTo(`${A},${B}`))).toEqual([row(A, 'Invalid', 'Invalid Subscriber'), row(B, 'Pending', 'DLR Pending')]);
	});

	it("'blacklisted' is decided at submission like 'invalid': DLR null at once", async () => {
		sim.configure({ dlr: { delayMs: 600000, outcomeByNumber: { [A]: 'blacklisted' } } });
		expect(await rows(await sendTo(`${A},${B}`))).toEqual([row(A, null, 'Blacklist/Opted-out'), row(B, 'Pending', 'DLR Pending')]);
	});

	it('deliver() with an outcome changes what getDLR says for that recipient', async () => {
		sim.configure({ dlr: { autoPush: false } });
		const shootId = await sendTo(`${A},${B}`);
		await sim.deliver(shootId, { mobile: B, outcome: 'rejected' });
		expect((await rows(shootId))[1]).toEqual(row(B, 'Rejected', 'SMSC REJECT'));
	});

	it("MSISDN is a string (PHP's PDO) unless getDlrMsisdn is 'number'", async () => {
		sim.configure({ dlr: { delayMs: 0, getDlrMsisdn: 'number' } });
		expect(await getDlr(await sendTo(A))).toBe(`[{"MSISDN":${A},"DLR":"Delivered","DESC":"Handset Delivered"}]`);
	});

	it("another account's shoot id, an unknown one and a bad key are refused as today", async () => {
		const users = await sendTo(A);
		const admins = await sendTo(A, 'x', ADMIN_KEY);
		expect(await getDlr(users, ADMIN_KEY)).toBe('ERR: INVALID SHOOT ID');
		expect(await getDlr(admins)).toBe('ERR: INVALID SHOOT ID');
		expect(JSON.parse(await getDlr(admins, ADMIN_KEY))).toHaveLength(1);
		expect(await getDlr('AAAAAAAAAAAAAAAA')).toBe('ERR: INVALID SHOOT ID');
		expect(await getDlr(users, 'other')).toBe('ERR: INVALID API KEY');
	});
});

describe('held for approval (heldWords)', () => {
	it('answers success with the hold message, charges like any send, and getDLR stays Pending', async () => {
		sim.configure({ dlr: { delayMs: 0 } });
		const reply = await send(sim, { contacts: `${A},${B}`, msg: 'Win big, HoldMe now' });
		const shootId = parse(reply).sms_shoot_id;
		expect(reply.text).toBe(JSON.stringify({ result: 'success', message: 'SPAM CONTENT DETECTED. CAMPAIGN HELD FOR APPROVAL', sms_shoot_id: shootId }));
		expect(sim.balance('1')).toBe(100000 - 2);
		expect(sim.getSubmission(shootId)).toMatchObject({ held: true });
		expect(await rows(shootId)).toEqual([row(A, 'Pending', 'DLR Pending'), row(B, 'Pending', 'DLR Pending')]);
	});

	it('checks every message of a bulk, and uses the configured words ([] holds nothing)', async () => {
		sim.configure({ heldWords: ['lottery'] });
		const bulk = JSON.stringify([
			{ mobile: A, msg: 'hello' },
			{ mobile: B, msg: 'You won the LOTTERY' },
		]);
		expect(parse(await send(sim, { bulk_campaigm: bulk })).message).toBe('SPAM CONTENT DETECTED. CAMPAIGN HELD FOR APPROVAL');
		expect(parse(await send(sim, { contacts: A, msg: 'HOLDME' })).message).toBe('SMS SUBMITTED SUCCESSFULLY');
		sim.configure({ heldWords: [] });
		expect(parse(await send(sim, { bulk_campaigm: bulk })).message).toBe('SMS SUBMITTED SUCCESSFULLY');
	});
});

describe('admin key', () => {
	it('balance answers the INFO text, HTTP 200', async () => {
		expect(sim.adminKey).toBe(ADMIN_KEY);
		const reply = await get(sim, `/miscapi/${ADMIN_KEY}/getBalance/true/`);
		expect([reply.status, reply.text]).toEqual([200, 'INFO: ADMIN HAS UNLIMITED BALANCE AND VALIDITY']);
	});

	it('sends are never short of balance and leave the routes alone', async () => {
		const low = await startSimulator({ apiKey: API_KEY, routes: [{ id: '1', name: 'Low', balance: 1 }] });
		try {
			const reply = await postForm(low, '/smsapi/index', { key: ADMIN_KEY, senderid: 'D', contacts: `${A},${B}`, msg: 'a'.repeat(400) });
			expect(parse(reply)).toMatchObject({ result: 'success', message: 'SMS SUBMITTED SUCCESSFULLY' });
			expect(low.balance('1')).toBe(1);
			expect(low.getSubmission(parse(reply).sms_shoot_id)).toMatchObject({ owner: 'admin', credits: 6 });
		} finally {
			await low.close();
		}
	});

	it('works for OTP too, and can be set with the adminKey option', async () => {
		expect(parse(await get(sim, '/send-otp/index', { key: ADMIN_KEY, channel_id: '1', mobile: A })).result).toBe('success');
		const other = await startSimulator({ apiKey: API_KEY, adminKey: 'my-admin' });
		try {
			expect((await get(other, '/miscapi/my-admin/getBalance/true/')).text).toBe('INFO: ADMIN HAS UNLIMITED BALANCE AND VALIDITY');
			expect((await get(other, `/miscapi/${ADMIN_KEY}/getBalance/true/`)).text).toBe('ERR: INVALID API KEY');
		} finally {
			await other.close();
		}
		await expect(startSimulator({ apiKey: 'same', adminKey: 'same' })).rejects.toThrow('adminKey must differ from apiKey');
	});
});

describe('bulkParameterName', () => {
	const bulk = JSON.stringify([{ mobile: A, msg: 'hi' }]);

	it("'bulk_campaigm' (default, as the document spells it) reads only that spelling", async () => {
		expect(parse(await send(sim, { bulk_campaigm: bulk })).result).toBe('success');
		const other = await send(sim, { bulk_campaign: bulk });
		expect(other.text).toBe('{"result":"error","message":"MISSING CONTACTS"}');
		expect(sim.requests[1].form.bulk_campaign).toBe(bulk);
	});

	it("'bulk_campaign' (the panel's Node API): the other spelling without contacts is a Malformed Request", async () => {
		sim.configure({ bulkParameterName: 'bulk_campaign' });
		const reply = await send(sim, { key: 'not-even-a-key', bulk_campaigm: bulk });
		expect([reply.status, reply.contentType, reply.text]).toEqual([200, 'application/json; charset=utf-8', '{"error":"Malformed Request"}']);
		expect(parse(await send(sim, { bulk_campaign: bulk })).result).toBe('success');
		expect(parse(await send(sim, { contacts: A, msg: 'x' })).result).toBe('success');
		expect(sim.balance('1')).toBe(100000 - 2);
		expect(parse(await postJson(sim, '/smsapi/index', { key: API_KEY, senderid: 'D', contacts: Number(A), msg: 'x' }))).toEqual({ error: 'Malformed Request' });
	});

	it('refuses other names', () => {
		expect(() => sim.configure({ bulkParameterName: 'bulk' as never })).toThrow(/bulkParameterName must be one of bulk_campaigm, bulk_campaign/);
	});
});
