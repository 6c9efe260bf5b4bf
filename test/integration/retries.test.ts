// Retries only where safe: reads are asked again on 429/502/503/504 and lost connections, sends
// only when nothing can have been sent, OTP verify never; all within the Timeout option.
import type { IDataObject } from 'n8n-workflow';

import { runActionNode } from '../harness/execute';
import { n8nLogger } from '../harness/n8nLog';
import { refusedPort, startRecordingServer, type RecordingServer } from '../harness/servers';
import { startSimulator, type SimEndpoint, type SimFailureMode, type Simulator } from '../simulator';
import { API_KEY, credentialsFor, run, useSimulator, visibleText } from './fixtures';

const TIMEOUT = 2000;
const options = { timeout: TIMEOUT };
const balance = { resource: 'account', operation: 'getBalance', options };
const report = (shootId: string) => ({ resource: 'deliveryReport', operation: 'get', shootId, options });
const send = { resource: 'sms', operation: 'send', senderId: 'DEMO', contacts: '919876543210', message: 'Hi', options };
const schedule = { ...send, operation: 'schedule', scheduleAt: '2099-03-19T14:30:00' };
const sendBulk = { resource: 'sms', operation: 'sendBulk', senderId: 'DEMO', mobile: '919876543210', message: 'Hi', options };
const otpSend = { resource: 'otp', operation: 'send', channelId: '5', mobile: '919876543210', options };
const otpVerify = { resource: 'otp', operation: 'verify', reference: 'R', otp: '123456', options };

const MAY_HAVE_BEEN_SENT =
	'The messages may or may not have been submitted. Check the delivery reports or the panel before sending again: this node never resends on its own.';

/** What n8n logs at info level while the node runs (retries are logged there). */
function captureInfoLog() {
	const lines: string[] = [];
	const spy = jest.spyOn(n8nLogger(), 'info').mockImplementation((message: string) => {
		lines.push(message);
	});
	return { lines, restore: () => spy.mockRestore() };
}

describe('reads are retried', () => {
	const ctx = useSimulator({ routes: [{ id: '1', name: 'Transactional', balance: 1000 }], dlr: { delayMs: 0 } });
	let log: ReturnType<typeof captureInfoLog>;
	beforeEach(() => (log = captureInfoLog()));
	afterEach(() => log.restore());

	async function sentShootId(sim: Simulator): Promise<string> {
		const sent = await run(sim, { parameters: { ...send, options: {} } });
		sim.clearRequests();
		return sent.items[0].json.shootId as string;
	}

	it.each<[SimFailureMode, IDataObject]>([
		['http503', {}],
		['http502', {}],
		['http429', { retryAfter: 0 }],
		['reset', {}],
	])('getBalance after %s: 2 requests and the normal result', async (mode, failureOptions) => {
		ctx.sim.failNext('balance', mode, failureOptions);
		const result = await run(ctx.sim, { parameters: balance });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['balance', 'balance']);
		expect(result.items).toEqual([
			{ json: { ROUTE_ID: '1', ROUTE: 'Transactional', BALANCE: '1000.00', balance: 1000, unlimited: false }, pairedItem: { item: 0 } },
		]);
	});

	it.each<[SimFailureMode, IDataObject]>([
		['http503', {}],
		['http429', { retryAfter: 0 }],
		['reset', {}],
	])('deliveryReport.get after %s: 2 requests and the reports', async (mode, failureOptions) => {
		const shootId = await sentShootId(ctx.sim);
		ctx.sim.failNext('dlr', mode, failureOptions);
		const result = await run(ctx.sim, { parameters: report(shootId) });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['dlr', 'dlr']);
		expect(result.items.map((item) => [item.json.shootId, item.json.mobile, item.json.status])).toEqual([
			[shootId, '919876543210', 'delivered'],
		]);
	});

	it('gives up after 3 attempts and says so', async () => {
		ctx.sim.setFailure('balance', 'http503');
		const result = await run(ctx.sim, { parameters: { ...balance, options: { timeout: 3000 } } });
		expect(ctx.sim.requests).toHaveLength(3);
		expect(result.error?.message).toBe('SMS Handover is unavailable (HTTP 503); gave up after 3 attempts');
		expect(result.error?.httpCode).toBe('503');
	});

	it('does not retry an HTTP 500 or a provider error', async () => {
		ctx.sim.failNext('balance', 'http500');
		expect((await run(ctx.sim, { parameters: balance })).error?.message).toBe('SMS Handover is unavailable (HTTP 500)');
		ctx.sim.failNext('balance', 'errText', { message: 'ACCOUNT SUSPENDED' });
		expect((await run(ctx.sim, { parameters: balance })).error?.message).toBe('ACCOUNT SUSPENDED');
		expect(ctx.sim.requests).toHaveLength(2);
	});

	it('a retried read that then gets a final error says how many attempts were made', async () => {
		ctx.sim.failNext('balance', 'http503');
		ctx.sim.failNext('balance', 'http500', { after: 1 });
		const result = await run(ctx.sim, { parameters: balance });
		expect(ctx.sim.requests).toHaveLength(2);
		expect(result.error?.message).toBe('SMS Handover is unavailable (HTTP 500); gave up after 2 attempts');
	});

	it('honours Retry-After in seconds', async () => {
		ctx.sim.failNext('balance', 'http429', { retryAfter: 1 });
		const result = await run(ctx.sim, { parameters: { ...balance, options: { timeout: 3000 } } });
		expect(result.error).toBeUndefined();
		const [first, second] = ctx.sim.requests;
		expect(second.at - first.at).toBeGreaterThanOrEqual(900);
	});

	it('honours Retry-After as an HTTP-date', async () => {
		// HTTP-dates have whole seconds: 2 s ahead is at least 1 s ahead.
		const shootId = await sentShootId(ctx.sim);
		ctx.sim.failNext('dlr', 'http429', { retryAfter: new Date(Date.now() + 2000).toUTCString() });
		const result = await run(ctx.sim, { parameters: { ...report(shootId), options: { timeout: 4000 } } });
		expect(result.error).toBeUndefined();
		const [first, second] = ctx.sim.requests;
		expect(second.at - first.at).toBeGreaterThanOrEqual(900);
	});

	it('stops at once when Retry-After asks for more than the timeout leaves', async () => {
		ctx.sim.failNext('balance', 'http429', { retryAfter: 60 });
		const result = await run(ctx.sim, { parameters: balance });
		expect(ctx.sim.requests).toHaveLength(1);
		expect(result.error?.message).toMatch(
			/^SMS Handover is rate limiting requests \(HTTP 429, retry after 60 s\); not retried: SMS Handover asked to wait 60 s \(Retry-After\), more than the \d+ ms left of the 2000 ms timeout$/,
		);
	});

	it('keeps every attempt and wait inside the timeout: a second 1 s Retry-After does not fit in 2 s', async () => {
		ctx.sim.setFailure('balance', 'http429', { retryAfter: 1 });
		const result = await run(ctx.sim, { parameters: balance });
		expect(ctx.sim.requests).toHaveLength(2);
		expect(result.error?.message).toMatch(
			/; gave up after 2 attempts: SMS Handover asked to wait 1 s \(Retry-After\), more than the \d+ ms left of the 2000 ms timeout$/,
		);
	});

	it('a read that hangs has used the whole timeout: not tried again', async () => {
		ctx.sim.failNext('balance', 'hang');
		const result = await run(ctx.sim, { parameters: { ...balance, options: { timeout: 1000 } } });
		expect(ctx.sim.requests).toHaveLength(1);
		expect(result.error?.message).toBe('SMS Handover did not answer within 1000 ms');
	});

	it('a retry that hangs gets only what is left of the timeout', async () => {
		ctx.sim.failNext('balance', 'http503');
		ctx.sim.failNext('balance', 'hang', { after: 1 });
		const result = await run(ctx.sim, { parameters: { ...balance, options: { timeout: 1500 } } });
		expect(ctx.sim.requests).toHaveLength(2);
		expect(result.error?.message).toBe('SMS Handover did not answer within 1500 ms; gave up after 2 attempts');
	});

	it('retries a refused connection and says how many attempts it made', async () => {
		const port = await refusedPort();
		const result = await run(ctx.sim, {
			parameters: balance,
			credentials: credentialsFor(ctx.sim, { baseUrl: `http://127.0.0.1:${port}` }),
		});
		expect(result.error?.message).toBe('SMS Handover refused the connection; gave up after 3 attempts');
		expect(result.error?.description).toBe('GET /miscapi/***/getBalance/true/: ECONNREFUSED');
		expect(log.lines.filter((line) => line.includes('getBalance'))).toHaveLength(2);
	});

	it('logs each retry without the API key (it is in the balance URL)', async () => {
		ctx.sim.failNext('balance', 'http503', { count: 2 });
		const result = await run(ctx.sim, { parameters: { ...balance, options: { timeout: 3000 } } });
		expect(result.error).toBeUndefined();
		expect(log.lines).toEqual([
			expect.stringMatching(/^SMS Handover: GET \/miscapi\/\*\*\*\/getBalance\/true\/ failed \(SMS Handover is unavailable \(HTTP 503\)\); attempt 2 in \d+ ms$/),
			expect.stringMatching(/; attempt 3 in \d+ ms$/),
		]);
		expect(log.lines.join('\n')).not.toContain(API_KEY);
	});

	it('never shows the key in the final error after retries', async () => {
		ctx.sim.setFailure('dlr', 'http502');
		const result = await run(ctx.sim, { parameters: { ...report('SHOOT1'), options: { timeout: 3000 } } });
		expect(ctx.sim.requests).toHaveLength(3);
		expect(visibleText(result)).not.toContain(API_KEY);
	});
});

describe('sends are never retried once the request may have reached the panel', () => {
	const ctx = useSimulator();

	it.each<[string, IDataObject, SimEndpoint]>([
		['sms.send', send, 'send'],
		['sms.schedule', schedule, 'send'],
		['sms.sendBulk', sendBulk, 'send'],
		['otp.send', otpSend, 'otpSend'],
	])('%s on HTTP 503: exactly 1 request and an error saying it may have been sent', async (_label, parameters, endpoint) => {
		ctx.sim.failNext(endpoint, 'http503');
		const result = await run(ctx.sim, { parameters });
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual([endpoint]);
		expect(result.error?.message).toBe('SMS Handover is unavailable (HTTP 503)');
		expect(result.error?.description).toContain(MAY_HAVE_BEEN_SENT);
	});

	it.each<[SimFailureMode, IDataObject]>([
		['http502', {}],
		['http429', { retryAfter: 0 }],
		['reset', {}],
		['hang', {}],
	])('sms.send on %s: exactly 1 request', async (mode, failureOptions) => {
		ctx.sim.failNext('send', mode, failureOptions);
		const result = await run(ctx.sim, { parameters: { ...send, options: { timeout: 1000 } } });
		expect(ctx.sim.requests).toHaveLength(1);
		expect(result.error).toBeDefined();
	});

	it('otp.send that hangs: 1 request, and the error says the code may have gone out', async () => {
		ctx.sim.failNext('otpSend', 'hang');
		const result = await run(ctx.sim, { parameters: { ...otpSend, options: { timeout: 1000 } } });
		expect(ctx.sim.requests).toHaveLength(1);
		expect(result.error?.message).toBe('SMS Handover did not answer within 1000 ms');
		expect(result.error?.description).toContain(MAY_HAVE_BEEN_SENT);
	});

	it('a send to a refused port is retried, since nothing was sent, and goes through once the panel is up', async () => {
		const port = await refusedPort();
		let late: Promise<Simulator> | undefined;
		const spy = jest.spyOn(n8nLogger(), 'info').mockImplementation(() => {
			// The first refusal is logged before the wait: the panel comes up during it.
			late ??= startSimulator({ port, apiKey: API_KEY });
		});
		try {
			const result = await run(ctx.sim, {
				parameters: send,
				credentials: credentialsFor(ctx.sim, { baseUrl: `http://127.0.0.1:${port}` }),
			});
			const sim = await late!;
			try {
				expect(result.error).toBeUndefined();
				expect(sim.requests.map((request) => request.endpoint)).toEqual(['send']);
				expect(result.items[0].json).toMatchObject({ success: true, shootId: expect.any(String) });
			} finally {
				await sim.close();
			}
		} finally {
			spy.mockRestore();
		}
	});

	// localhost: Node tries ::1 and 127.0.0.1 and reports both refusals as one AggregateError.
	it.each(['127.0.0.1', 'localhost'])('a send to %s refused every time: 3 attempts, and the error says nothing was submitted', async (host) => {
		const port = await refusedPort();
		const result = await run(ctx.sim, {
			parameters: send,
			credentials: credentialsFor(ctx.sim, { baseUrl: `http://${host}:${port}` }),
		});
		expect(result.error?.message).toBe('SMS Handover refused the connection; gave up after 3 attempts');
		expect(result.error?.description).toMatch(/^POST \/smsapi\/index: ECONNREFUSED Nothing was submitted: the connection to SMS Handover could not be opened\./);
		expect(result.error?.description).not.toContain('may or may not');
	});
});

describe('OTP verify is never retried (each call counts as an attempt at the panel)', () => {
	const ctx = useSimulator();

	it.each<[SimFailureMode, IDataObject]>([
		['http503', {}],
		['http429', { retryAfter: 0 }],
		['reset', {}],
	])('on %s: exactly 1 request', async (mode, failureOptions) => {
		ctx.sim.failNext('otpVerify', mode, failureOptions);
		const result = await run(ctx.sim, { parameters: otpVerify });
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['otpVerify']);
		expect(result.error).toBeDefined();
	});

	it('on a refused connection: one attempt, no retry note', async () => {
		const port = await refusedPort();
		const result = await run(ctx.sim, {
			parameters: otpVerify,
			credentials: credentialsFor(ctx.sim, { baseUrl: `http://127.0.0.1:${port}` }),
		});
		expect(result.error?.message).toBe('SMS Handover refused the connection');
	});
});

describe('HTTP 504 (a gateway in front of the panel)', () => {
	let gateway: RecordingServer;
	beforeAll(async () => {
		gateway = await startRecordingServer({ status: 504, contentType: 'text/html', body: '<html><body><h1>504 Gateway Time-out</h1></body></html>' });
	});
	beforeEach(() => (gateway.requests.length = 0));
	afterAll(async () => await gateway.close());
	const seen = () => gateway.requests.map((request) => `${request.method} ${request.url.split('?')[0].replace(API_KEY, '<key>')}`);

	const credentials = () => ({ apiKey: API_KEY, baseUrl: gateway.url, timeZone: 'Asia/Kolkata' });

	it('a read is asked 3 times', async () => {
		const result = await runActionNode({ parameters: { ...balance, options: { timeout: 3000 } }, credentials: credentials() });
		expect(seen()).toEqual(Array(3).fill('GET /miscapi/<key>/getBalance/true/'));
		expect(result.error?.message).toBe('SMS Handover is unavailable (HTTP 504); gave up after 3 attempts');
	});

	it('a send is asked once, and may have been sent', async () => {
		const result = await runActionNode({ parameters: send, credentials: credentials() });
		expect(seen()).toEqual(['POST /smsapi/index']);
		expect(result.error?.message).toBe('SMS Handover is unavailable (HTTP 504)');
		expect(result.error?.description).toContain(MAY_HAVE_BEEN_SENT);
	});
});
