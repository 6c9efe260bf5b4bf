'use strict';
// Failure injection: what a flaky gateway, proxy or load balancer in front of it really answers.

const V2_ENDPOINTS = new Set(['v2Send', 'v2Credits', 'v2Dlr', 'v2OtpSend', 'v2OtpVerify']);
const ENDPOINTS = ['send', 'balance', 'dlr', 'otpSend', 'otpVerify', ...V2_ENDPOINTS, '*'];
const MODES = [
	'http500',
	'http502',
	'http503',
	'http504',
	'http429',
	'hang',
	'reset',
	'html',
	'malformedJson',
	'errText',
	'errorJson',
	'errorField',
	'frameworkError',
	'emptyArray',
	'emptyBody',
	'redirect',
];
const OTP_ENDPOINTS = new Set(['otpSend', 'otpVerify']);
const DEFAULT_MESSAGE = 'SERVICE UNAVAILABLE';

const HTML_500 =
	'<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head><body>\n' +
	'<h1>Internal Server Error</h1>\n<p>The server encountered an internal error or misconfiguration and was ' +
	'unable to complete your request.</p>\n</body></html>\n';
const HTML_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
	'<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const HTML_504 =
	'<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n' +
	'<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const HTML_PAGE =
	'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>SMS Handover | Login</title></head>\n' +
	'<body><h2>Session expired</h2><form method="post" action="/login"><input name="username">' +
	'<input name="password" type="password"><button>Sign in</button></form></body></html>\n';

function assertFailure(endpoint, mode) {
	if (!ENDPOINTS.includes(endpoint)) throw new Error(`unknown endpoint '${endpoint}' (use ${ENDPOINTS.join(', ')})`);
	if (mode !== null && !MODES.includes(mode)) throw new Error(`unknown failure mode '${mode}' (use ${MODES.join(', ')})`);
}

/** Keeps one-shot (failNext) and persistent (setFailure) failures; one-shots win. */
class FailurePlan {
	constructor() {
		this.queue = [];
		this.persistent = new Map();
	}

	/** Fails `count` matching requests, after letting the next `after` matching requests through. */
	failNext(endpoint, mode, { count = 1, after = 0, message, retryAfter, status, location } = {}) {
		assertFailure(endpoint, mode);
		if (mode === null) throw new Error('failNext needs a mode');
		if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer');
		if (!Number.isInteger(after) || after < 0) throw new Error('after must be a non-negative integer');
		this.queue.push({ endpoint, mode, remaining: count, after, message, retryAfter, status, location });
	}

	setFailure(endpoint, mode, { message, retryAfter, status, location } = {}) {
		assertFailure(endpoint, mode);
		if (mode === null) this.persistent.delete(endpoint);
		else this.persistent.set(endpoint, { endpoint, mode, message, retryAfter, status, location });
	}

	/** The failure to apply to a request for `endpoint`, consuming a one-shot if one matches. */
	take(endpoint) {
		let chosen = null;
		for (const failure of this.queue) {
			if (failure.endpoint !== endpoint && failure.endpoint !== '*') continue;
			// Every matching request counts toward each waiting failure's `after`, whatever answers it.
			if (failure.after > 0) failure.after -= 1;
			else if (!chosen) chosen = failure;
		}
		if (chosen) {
			chosen.remaining -= 1;
			if (chosen.remaining === 0) this.queue.splice(this.queue.indexOf(chosen), 1);
			return chosen;
		}
		return this.persistent.get(endpoint) || this.persistent.get('*') || null;
	}

	clear() {
		this.queue = [];
		this.persistent.clear();
	}
}

/** The answer for a failure mode that produces one ('hang' and 'reset' are handled on the socket). */
function failureAnswer(config, failure, endpoint) {
	const message = failure.message || DEFAULT_MESSAGE;
	if (V2_ENDPOINTS.has(endpoint)) {
		const v2 = v2FailureAnswer(config, failure, message);
		if (v2) return v2;
	}
	const html = (status, body, headers) => ({ status, contentType: 'text/html; charset=UTF-8', body, headers });
	const text = (status, body, headers) => ({ status, contentType: 'text/plain; charset=utf-8', body, headers });
	switch (failure.mode) {
		case 'http500':
			return html(500, HTML_500);
		case 'http502':
			return html(502, HTML_502);
		case 'http503':
			return text(503, 'Service Temporarily Unavailable');
		case 'http504':
			return html(504, HTML_504);
		case 'http429':
			// retryAfter null: no header at all; a string (e.g. an HTTP-date) is sent as given.
			return text(429, 'Too Many Requests', failure.retryAfter === null ? {} : { 'Retry-After': String(failure.retryAfter ?? 1) });
		case 'html':
			return html(200, HTML_PAGE);
		case 'malformedJson':
			return { status: 200, contentType: config.jsonContentType, body: '{"result":"succ' };
		case 'errText':
			return { status: 200, contentType: config.textContentType, body: `ERR: ${message}` };
		case 'errorJson': {
			const field = OTP_ENDPOINTS.has(endpoint) ? config.otpStatusField : 'result';
			return { status: 200, contentType: config.jsonContentType, body: JSON.stringify({ [field]: 'error', message }) };
		}
		case 'errorField':
			// What the panel's Node API answers when it throws: {"error":"Malformed Request"}.
			return { status: 200, contentType: config.jsonContentType, body: JSON.stringify({ error: failure.message || 'Malformed Request' }) };
		case 'frameworkError':
			// A web framework's own error in front of the API (a route or auth failure): {"message"} with
			// the HTTP status (option `status`, default 500), in no shape of the panel's.
			return { status: failure.status ?? 500, contentType: config.jsonContentType, body: JSON.stringify({ message }) };
		case 'emptyArray':
			return { status: 200, contentType: config.jsonContentType, body: '[]' };
		case 'emptyBody':
			return { status: 200, contentType: config.textContentType, body: '' };
		case 'redirect':
			// A panel moved (or a proxy that wants https): 307/308 keep the method and body.
			return html(failure.status ?? 307, '', { Location: failure.location ?? 'https://moved.example.com/' });
		default:
			throw new Error(`no answer for failure mode ${failure.mode}`);
	}
}

/**
 * The JSON API (v2) has no text errors: errText and errorJson answer its error shape {"success": false, "status", "message"}
 * with that HTTP status (option `status`, default 500); malformedJson breaks off its success shape. Other modes as classic.
 */
function v2FailureAnswer(config, failure, message) {
	if (failure.mode === 'errText' || failure.mode === 'errorJson') {
		const status = failure.status ?? 500;
		return { status, contentType: config.jsonContentType, body: JSON.stringify({ success: false, status, message }) };
	}
	if (failure.mode === 'malformedJson') return { status: 200, contentType: config.jsonContentType, body: '{"status":"succ' };
	return null;
}

module.exports = { FailurePlan, failureAnswer, ENDPOINTS, MODES };
