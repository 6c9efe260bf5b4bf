'use strict';
/**
 * The HTTP side of n8n's webhook server, for the in-process webhook harnesses (webhook.ts for the
 * trigger, waiting.ts for Send and Wait): a loopback server, request bodies read and parsed the way
 * n8n's webhook server does (raw body kept; JSON, form and text parsed; the 16 MB limit), and the
 * answers n8n gives around a node's webhook(). The TypeScript side builds the workflow and the
 * WebhookContext; what touches Node's http, querystring and Buffer lives here.
 */
const http = require('node:http');
const { parse: parseQueryString } = require('node:querystring');

class RequestTooLarge extends Error {}

/**
 * The body, or RequestTooLarge once it passes the limit. An oversized body is still read to its
 * end (and dropped), so the client gets its 413 instead of a reset connection.
 */
async function readBody(request, limitBytes) {
	const chunks = [];
	let size = 0;
	for await (const chunk of request) {
		size += chunk.length;
		if (size <= limitBytes) chunks.push(chunk);
	}
	if (size > limitBytes) throw new RequestTooLarge('request entity too large');
	return Buffer.concat(chunks);
}

/** Content type (lower case, without parameters) and charset of a Content-Type header. */
function mediaType(header) {
	if (!header) return { encoding: 'utf-8' };
	const [type, ...params] = header.split(';');
	const charset = params.map((p) => p.trim().split('=')).find(([k]) => k.toLowerCase() === 'charset');
	const encoding = charset?.[1]?.toLowerCase() ?? 'utf-8';
	return { contentType: type.trim().toLowerCase(), encoding };
}

/** What n8n 1.123 and 2.41 parse for start nodes of version 2 and later (webhook-helpers.ts). */
function isParsableContentType(contentType) {
	if (!contentType) return false;
	return (
		contentType.startsWith('application/json') ||
		contentType.startsWith('text/plain') ||
		contentType.startsWith('application/x-www-form-urlencoded') ||
		contentType.endsWith('/xml') ||
		contentType.endsWith('+xml')
	);
}

/** A query string (without `?`) as n8n's express hands it over: one value, or an array for a repeated name. */
function parseQuery(search) {
	return { ...parseQueryString(search) };
}

/** What n8n's parseBody does for a webhook node. Throws on broken JSON (n8n: 422). */
function parseBody(rawBody, contentType, encoding) {
	if (rawBody.length === 0) return undefined;
	const text = rawBody.toString(encoding);
	if (contentType === 'application/json') return JSON.parse(text);
	if (contentType === 'application/x-www-form-urlencoded') {
		return { ...parseQueryString(text, undefined, undefined, { maxKeys: 1000 }) };
	}
	if (contentType === 'text/plain') return text;
	return undefined;
}

/**
 * Reads and parses the request's body and query the way n8n's webhook server does, and puts them on
 * the request before webhook() runs: `query`, `params`, `body`, `rawBody`, `contentType`, `encoding`
 * (with `readRawBody`, also the function that gives back a body n8n did not keep). n8n parses every
 * body for a start node of version 1 (`parseAll`), otherwise only JSON, form, text and XML: other
 * bodies stay undefined, raw one included. `emptyBody` stands in for a body that parsed to nothing.
 * Throws RequestTooLarge past `limitBytes` (n8n: 413) and a SyntaxError for broken JSON (n8n: 422).
 */
async function prepareRequest(request, { limitBytes, parseAll = false, readRawBody = false, emptyBody }) {
	const url = new URL(request.url ?? '/', 'http://localhost');
	const { contentType, encoding } = mediaType(request.headers['content-type']);
	const rawBody = await readBody(request, limitBytes);
	const body = parseBody(rawBody, contentType, encoding);
	const parsed = parseAll || isParsableContentType(contentType);
	Object.assign(request, {
		query: parseQuery(url.search.slice(1)),
		params: {},
		body: parsed ? (body ?? emptyBody) : undefined,
		rawBody: parsed ? rawBody : undefined,
		contentType,
		encoding,
	});
	if (readRawBody) {
		request.readRawBody = async () => {
			request.rawBody = rawBody;
		};
	}
	return request;
}

function sendJson(response, status, data) {
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
async function callWebhook(webhook, response, fallback) {
	let result;
	try {
		result = await webhook();
	} catch (error) {
		sendJson(response, 500, { code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
		return { thrown: error.message };
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
 * the status and body that were answered, whoever wrote them (the node or the harness). A handler
 * that rejects gets a 500 with its message.
 */
async function listenRecording(handle, calls) {
	const server = http.createServer((request, response) => {
		const chunks = [];
		const originalEnd = response.end.bind(response);
		response.end = (...args) => {
			if (typeof args[0] === 'string' || Buffer.isBuffer(args[0])) chunks.push(Buffer.from(args[0]));
			return originalEnd(...args);
		};
		handle(request, response).then(
			(call) => {
				call.status = response.statusCode;
				call.responseBody = Buffer.concat(chunks).toString('utf8');
				calls.push(call);
			},
			(error) => {
				if (!response.writableEnded) sendJson(response, 500, { message: error.message });
			},
		);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: server.address().port,
		close: async () => {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

module.exports = { RequestTooLarge, mediaType, isParsableContentType, parseQuery, parseBody, prepareRequest, sendJson, callWebhook, listenRecording };
