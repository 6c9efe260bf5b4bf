// Helpers for the simulator's own tests: real HTTP with Node's fetch, and a small receiver for DLR pushes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from './index';

export const API_KEY = 'sim-key-0123456789';

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

export const parse = (reply: Reply): any => JSON.parse(reply.text);

export interface Received {
	method: string;
	url: string;
	contentType: string | undefined;
	body: string;
}

/** A local HTTP server that records what the simulator pushes to it. */
export async function startReceiver(status = 200) {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => (body += chunk));
		req.on('end', () => {
			received.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'], body });
			res.writeHead(status, { 'Content-Type': 'text/plain' });
			res.end(status === 200 ? 'OK' : 'NOPE');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const close = () =>
		new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return { url, received, close };
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
