// The simulator's OTP flow: /send-otp/index and /verify-otp/index over real HTTP, panel and legacy rules.
import { delay } from '../harness/timers';
import { startSimulator, type Simulator } from './index';
import { ADMIN_KEY, API_KEY, get, parse, postForm } from './testUtils';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ apiKey: API_KEY });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const sendOtp = async (mobile = '919887100001', key = API_KEY) =>
	parse(await get(sim, '/send-otp/index', { key, channel_id: '3', mobile })).reference as string;
const verify = async (reference: string, otp: string, key = API_KEY) =>
	(await get(sim, '/verify-otp/index', { key, reference, otp })).text;
const match = async (reference: string, otp: string) => JSON.parse(await verify(reference, otp)).match as string;
const wrongCode = (code: string) => String(((Number(code) - 99999) % 900000) + 100000);

describe('panel rules (default): sendOtpApi / verifyOtpApi', () => {
	it('sends an OTP: a 17-character uppercase reference, and a 6-digit code without a leading zero readable by tests', async () => {
		const reply = await get(sim, '/send-otp/index', { key: API_KEY, channel_id: '3', mobile: '919887100001' });
		expect(reply.text).toMatch(/^\{"result":"success","reference":"[A-Z0-9]{17}"\}$/);
		const { reference } = parse(reply);
		const code = sim.getOtp(reference);
		expect(code).toMatch(/^[1-9]\d{5}$/);
		expect(parse(await get(sim, `/__sim/otp/${reference}`))).toEqual({ reference, otp: code, mobile: '919887100001', channelId: '3' });
		expect(sim.requests[0]).toMatchObject({ endpoint: 'otpSend', query: { key: API_KEY, channel_id: '3', mobile: '919887100001' } });
	});

	it('accepts send and verify as form POSTs too', async () => {
		const { reference } = parse(await postForm(sim, '/send-otp/index', { key: API_KEY, channel_id: '5', mobile: '919887100001' }));
		const reply = await postForm(sim, '/verify-otp/index', { key: API_KEY, reference, otp: sim.getOtp(reference) ?? '' });
		expect(reply.text).toBe('{"result":"success","match":"true"}');
	});

	it('right code → true and the OTP is deleted: the same call again answers []', async () => {
		const reference = await sendOtp();
		const code = sim.getOtp(reference) as string;
		expect(await verify(reference, wrongCode(code))).toBe('{"result":"success","match":"false"}');
		expect(await verify(reference, code)).toBe('{"result":"success","match":"true"}');
		expect(sim.getOtp(reference)).toBeUndefined();
		expect(await verify(reference, code)).toBe('[]');
	});

	it('after 5 wrong codes the next call answers TOO MANY ATTEMPTS (even with the right code) and deletes the OTP', async () => {
		const reference = await sendOtp();
		const code = sim.getOtp(reference) as string;
		const answers = [];
		for (let attempt = 0; attempt < 5; attempt++) answers.push(await verify(reference, wrongCode(code)));
		expect(answers).toEqual(Array(5).fill('{"result":"success","match":"false"}'));
		expect(await verify(reference, code)).toBe('{"result":"error","message":"TOO MANY ATTEMPTS. OTP EXPIRED."}');
		expect(await verify(reference, code)).toBe('[]');
	});

	it('the lock-out threshold is otp.maxAttempts', async () => {
		sim.configure({ otp: { maxAttempts: 1 } });
		const reference = await sendOtp();
		const code = sim.getOtp(reference) as string;
		expect(await match(reference, wrongCode(code))).toBe('false');
		expect(await verify(reference, code)).toBe('{"result":"error","message":"TOO MANY ATTEMPTS. OTP EXPIRED."}');
	});

	it('an empty code counts as a wrong attempt (the panel compares md5 values)', async () => {
		sim.configure({ otp: { maxAttempts: 1 } });
		const reference = await sendOtp();
		expect(await verify(reference, '')).toBe('{"result":"success","match":"false"}');
		expect(JSON.parse(await verify(reference, sim.getOtp(reference) as string)).message).toBe('TOO MANY ATTEMPTS. OTP EXPIRED.');
	});

	it('older than otp.ttlMs (default 10 minutes) → expired and deleted', async () => {
		expect(sim.config.otp.ttlMs).toBe(600000);
		sim.configure({ otp: { ttlMs: 40 } });
		const reference = await sendOtp();
		const code = sim.getOtp(reference) as string;
		await delay(80);
		expect(await verify(reference, code)).toBe('{"result":"success","match":"expired"}');
		expect(await verify(reference, code)).toBe('[]');
	});

	it('keeps OTPs apart per reference and per account: another key does not find them', async () => {
		const first = await sendOtp('919887100001');
		const second = await sendOtp('919887100002');
		expect(first).not.toBe(second);
		expect(await verify(first, sim.getOtp(first) as string, ADMIN_KEY)).toBe('[]');
		expect(await match(second, sim.getOtp(second) as string)).toBe('true');
		expect(await match(first, sim.getOtp(first) as string)).toBe('true');
		const admins = await sendOtp('919887100003', ADMIN_KEY);
		expect(await verify(admins, sim.getOtp(admins) as string, ADMIN_KEY)).toBe('{"result":"success","match":"true"}');
	});

	it.each([
		['letters', 'abc'],
		['8 digits', '98871000'],
		['a sign and 7 digits (8 characters)', '+9887100'],
		['digits with a space inside', '91988 7100001'],
	])('send: a mobile that is not numeric or shorter than 9 characters (%s) → []', async (_name, mobile) => {
		const reply = await get(sim, '/send-otp/index', { key: API_KEY, channel_id: '3', mobile });
		expect([reply.status, reply.text]).toEqual([200, '[]']);
	});

	it.each([
		['9 digits', '988710000'],
		['a leading plus (is_numeric accepts a sign, strlen counts it)', '+98871000'],
	])('send: accepts %s', async (_name, mobile) => {
		expect(parse(await get(sim, '/send-otp/index', { key: API_KEY, channel_id: '3', mobile })).result).toBe('success');
	});

	it('send: an unknown channel → []; otp.channels sets the known ones', async () => {
		expect((await get(sim, '/send-otp/index', { key: API_KEY, channel_id: '6', mobile: '919887100001' })).text).toBe('[]');
		sim.configure({ otp: { channels: ['6'] } });
		expect(parse(await get(sim, '/send-otp/index', { key: API_KEY, channel_id: '6', mobile: '919887100001' })).result).toBe('success');
		expect((await get(sim, '/send-otp/index', { key: API_KEY, channel_id: '3', mobile: '919887100001' })).text).toBe('[]');
	});

	it.each([
		['/send-otp/index', { key: 'bad', channel_id: '3', mobile: '919887100001' }, 'INVALID API KEY'],
		['/send-otp/index', { key: API_KEY, mobile: '919887100001' }, 'MISSING CHANNEL ID'],
		['/send-otp/index', { key: API_KEY, channel_id: '3' }, 'MISSING MOBILE'],
		['/verify-otp/index', { key: 'bad', reference: 'R', otp: '1' }, 'INVALID API KEY'],
		['/verify-otp/index', { key: API_KEY, otp: '123456' }, 'MISSING REFERENCE'],
	])('%s refuses %j with %s', async (path, query, message) => {
		const reply = await get(sim, path, query);
		expect([reply.status, reply.text]).toEqual([200, JSON.stringify({ result: 'error', message })]);
	});

	it('verify: an unknown reference → []', async () => {
		expect((await get(sim, '/verify-otp/index', { key: API_KEY, reference: 'NOSUCHREFERENCE00', otp: '123456' })).text).toBe('[]');
	});

	it('answers with `status` instead of `result` when otpStatusField is status', async () => {
		sim.configure({ otpStatusField: 'status' });
		const sent = parse(await get(sim, '/send-otp/index', { key: API_KEY, channel_id: '3', mobile: '919887100001' }));
		expect(Object.keys(sent)).toEqual(['status', 'reference']);
		expect(await verify(sent.reference, sim.getOtp(sent.reference) as string)).toBe('{"status":"success","match":"true"}');
		expect((await get(sim, '/send-otp/index', { key: API_KEY, mobile: '1' })).text).toBe('{"status":"error","message":"MISSING CHANNEL ID"}');
	});
});

describe("otp.style 'legacy': the simulator's earlier rules", () => {
	beforeEach(() => sim.configure({ otp: { style: 'legacy', maxAttempts: 3 } }));

	it('matches the right code once: wrong → false, right → true, right again → expired', async () => {
		const reference = await sendOtp();
		const code = sim.getOtp(reference) as string;
		expect(await verify(reference, wrongCode(code))).toBe('{"result":"success","match":"false"}');
		expect(await verify(reference, code)).toBe('{"result":"success","match":"true"}');
		expect(await verify(reference, code)).toBe('{"result":"success","match":"expired"}');
	});

	it('expires after maxAttempts wrong codes, even for the right code', async () => {
		const reference = await sendOtp();
		const code = sim.getOtp(reference) as string;
		for (let attempt = 0; attempt < 3; attempt++) expect(await match(reference, wrongCode(code))).toBe('false');
		expect(await match(reference, code)).toBe('expired');
	});

	it('expires after ttlMs', async () => {
		sim.configure({ otp: { ttlMs: 40 } });
		const reference = await sendOtp();
		await delay(80);
		expect(await match(reference, sim.getOtp(reference) as string)).toBe('expired');
	});

	it('takes any channel id', async () => {
		expect(parse(await get(sim, '/send-otp/index', { key: API_KEY, channel_id: 'x', mobile: '919887100001' })).result).toBe('success');
	});

	it.each([
		['/send-otp/index', { key: API_KEY, channel_id: 'x', mobile: 'abc' }, 'INVALID MOBILE'],
		['/verify-otp/index', { key: API_KEY, reference: 'ABC' }, 'MISSING OTP'],
		['/verify-otp/index', { key: API_KEY, reference: 'NOSUCHREFERENCE00', otp: '123456' }, 'INVALID REFERENCE'],
	])('%s refuses %j with %s', async (path, query, message) => {
		const reply = await get(sim, path, query);
		expect([reply.status, reply.text]).toEqual([200, JSON.stringify({ result: 'error', message })]);
	});
});

it('answers 404 for an unknown reference on the control route', async () => {
	expect((await get(sim, '/__sim/otp/NOPE')).status).toBe(404);
});
