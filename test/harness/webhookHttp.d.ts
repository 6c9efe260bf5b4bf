// Types for webhookHttp.js: the HTTP side of n8n's webhook server for the in-process webhook harnesses.
import type { IDataObject, IWebhookResponseData } from 'n8n-workflow';

/** Node's IncomingMessage, as far as the harnesses read it (n8n hands the node this object, decorated). */
export interface WebhookRequest {
	method?: string;
	url?: string;
	headers: Record<string, string | string[] | undefined>;
}

/** Node's ServerResponse, as far as the harnesses read it (n8n hands the node this object). */
export interface WebhookResponse {
	statusCode: number;
	readonly writableEnded: boolean;
}

export class RequestTooLarge extends Error {}

export function mediaType(header: string | undefined): { contentType?: string; encoding: BufferEncoding };
/** What n8n 1.123 and 2.41 parse for start nodes of version 2 and later (webhook-helpers.ts). */
export function isParsableContentType(contentType: string | undefined): boolean;
/** A query string (without `?`) as n8n hands it over: one value, or an array for a repeated name. */
export function parseQuery(search: string): Record<string, string | string[]>;
/** What n8n's parseBody does for a webhook node. Throws on broken JSON (n8n: 422). */
export function parseBody(rawBody: Buffer, contentType: string | undefined, encoding: BufferEncoding): unknown;
/**
 * Reads and parses the body and query as n8n's webhook server does and puts them on the request
 * (query, params, body, rawBody, contentType, encoding; readRawBody with `readRawBody`).
 * Throws RequestTooLarge past `limitBytes`, a SyntaxError for broken JSON.
 */
export function prepareRequest<R extends WebhookRequest>(
	request: R,
	options: { limitBytes: number; parseAll?: boolean; readRawBody?: boolean; emptyBody?: unknown },
): Promise<R>;
export function sendJson(response: WebhookResponse, status: number, data: unknown): void;
/**
 * Calls a node's webhook() and answers as n8n does (500 when it throws; nothing more when it answered
 * itself; else 200 with its webhookResponse or `fallback`). Returns the items it would start an execution with.
 */
export function callWebhook(
	webhook: () => Promise<IWebhookResponseData>,
	response: WebhookResponse,
	fallback: (executed: boolean) => unknown,
): Promise<{ items?: IDataObject[]; thrown?: string }>;
/** A loopback server handing each request to `handle` and recording the call it returns with the status and body answered. */
export function listenRecording<C extends { status: number; responseBody: string }>(
	handle: (request: WebhookRequest, response: WebhookResponse) => Promise<C>,
	calls: C[],
): Promise<{ port: number; close(): Promise<void> }>;
