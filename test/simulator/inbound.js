'use strict';
// Inbound SMS forwarding as the panel's getReplies (ClientController.php) does it: for one handset message,
// a GET of the VMN's or keyword's trigger URL, then a GET of the account's Default MO URL, each with the
// placeholders replaced by str_replace in the panel's order; curl with a 10 s connect timeout, no retry,
// the answer read and ignored.
const http = require('node:http');
const https = require('node:https');
const { urlencode, trim, lowerAscii, firstToken } = require('./php');
const { recordAnswer } = require('./httpUtil');
const { formatDateTime } = require('./panelClock');

const USER_AGENT = 'Mozilla/5.0 (Windows; U; Windows NT 5.1; de; rv:1.9.2.3) Gecko/20100401 Firefox/3.6.3';
// What curl says of a URL with a space or a control character in it (CURLE_URL_MALFORMAT): nothing is sent.
const MALFORMED = 'URL rejected: Malformed input to a URL function';

/**
 * The primary keyword getReplies matches: strtok($text, ' ') trimmed and lower-cased against each keyword
 * trimmed and lower-cased, the first that is equal; the keyword as configured (its own case), or null.
 */
function matchKeyword(text, keywords) {
	const word = trim(lowerAscii(firstToken(text)));
	const found = keywords.find((keyword) => trim(lowerAscii(keyword)) === word);
	return found === undefined ? null : found;
}

/**
 * The URL getReplies calls for `template`: %p the sender's number as it is, %r %v %i %t urlencoded, and only
 * in the Default MO URL %m. One str_replace after the other, so a value holding a later placeholder has it
 * replaced too; a placeholder not replaced stays in the URL as written.
 */
function fillTemplate(template, values, isDefaultMoUrl) {
	const steps = [
		['%p', values.from],
		['%r', urlencode(values.text)],
		['%v', urlencode(values.to)],
		['%i', urlencode(values.messageId)],
		['%t', urlencode(values.time)],
	];
	if (isDefaultMoUrl) steps.push(['%m', urlencode(values.keyword ?? '')]);
	return steps.reduce((url, [placeholder, value]) => url.split(placeholder).join(value), template);
}

/** Host, port and the request target as curl sends it: the path and query exactly as written, no fragment. */
function splitUrl(url) {
	if ([...url].some((char) => char <= ' ' || char === '\x7f')) throw new Error(MALFORMED);
	const match = /^(https?):\/\/([^/?#]+)([^#]*)/i.exec(url);
	if (!match) throw new Error(`unsupported or malformed URL ${JSON.stringify(url)}`);
	const authority = new URL(`${match[1].toLowerCase()}://${match[2]}`);
	const target = match[3] === '' ? '/' : match[3].startsWith('?') ? `/${match[3]}` : match[3];
	// Bytes beyond ASCII go out as their UTF-8 bytes (Node writes the request line as latin1).
	return { authority, path: Buffer.from(target, 'utf8').toString('latin1') };
}

class InboundCaller {
	constructor() {
		this.inFlight = new Set();
	}

	/** One GET; never rejects: a refused, malformed or aborted call becomes a record with `error`. */
	get(record, connectTimeoutMs) {
		return new Promise((resolve) => {
			let settled = false;
			let timer = null;
			const finish = (error) => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				if (error) record.error = error.message || String(error);
				resolve(record);
			};
			let parts;
			try {
				parts = splitUrl(record.url);
			} catch (error) {
				finish(error);
				return;
			}
			const { authority, path } = parts;
			const transport = authority.protocol === 'https:' ? https : http;
			const req = transport.request({
				protocol: authority.protocol,
				hostname: authority.hostname.replace(/^\[|\]$/g, ''),
				port: authority.port || undefined,
				path,
				method: 'GET',
				headers: { 'User-Agent': USER_AGENT, Accept: '*/*' },
				// curl_init … curl_close: a connection of its own per call.
				agent: false,
			});
			recordAnswer(req, record, this.inFlight, finish);
			req.on('socket', (socket) => {
				if (connectTimeoutMs <= 0 || !socket.connecting) return;
				timer = setTimeout(() => req.destroy(new Error(`Connection timed out after ${connectTimeoutMs} milliseconds`)), connectTimeoutMs);
				socket.once('connect', () => clearTimeout(timer));
			});
			req.end();
		});
	}

	/** Ends every call in flight (reset, close). */
	abort() {
		for (const req of this.inFlight) req.destroy(new Error('simulator reset or closed'));
		this.inFlight.clear();
	}
}

function checkMessage(message) {
	if (!message || typeof message !== 'object') throw new Error('receiveInbound needs {from, text, to, url?, defaultMoUrl?}');
	for (const name of ['from', 'text', 'to']) {
		if (typeof message[name] !== 'string') throw new Error(`receiveInbound: ${name} must be a string`);
	}
	for (const name of ['messageId', 'url', 'defaultMoUrl']) {
		if (message[name] !== undefined && typeof message[name] !== 'string') throw new Error(`receiveInbound: ${name} must be a string`);
	}
	if (message.keyword !== undefined && message.keyword !== null && typeof message.keyword !== 'string') {
		throw new Error('receiveInbound: keyword must be a string or null');
	}
}

/**
 * The GETs getReplies makes for one handset message, one after the other (curl_exec blocks): the trigger URL
 * (`url`), then the Default MO URL. `onRecord` gets each record as it finishes and says whether to go on.
 */
async function forwardInbound(caller, config, message, onRecord) {
	checkMessage(message);
	const at = Date.now();
	const keyword = message.keyword !== undefined ? message.keyword : matchKeyword(message.text, config.inbound.keywords);
	const values = {
		from: message.from,
		text: message.text,
		to: message.to,
		messageId: message.messageId ?? '',
		time: formatDateTime(at, config.dlr.utcOffsetMinutes),
		keyword,
	};
	const calls = [];
	if (message.url) calls.push({ source: 'trigger', url: fillTemplate(message.url, values, false) });
	if (message.defaultMoUrl) calls.push({ source: 'defaultMo', url: fillTemplate(message.defaultMoUrl, values, true) });
	const records = [];
	for (const call of calls) {
		const record = { ...call, method: 'GET', status: null, error: null, responseBody: '', at: Date.now(), time: values.time, keyword };
		await caller.get(record, config.inbound.connectTimeoutMs);
		records.push(record);
		if (!onRecord(record)) break;
	}
	return records;
}

module.exports = { InboundCaller, forwardInbound, fillTemplate, matchKeyword, USER_AGENT };
