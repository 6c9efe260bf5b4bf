'use strict';
// Small HTTP helpers and id generators shared by the simulator's endpoints.
const crypto = require('node:crypto');

const MAX_BODY_BYTES = 64 * 1024 * 1024;
// Bodies above this are kept as a Buffer (off the V8 heap) and decoded only when read.
const INLINE_BODY_BYTES = 64 * 1024;

class BodyTooLargeError extends Error {}

/** Reads the whole request body; rejects with BodyTooLargeError past MAX_BODY_BYTES. */
function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				req.removeAllListeners('data');
				req.resume();
				reject(new BodyTooLargeError(`body larger than ${MAX_BODY_BYTES} bytes`));
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks, size)));
		req.on('error', reject);
	});
}

/** Same result as URLSearchParams (last duplicate wins), several times faster on multi-MB bulk bodies. */
function parseUrlencoded(text) {
	const decode = (part) => decodeURIComponent(part.replace(/\+/g, ' '));
	try {
		const fields = {};
		for (const pair of text.split('&')) {
			if (pair === '') continue;
			const eq = pair.indexOf('=');
			if (eq < 0) fields[decode(pair)] = '';
			else fields[decode(pair.slice(0, eq))] = decode(pair.slice(eq + 1));
		}
		return fields;
	} catch {
		// Malformed %-escapes: URLSearchParams keeps them literally, as PHP does.
		return Object.fromEntries(new URLSearchParams(text));
	}
}

/**
 * Parses a body the way a PHP gateway fills $_POST: urlencoded forms only when the request says so,
 * plus JSON bodies. Anything else (including a form body without its content type) gives {}.
 */
function parseBody(buffer, contentType) {
	if (buffer.length === 0) return {};
	const type = String(contentType || '').toLowerCase();
	if (type.includes('application/x-www-form-urlencoded')) return parseUrlencoded(buffer.toString('utf8'));
	if (type.includes('json')) {
		try {
			const parsed = JSON.parse(buffer.toString('utf8'));
			return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
		} catch {
			return {};
		}
	}
	return {};
}

/** Adds `rawBody` to a request record: a plain string for small bodies, a lazy getter for big ones. */
function attachRawBody(record, buffer) {
	if (buffer.length <= INLINE_BODY_BYTES) {
		record.rawBody = buffer.toString('utf8');
		return record;
	}
	Object.defineProperty(record, 'rawBody', { enumerable: true, get: () => buffer.toString('utf8') });
	return record;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomString(length, alphabet) {
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[crypto.randomInt(alphabet.length)];
	return out;
}

const newShootId = () => randomString(16, ALNUM);
const newOtpReference = () => randomString(17, ALNUM_UPPER);
// The panel draws rand(100000, 999999): six digits, never a leading zero.
const newOtpCode = () => String(crypto.randomInt(100000, 1000000));

/** Writes an answer `{ status, contentType, body, headers }` unless the client is already gone. */
function writeAnswer(res, answer) {
	if (res.destroyed || res.writableEnded) return;
	const body = answer.body === undefined ? '' : answer.body;
	res.writeHead(answer.status || 200, {
		'Content-Type': answer.contentType,
		'Content-Length': Buffer.byteLength(body),
		...(answer.headers || {}),
	});
	res.end(body);
}

// What the simulator keeps of the answer to a request it makes (a push, an inbound SMS).
const MAX_RESPONSE_CHARS = 2000;

/**
 * Watches an outgoing request the simulator makes: records the answer's status and the start of
 * its body in `record`, keeps the request in `inFlight` until it closes, and calls `finish` once
 * with the error, or null when an answer came.
 */
function recordAnswer(req, record, inFlight, finish) {
	inFlight.add(req);
	req.on('response', (res) => {
		record.status = res.statusCode;
		res.setEncoding('utf8');
		res.on('data', (chunk) => {
			if (record.responseBody.length < MAX_RESPONSE_CHARS) record.responseBody += chunk;
		});
		res.on('end', () => finish(null));
		res.on('error', finish);
	});
	req.on('error', finish);
	req.on('close', () => {
		inFlight.delete(req);
		finish(record.status === null ? new Error('connection closed without a response') : null);
	});
}

module.exports = {
	recordAnswer,
	MAX_BODY_BYTES,
	BodyTooLargeError,
	readBody,
	parseBody,
	attachRawBody,
	newShootId,
	newOtpReference,
	newOtpCode,
	writeAnswer,
};
