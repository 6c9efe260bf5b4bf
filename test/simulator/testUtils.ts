// Helpers for the simulator's own tests: real HTTP with Node's fetch, and a small receiver for DLR pushes.
import { refusedPort, startRecordingServer, type RecordedRequest } from '../harness/servers';
import { testKey } from '../harness/testKeys';
import { startSimulator, type Simulator } from './index';

/** The simulator's default keys (index.js), made at run time. */
export const API_KEY = testKey('sim-key');
export const ADMIN_KEY = `sim-admin-key-${'1'.padStart(4, '0')}`;

export interface Reply {
	status: number;
	contentType: string;
	text: string;
	headers: Headers;
}

async function toReply(response: Response): Promise<Reply> {
	return {
		status: response.status,
		contentType: response.headers.get('content-type') ?? '',
		text: await response.text(),
		headers: response.headers,
	};
}

export async function get(sim: Simulator, path: string, query: Record<string, string> = {}): Promise<Reply> {
	const search = new URLSearchParams(query).toString();
	return toReply(await fetch(`${sim.baseUrl}${path}${search ? `?${search}` : ''}`));
}

/** Form encoding with the native encodeURIComponent (%20 for spaces): fast enough for 3 MB bulk bodies. */
export const formBody = (fields: Record<string, string>): string =>
	Object.entries(fields)
		.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
		.join('&');

export async function postForm(sim: Simulator, path: string, fields: Record<string, string> | string): Promise<Reply> {
	return toReply(
		await fetch(`${sim.baseUrl}${path}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: typeof fields === 'string' ? fields : formBody(fields),
		}),
	);
}

export async function postJson(sim: Simulator, path: string, value: unknown): Promise<Reply> {
	return toReply(
		await fetch(`${sim.baseUrl}${path}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(value),
		}),
	);
}

/** POST /smsapi/index with the valid key and a sender id unless overridden. */
export function send(sim: Simulator, fields: Record<string, string>): Promise<Reply> {
	return postForm(sim, '/smsapi/index', { key: API_KEY, senderid: 'DEMO', ...fields });
}

/** The reply's JSON, as JSON.parse types it (tests read any field of it). */
export const parse = (reply: Reply) => JSON.parse(reply.text);

/**
 * `${date}` on a server in Asia/Kolkata, built with Intl (not the simulator's code): the oracle for panel times.
 * Whole seconds, as the panel's TIMESTAMP columns keep them.
 */
export function istDateString(ms: number): string {
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone: 'Asia/Kolkata',
		weekday: 'short',
		month: 'short',
		day: '2-digit',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
	});
	const part = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
	return `${part.weekday} ${part.month} ${part.day} ${part.year} ${part.hour}:${part.minute}:${part.second} GMT+0530 (India Standard Time)`;
}

/** 'YYYY-MM-DD HH:mm:ss' in Asia/Kolkata, built with Intl: the oracle for the panel's SQL-style times. */
export function istSqlTime(ms: number): string {
	const format = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Asia/Kolkata',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
	});
	const part = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
	return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

export type Received = RecordedRequest;

/**
 * A local HTTP server that records what the simulator pushes to it and answers with `status`, or with
 * `status(n)` for the n-th request (1-based): 'OK' for a 200, 'NOPE' otherwise.
 */
export async function startReceiver(status: number | ((n: number) => number) = 200) {
	const receiver = await startRecordingServer((n) => {
		const code = typeof status === 'number' ? status : status(n);
		return { status: code, contentType: 'text/plain', body: code === 200 ? 'OK' : 'NOPE' };
	});
	return { url: receiver.url, received: receiver.requests, close: receiver.close };
}

/** A loopback port with nothing listening on it. */
export const closedPort = refusedPort;

/**
 * One simulator (autoPush off, 10 ms between retries) and one receiver per test file, reset before each test,
 * with helpers to send to the receiver and read what it got.
 */
export function usePanelPush() {
	const ctx = {} as { sim: Simulator; receiver: Awaited<ReturnType<typeof startReceiver>> };
	beforeAll(async () => {
		ctx.sim = await startSimulator({ apiKey: API_KEY });
		ctx.receiver = await startReceiver();
	});
	afterAll(async () => {
		await ctx.sim.close();
		await ctx.receiver.close();
	});
	beforeEach(() => {
		ctx.sim.reset();
		ctx.sim.configure({ dlr: { autoPush: false, retryDelayMs: 10 } });
		ctx.receiver.received.length = 0;
	});
	const sendTo = async (contacts: string, msg = 'x', dlrUrl = `${ctx.receiver.url}/dlr`): Promise<string> => {
		const reply = parse(await send(ctx.sim, { contacts, msg, dlr_url: dlrUrl }));
		expect(reply.result).toBe('success');
		return reply.sms_shoot_id;
	};
	const bodies = () => ctx.receiver.received.map((r) => JSON.parse(r.body));
	const byMobile = <T extends { mobile: number | string }>(list: T[]) => list.slice().sort((a, b) => Number(a.mobile) - Number(b.mobile));
	const reportOf = (shootId: string, mobile: string) => ctx.sim.getSubmission(shootId)!.reports.find((r) => r.mobile === mobile)!;
	return { ctx, sendTo, bodies, byMobile, reportOf };
}
