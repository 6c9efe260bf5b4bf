'use strict';
// A scripted stand-in for an OpenAI-compatible chat-completions API, for driving n8n's own AI
// Agent + OpenAI Chat Model nodes without a real model: n8n's nodes, LangChain's ChatOpenAI
// client and the tool-calling loop all run for real; only the model's replies are scripted.
//
//   const ai = await startScriptedOpenAi({ reply: (body, turn) => ({ content: 'hi' }) });
//   credential url: ai.baseUrl (…/v1); ai.requests → every chat request body, in order
//
// `reply(body, turn)` gets the parsed request body and the 0-based number of the chat request;
// it returns { content } for a final answer or { toolCalls: [{ name, arguments }] } to call tools.
// Answers plain JSON only (no `stream: true`).
const http = require('http');

const MODEL = 'gpt-4o-mini';

function completionId(turn) {
	return `chatcmpl-e2e${String(turn).padStart(4, '0')}`;
}

function toolCallsOf(toolCalls, turn) {
	return toolCalls.map((call, i) => ({
		id: `call_e2e_${turn}_${i}`,
		type: 'function',
		function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
	}));
}

function usageOf(body, answer) {
	const prompt = Math.ceil(JSON.stringify(body.messages || []).length / 4);
	const completion = Math.ceil(JSON.stringify(answer).length / 4);
	return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function completion(body, answer, turn) {
	const message = { role: 'assistant', content: answer.content ?? null };
	if (answer.toolCalls) message.tool_calls = toolCallsOf(answer.toolCalls, turn);
	return {
		id: completionId(turn),
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: body.model || MODEL,
		choices: [{ index: 0, message, logprobs: null, finish_reason: answer.toolCalls ? 'tool_calls' : 'stop' }],
		usage: usageOf(body, answer),
	};
}

function send(res, status, value) {
	const text = JSON.stringify(value);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

async function startScriptedOpenAi({ reply, host = '127.0.0.1', port = 0 } = {}) {
	if (typeof reply !== 'function') throw new Error('startScriptedOpenAi needs a reply(body, turn) function');
	const requests = [];
	const other = [];
	const server = http.createServer(async (req, res) => {
		const chunksIn = [];
		for await (const c of req) chunksIn.push(c);
		const raw = Buffer.concat(chunksIn).toString('utf8');
		const path = new URL(req.url, 'http://fake.local').pathname;
		if (req.method === 'GET' && path === '/v1/models') {
			return send(res, 200, { object: 'list', data: [{ id: MODEL, object: 'model', created: 0, owned_by: 'e2e' }] });
		}
		if (req.method !== 'POST' || path !== '/v1/chat/completions') {
			other.push({ method: req.method, path });
			return send(res, 404, { error: { message: `the scripted model serves only POST /v1/chat/completions, not ${req.method} ${path}`, type: 'invalid_request_error' } });
		}
		let body;
		try {
			body = JSON.parse(raw);
		} catch {
			return send(res, 400, { error: { message: 'body is not JSON', type: 'invalid_request_error' } });
		}
		if (body.stream) {
			other.push({ method: req.method, path, stream: true });
			// Under `n8n execute` the Agent sent `stream: false` (seen on 1.123.79 and 2.41.1);
			// a streaming request means the setup changed: say so instead of half-supporting it.
			return send(res, 400, { error: { message: 'the scripted model does not stream; run the workflow without streaming', type: 'invalid_request_error' } });
		}
		const turn = requests.length;
		requests.push({ body, headers: req.headers });
		let answer;
		try {
			answer = await reply(body, turn);
		} catch (error) {
			// The script refused this conversation: an error the client shows, no retry wanted.
			return send(res, 400, { error: { message: `scripted model: ${error.message}`, type: 'invalid_request_error' } });
		}
		send(res, 200, completion(body, answer, turn));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	const address = server.address();
	return {
		baseUrl: `http://${host}:${address.port}/v1`,
		requests,
		/** Requests to anything but the chat endpoint and the model list, and streaming ones (should stay empty). */
		otherRequests: other,
		reset() {
			requests.length = 0;
			other.length = 0;
		},
		stop: () => new Promise((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}

module.exports = { startScriptedOpenAi, SCRIPTED_MODEL: MODEL };
