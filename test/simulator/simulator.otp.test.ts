// The simulator's OTP flow: /send-otp/index and /verify-otp/index over real HTTP.
import { startSimulator, type Simulator } from './index';
import { API_KEY, get, parse, postForm } from './testUtils';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ apiKey: API_KEY, otp: { ttlMs: 300000, maxAttempts: 3 } });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const sendOtp = async (mobile = '919887100001') =>
	parse(await get(sim, '/send-otp/index', { key: API_KEY, channel_id: 'x', mobile })).reference as string;
const verify = async (reference: string, otp: string) =>
	(await get(sim, '/verify-otp/index', { key: API_KEY, reference, otp })).text;
const match = async (reference: string, otp: string) => JSON.parse(await verify(reference, otp)).match as string;
const wrongCode = (code: string) => String((Number(code) + 1) % 1000000).padStart(6, '0');

it('sends an OTP: a 17-character uppercase reference, and a 6-digit code readable by tests', async () => {
	const reply = await get(sim, '/send-otp/index', { key: API_KEY, channel_id: 'x', mobile: '919887100001' });
	const body = parse(reply);
	expect(Object.keys(body)).toEqual(['result', 'reference']);
	expect(body.result).toBe('success');
	expect(body.reference).toMatch(/^[A-Z0-9]{17}$/);
	const code = sim.getOtp(body.reference);
	expect(code).toMatch(/^\d{6}$/);
	expect(parse(await get(sim, `/__sim/otp/${body.reference}`))).toEqual({ reference: body.reference, otp: code, mobile: '919887100001', channelId: 'x' });
	expect(sim.requests[0]).toMatchObject({ endpoint: 'otpSend', query: { key: API_KEY, channel_id: 'x', mobile: '919887100001' } });
});

it('accepts send and verify as form POSTs too', async () => {
	const { reference } = parse(await postForm(sim, '/send-otp/index', { key: API_KEY, channel_id: '3', mobile: '919887100001' }));
	const reply = await postForm(sim, '/verify-otp/index', { key: API_KEY, reference, otp: sim.getOtp(reference) ?? '' });
	expect(reply.text).toBe('{"result":"success","match":"true"}');
});

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
	await new Promise((resolve) => setTimeout(resolve, 80));
	expect(await match(reference, sim.getOtp(reference) as string)).toBe('expired');
});

it('keeps OTPs apart per reference', async () => {
	const first = await sendOtp('919887100001');
	const second = await sendOtp('919887100002');
	expect(first).not.toBe(second);
	expect(await match(second, sim.getOtp(second) as string)).toBe('true');
	expect(await match(first, sim.getOtp(first) as string)).toBe('true');
});

it.each([
	['/send-otp/index', { key: 'bad', channel_id: 'x', mobile: '919887100001' }, 'INVALID API KEY'],
	['/send-otp/index', { key: API_KEY, mobile: '919887100001' }, 'MISSING CHANNEL ID'],
	['/send-otp/index', { key: API_KEY, channel_id: 'x' }, 'MISSING MOBILE'],
	['/send-otp/index', { key: API_KEY, channel_id: 'x', mobile: 'abc' }, 'INVALID MOBILE'],
	['/verify-otp/index', { key: 'bad', reference: 'R', otp: '1' }, 'INVALID API KEY'],
	['/verify-otp/index', { key: API_KEY, otp: '123456' }, 'MISSING REFERENCE'],
	['/verify-otp/index', { key: API_KEY, reference: 'ABC' }, 'MISSING OTP'],
	['/verify-otp/index', { key: API_KEY, reference: 'NOSUCHREFERENCE00', otp: '123456' }, 'INVALID REFERENCE'],
])('%s refuses %j with %s', async (path, query, message) => {
	const reply = await get(sim, path, query);
	expect([reply.status, reply.text]).toEqual([200, JSON.stringify({ result: 'error', message })]);
});

it('answers with `status` instead of `result` when otpStatusField is status', async () => {
	sim.configure({ otpStatusField: 'status' });
	const sent = parse(await get(sim, '/send-otp/index', { key: API_KEY, channel_id: 'x', mobile: '919887100001' }));
	expect(Object.keys(sent)).toEqual(['status', 'reference']);
	expect(await verify(sent.reference, sim.getOtp(sent.reference) as string)).toBe('{"status":"success","match":"true"}');
	expect((await get(sim, '/send-otp/index', { key: API_KEY, mobile: '1' })).text).toBe('{"status":"error","message":"MISSING CHANNEL ID"}');
});

it('answers 404 for an unknown reference on the control route', async () => {
	expect((await get(sim, '/__sim/otp/NOPE')).status).toBe(404);
});
