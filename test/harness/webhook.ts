/**
 * Runs the SMS Handover Trigger's webhook() the way n8n does, in process: a real Node HTTP
 * server reads and parses the request like n8n's webhook server (raw body kept, JSON, form
 * and text bodies parsed, 16 MB limit, 422 on broken JSON), builds a real n8n-workflow
 * `Workflow` holding the trigger, and calls webhook() through n8n-core's real WebhookContext.
 * It then answers like n8n's onReceived mode and records each call and its output items.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseQueryString } from 'node:querystring';

import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { SmsHandoverTrigger } from '../../nodes/SmsHandover/SmsHandoverTrigger.node';
import { n8nLogger } from './n8nLog';

export const TRIGGER_NODE_TYPE = 'n8n-nodes-smshandover.smsHandoverTrigger';

export interface TriggerCall {
	method: string;
	/** Path and query string as received. */
	url: string;
	status: number;
	/** Whether webhook() returned workflowData, i.e. n8n would start an execution. */
	executed: boolean;
	/** The json of every output item (empty when nothing executed). */
	items: IDataObject[];
	responseBody: string;
	/** Message of an error thrown out of webhook() (a defect: it must never throw). */
	thrown?: string;
}

export interface TriggerEndpointOptions {
	/** Workflow time zone (settings.timezone), used for zone-less report times. Default UTC. */
	timezone?: string;
	/** Execution mode passed to the context: `webhook` (production, default) or `manual`. */
	mode?: WorkflowExecuteMode;
	/** n8n's N8N_PAYLOAD_SIZE_MAX in MB (default 16). */
	payloadSizeMaxMb?: number;
	workflowId?: string;
	nodeId?: string;
	/** Node typeVersion. n8n pre-parses bodies of version 1 start nodes whatever their content type; for later versions only JSON, form, text and XML (the rest stays for readRawBody()). Default 2. */
	typeVersion?: 1 | 2 | 3;
	/** Data of an SMS Handover Webhook API credential to give the node (n8n-core's getCredentials hands it out). */
	webhookCredential?: ICredentialDataDecryptedObject;
}

export interface TriggerEndpoint {
	/** Production-style URL: http://127.0.0.1:<port>/webhook/<webhookId>/dlr */
	url: string;
	calls: TriggerCall[];
	/** Calls that started an execution. */
	readonly executions: TriggerCall[];
	waitForCalls(count: number, timeoutMs?: number): Promise<TriggerCall[]>;
	close(): Promise<void>;
}

type N8nCore = typeof import('n8n-core');
let corePromise: Promise<N8nCore> | undefined;

/** n8n-core writes an instance config on first use: keep it out of the user's home. Its log is recorded (n8nLog.js). */
export async function loadCore(): Promise<N8nCore> {
	n8nLogger();
	if (!process.env.N8N_USER_FOLDER) {
		process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'smshandover-n8n-'));
	}
	process.env.N8N_ENCRYPTION_KEY ??= 'smshandover-test-encryption-key';
	corePromise ??= import('n8n-core');
	return await corePromise;
}

class SingleNodeTypes implements INodeTypes {
	constructor(private readonly nodeType: INodeType) {}

	getByName(): INodeType {
		return this.nodeType;
	}

	getByNameAndVersion(): INodeType {
		return this.nodeType;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

export class RequestTooLarge extends Error {}

/**
 * The body, or RequestTooLarge once it passes the limit. An oversized body is still read to its
 * end (and dropped), so the client gets its 413 instead of a reset connection.
 */
export async function readBody(request: http.IncomingMessage, limitBytes: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size <= limitBytes) chunks.push(chunk as Buffer);
	}
	if (size > limitBytes) throw new RequestTooLarge('request entity too large');
	return Buffer.concat(chunks);
}

export function mediaType(header: string | undefined): { contentType?: string; encoding: BufferEncoding } {
	if (!header) return { encoding: 'utf-8' };
	const [type, ...params] = header.split(';');
	const charset = params.map((p) => p.trim().split('=')).find(([k]) => k.toLowerCase() === 'charset');
	const encoding = (charset?.[1]?.toLowerCase() ?? 'utf-8') as BufferEncoding;
	return { contentType: type.trim().toLowerCase(), encoding };
}

/** What n8n's parseBody does for a version-1 webhook node. Throws on broken JSON (n8n: 422). */
/** What n8n 1.123 and 2.41 parse for start nodes of version 2 and later (webhook-helpers.ts). */
export function isParsableContentType(contentType: string | undefined): boolean {
	if (!contentType) return false;
	return (
		contentType.startsWith('application/json') ||
		contentType.startsWith('text/plain') ||
		contentType.startsWith('application/x-www-form-urlencoded') ||
		contentType.endsWith('/xml') ||
		contentType.endsWith('+xml')
	);
}

export function parseBody(rawBody: Buffer, contentType: string | undefined, encoding: BufferEncoding): unknown {
	if (rawBody.length === 0) return undefined;
	const text = rawBody.toString(encoding);
	if (contentType === 'application/json') return JSON.parse(text) as unknown;
	if (contentType === 'application/x-www-form-urlencoded') {
		return { ...parseQueryString(text, undefined, undefined, { maxKeys: 1000 }) };
	}
	if (contentType === 'text/plain') return text;
	return undefined;
}

export function sendJson(response: http.ServerResponse, status: number, data: unknown): void {
	const body = typeof data === 'string' ? data : JSON.stringify(data);
	response.writeHead(status, {
		'Content-Type': typeof data === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
	});
	response.end(body);
}

/**
 * Calls a node's webhook() and answers the caller the way n8n does: 500 when it throws, nothing
 * more when it answered itself (noWebhookResponse; a missing answer is a defect: 500), otherwise
 * 200 with its webhookResponse or `fallback`. Returns the items it would start an execution with.
 */
export async function callWebhook(
	webhook: () => Promise<IWebhookResponseData>,
	response: http.ServerResponse,
	fallback: (executed: boolean) => unknown,
): Promise<{ items?: IDataObject[]; thrown?: string }> {
	let result: IWebhookResponseData;
	try {
		result = await webhook();
	} catch (error) {
		sendJson(response, 500, { code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
		return { thrown: (error as Error).message };
	}
	const items = result.workflowData === undefined ? undefined : (result.workflowData[0] ?? []).map((item) => item.json);
	if (result.noWebhookResponse === true) {
		if (response.writableEnded) return { items };
		// Real n8n would leave the caller hanging: fail loudly instead.
		const thrown = 'webhook() returned noWebhookResponse without answering';
		sendJson(response, 500, { message: thrown });
		return { items, thrown };
	}
	const answer = result.webhookResponse ?? fallback(items !== undefined);
	if (answer === undefined) {
		response.writeHead(200);
		response.end();
	} else {
		sendJson(response, 200, answer);
	}
	return { items };
}

/**
 * A loopback HTTP server that hands each request to `handle` and records the call it returns, with
 * the status and body that were answered, whoever wrote them (the node or the harness).
 */
export async function listenRecording<C extends { status: number; responseBody: string }>(
	handle: (request: http.IncomingMessage, response: http.ServerResponse) => Promise<C>,
	calls: C[],
): Promise<{ server: http.Server; port: number }> {
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		const originalEnd = response.end.bind(response) as (...args: unknown[]) => http.ServerResponse;
		response.end = ((...args: unknown[]) => {
			if (typeof args[0] === 'string' || Buffer.isBuffer(args[0])) chunks.push(Buffer.from(args[0]));
			return originalEnd(...args);
		}) as typeof response.end;
		void handle(request, response).then(
			(call) => {
				call.status = response.statusCode;
				call.responseBody = Buffer.concat(chunks).toString('utf8');
				calls.push(call);
			},
			(error: Error) => {
				if (!response.writableEnded) sendJson(response, 500, { message: error.message });
			},
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, port: (server.address() as AddressInfo).port };
}

/**
 * Starts an HTTP endpoint backed by the SMS Handover Trigger with these node parameters
 * (e.g. `{ events: ['delivered'], options: { secretToken: 's3cret' } }`).
 */
export async function startTriggerEndpoint(
	nodeParameters: INodeParameters = {},
	options: TriggerEndpointOptions = {},
): Promise<TriggerEndpoint> {
	const { WebhookContext } = await loadCore();
	const nodeType = new SmsHandoverTrigger();
	const webhookId = randomUUID();
	const workflowId = options.workflowId ?? randomUUID().slice(0, 16);
	const node: INode = {
		id: options.nodeId ?? randomUUID(),
		name: 'SMS Handover Trigger',
		type: TRIGGER_NODE_TYPE,
		typeVersion: options.typeVersion ?? 2,
		position: [0, 0],
		parameters: nodeParameters,
		webhookId,
		...(options.webhookCredential
			? { credentials: { smsHandoverWebhookApi: { id: 'webhook-credential-1', name: 'SMS Handover Webhook' } } }
			: {}),
	};
	const workflow = new Workflow({
		id: workflowId,
		name: 'SMS Handover Trigger test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new SingleNodeTypes(nodeType),
		settings: { timezone: options.timezone ?? 'UTC' },
	});
	const workflowNode = workflow.getNode(node.name) as INode;
	const webhookPath = `/webhook/${webhookId}/dlr`;
	const limitBytes = (options.payloadSizeMaxMb ?? 16) * 1024 * 1024;
	const calls: TriggerCall[] = [];

	async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<TriggerCall> {
		const method = request.method ?? 'GET';
		const url = new URL(request.url ?? '/', 'http://localhost');
		const call: TriggerCall = { method, url: request.url ?? '', status: 0, executed: false, items: [], responseBody: '' };
		const description = nodeType.description.webhooks?.find((w) => w.httpMethod === method);
		if (url.pathname !== webhookPath || !description) {
			sendJson(response, 404, { code: 404, message: 'The requested webhook is not registered.' });
			return call;
		}
		const { contentType, encoding } = mediaType(request.headers['content-type']);
		let rawBody: Buffer;
		let body: unknown;
		try {
			rawBody = await readBody(request, limitBytes);
			body = parseBody(rawBody, contentType, encoding);
		} catch (error) {
			if (error instanceof RequestTooLarge) sendJson(response, 413, { code: 413, message: error.message });
			else sendJson(response, 422, { code: 422, message: 'Failed to parse request body' });
			return call;
		}
		// n8n's request: the IncomingMessage with express/n8n additions the node may read.
		const parsedByN8n = node.typeVersion === 1 || isParsableContentType(contentType);
		const received = rawBody;
		Object.assign(request, {
			query: { ...parseQueryString(url.search.slice(1)) },
			params: {},
			body: parsedByN8n ? body : undefined,
			rawBody: parsedByN8n ? rawBody : undefined,
			contentType,
			encoding,
			readRawBody: async () => {
				(request as unknown as { rawBody: Buffer }).rawBody = received;
			},
		});
		const additionalData = {
			httpRequest: request,
			httpResponse: response,
			// The credential store, as in execute.ts: hands out the decrypted test credential.
			credentialsHelper: {
				isCredentialUsableByNode: () => true,
				getDecrypted: async () => ({ ...options.webhookCredential }),
			},
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData: IWebhookData = {
			httpMethod: method as IWebhookData['httpMethod'],
			node: workflowNode.name,
			path: `${webhookId}/dlr`,
			webhookDescription: description,
			workflowId,
			workflowExecuteAdditionalData: additionalData,
			webhookId,
		};
		const context = new WebhookContext(
			workflow,
			workflowNode,
			additionalData,
			options.mode ?? 'webhook',
			webhookData,
			[],
			null,
		);

		const outcome = await callWebhook(() => nodeType.webhook.call(context), response, (executed) => ({ message: executed ? 'Workflow was started' : 'Webhook call received' }));
		call.thrown = outcome.thrown;
		call.executed = outcome.items !== undefined;
		call.items = outcome.items ?? [];
		return call;
	}

	const { server, port } = await listenRecording(handle, calls);

	return {
		url: `http://127.0.0.1:${port}${webhookPath}`,
		calls,
		get executions() {
			return calls.filter((call) => call.executed);
		},
		async waitForCalls(count: number, timeoutMs = 5000) {
			const deadline = Date.now() + timeoutMs;
			while (calls.length < count) {
				if (Date.now() > deadline) {
					throw new Error(`Expected ${count} trigger calls, got ${calls.length} within ${timeoutMs} ms`);
				}
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			return calls;
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
