// Failure injection and latency: what a flaky gateway (or the proxy in front of it) answers.
import { delay } from '../harness/timers';
import { startSimulator, type Simulator } from './index';
import { API_KEY, get, parse, postJson, send } from './testUtils';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ apiKey: API_KEY });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const sendOk = () => send(sim, { contacts: '919765600001', msg: 'x' });
const balance = () => get(sim, `/miscapi/${API_KEY}/getBalance/true/`);

it.each([
	['http500', 500, /^text\/html/, /500 Internal Server Error/],
	['http502', 502, /^text\/html/, /502 Bad Gateway/],
	['http503', 503, /^text\/plain/, /^Service Temporarily Unavailable$/],
	['http504', 504, /^text\/html/, /^<html>\r\n<head><title>504 Gateway Time-out<\/title><\/head>[\s\S]*<center>nginx<\/center>/],
	['http429', 429, /^text\/plain/, /^Too Many Requests$/],
	['html', 200, /^text\/html/, /^<!DOCTYPE html>/],
	['malformedJson', 200, /^application\/json/, /^\{"result":"succ$/],
	['errText', 200, /^text\/html/, /^ERR: SERVICE UNAVAILABLE$/],
	['errorJson', 200, /^application\/json/, /^\{"result":"error","message":"SERVICE UNAVAILABLE"\}$/],
	['errorField', 200, /^application\/json/, /^\{"error":"Malformed Request"\}$/],
	['frameworkError', 500, /^application\/json/, /^\{"message":"SERVICE UNAVAILABLE"\}$/],
	['emptyArray', 200, /^application\/json/, /^\[\]$/],
	['emptyBody', 200, /^text\/html/, /^$/],
] as const)('%s answers %i with the gateway-like body, once, and charges nothing', async (mode, status, type, body) => {
	sim.failNext('send', mode);
	const failed = await sendOk();
	expect(failed.status).toBe(status);
	expect(failed.contentType).toMatch(type);
	expect(failed.text).toMatch(body);
	expect(sim.balance('1')).toBe(100000);
	expect(parse(await sendOk()).result).toBe('success');
	expect(sim.requests.map((r) => r.endpoint)).toEqual(['send', 'send']);
});

it('sends Retry-After with 429: 1 by default, the given seconds or HTTP-date, none for null', async () => {
	sim.failNext('balance', 'http429', { retryAfter: 3 });
	expect((await balance()).headers.get('retry-after')).toBe('3');
	sim.failNext('balance', 'http429');
	expect((await balance()).headers.get('retry-after')).toBe('1');
	sim.failNext('balance', 'http429', { retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' });
	expect((await balance()).headers.get('retry-after')).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
	sim.failNext('balance', 'http429', { retryAfter: null });
	const bare = await balance();
	expect([bare.status, bare.headers.get('retry-after')]).toEqual([429, null]);
	await postJson(sim, '/__sim/fail', { endpoint: 'balance', mode: 'http429', retryAfter: null });
	expect((await balance()).headers.get('retry-after')).toBeNull();
});

it('errorField uses the given message', async () => {
	sim.failNext('dlr', 'errorField', { message: 'Invalid API Key' });
	expect((await get(sim, `/miscapi/${API_KEY}/getDLR/X`)).text).toBe('{"error":"Invalid API Key"}');
});

it('uses the given message for errText and errorJson, and the OTP status field for errorJson', async () => {
	sim.failNext('balance', 'errText', { message: 'ACCOUNT SUSPENDED' });
	expect((await balance()).text).toBe('ERR: ACCOUNT SUSPENDED');
	sim.configure({ otpStatusField: 'status' });
	sim.failNext('otpSend', 'errorJson', { message: 'NO CREDITS' });
	expect((await get(sim, '/send-otp/index', { key: API_KEY, channel_id: 'x', mobile: '919887100001' })).text).toBe(
		'{"status":"error","message":"NO CREDITS"}',
	);
});

it('failNext applies to `count` requests of that endpoint only', async () => {
	sim.failNext('send', 'http503', { count: 2 });
	expect((await balance()).status).toBe(200);
	expect((await sendOk()).status).toBe(503);
	expect((await sendOk()).status).toBe(503);
	expect((await sendOk()).status).toBe(200);
});

it('failNext `after` lets that many matching requests through first', async () => {
	sim.failNext('send', 'errorJson', { after: 2, count: 2, message: 'LATER' });
	sim.failNext('send', 'http500');
	expect((await sendOk()).status).toBe(500);
	expect(parse(await sendOk()).result).toBe('success');
	expect(await balance()).toMatchObject({ status: 200 });
	expect(parse(await sendOk()).message).toBe('LATER');
	expect(parse(await sendOk()).message).toBe('LATER');
	expect(parse(await sendOk()).result).toBe('success');
	await postJson(sim, '/__sim/fail', { endpoint: 'send', mode: 'http502', after: 1 });
	expect((await sendOk()).status).toBe(200);
	expect((await sendOk()).status).toBe(502);
});

it('setFailure lasts until cleared with null; failNext still goes first; * covers every endpoint', async () => {
	sim.setFailure('dlr', 'errText');
	sim.failNext('dlr', 'http500');
	expect((await get(sim, `/miscapi/${API_KEY}/getDLR/X`)).status).toBe(500);
	expect((await get(sim, `/miscapi/${API_KEY}/getDLR/X`)).text).toBe('ERR: SERVICE UNAVAILABLE');
	expect((await get(sim, `/miscapi/${API_KEY}/getDLR/X`)).text).toBe('ERR: SERVICE UNAVAILABLE');
	sim.setFailure('dlr', null);
	expect((await get(sim, `/miscapi/${API_KEY}/getDLR/X`)).text).toBe('ERR: INVALID SHOOT ID');
	sim.setFailure('*', 'http502');
	expect((await balance()).status).toBe(502);
	expect((await get(sim, '/verify-otp/index', { key: API_KEY })).status).toBe(502);
	sim.setFailure('*', null);
	expect((await balance()).status).toBe(200);
});

it('refuses unknown endpoints and modes', () => {
	expect(() => sim.failNext('sms' as never, 'http500')).toThrow(/unknown endpoint/);
	expect(() => sim.setFailure('send', 'boom' as never)).toThrow(/unknown failure mode/);
});

it('hang: accepts the request and never answers (the client times out), and close() still ends it', async () => {
	const hangSim = await startSimulator({ apiKey: API_KEY });
	hangSim.setFailure('balance', 'hang');
	const started = Date.now();
	const request = fetch(`${hangSim.baseUrl}/miscapi/${API_KEY}/getBalance/true/`, { signal: AbortSignal.timeout(200) });
	await expect(request).rejects.toThrow(/timeout|aborted/i);
	expect(Date.now() - started).toBeGreaterThanOrEqual(190);
	expect(hangSim.requests).toHaveLength(1);
	const outcome = fetch(`${hangSim.baseUrl}/miscapi/${API_KEY}/getBalance/true/`).then(
		() => 'answered',
		(error: Error) => error.message,
	);
	while (hangSim.requests.length < 2) await delay(5);
	const closeStarted = Date.now();
	await hangSim.close();
	expect(Date.now() - closeStarted).toBeLessThan(1000);
	expect(await outcome).toBe('fetch failed');
});

it('reset: the connection is cut, so fetch rejects; the next request works', async () => {
	sim.failNext('send', 'reset');
	await expect(sendOk()).rejects.toThrow();
	expect(sim.requests).toHaveLength(1);
	expect(parse(await sendOk()).result).toBe('success');
});

it('latency delays API answers but not control routes', async () => {
	sim.setLatency(150);
	let started = Date.now();
	await balance();
	expect(Date.now() - started).toBeGreaterThanOrEqual(145);
	started = Date.now();
	await get(sim, '/__sim/requests');
	expect(Date.now() - started).toBeLessThan(100);
	sim.setLatency(0);
	started = Date.now();
	await balance();
	expect(Date.now() - started).toBeLessThan(100);
});

it('sends of many items overlap under latency (the gateway is not serial)', async () => {
	sim.setLatency(100);
	const started = Date.now();
	await Promise.all(Array.from({ length: 5 }, sendOk));
	expect(Date.now() - started).toBeLessThan(400);
	expect(sim.balance('1')).toBe(100000 - 5);
});

it('control route /__sim/fail sets one-shot and persistent failures', async () => {
	await postJson(sim, '/__sim/fail', { endpoint: 'send', mode: 'http500', count: 1 });
	expect((await sendOk()).status).toBe(500);
	expect((await sendOk()).status).toBe(200);
	await postJson(sim, '/__sim/fail', { endpoint: 'balance', mode: 'html', persistent: true });
	expect((await balance()).text).toMatch(/<!DOCTYPE html>/);
	expect((await balance()).text).toMatch(/<!DOCTYPE html>/);
	await postJson(sim, '/__sim/fail', { endpoint: 'balance', mode: null });
	expect((await balance()).text).toMatch(/^\[/);
	const refused = await postJson(sim, '/__sim/fail', { endpoint: 'balance', mode: 'explode' });
	expect(refused.status).toBe(400);
	expect(parse(refused).error).toMatch(/unknown failure mode/);
});
