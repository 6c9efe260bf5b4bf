'use strict';
// Pushes delivery reports to a dlr_url the way panels do: GET query, form POST, JSON object(s) or one JSON array.
const http = require('node:http');
const https = require('node:https');

const STYLES = ['query', 'form', 'json', 'jsonArray'];
const MAX_RESPONSE_CHARS = 2000;

function fieldValue(value) {
	if (value === null || value === undefined) return '';
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function toSearchParams(report) {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(report)) params.append(name, fieldValue(value));
	return params;
}

/** The HTTP requests (not yet sent) that deliver `reports` to `url` in `style`. */
function planRequests(url, style, reports) {
	if (!STYLES.includes(style)) throw new Error(`unknown DLR style '${style}' (use ${STYLES.join(', ')})`);
	if (style === 'jsonArray') {
		return [{ url, method: 'POST', contentType: 'application/json', body: JSON.stringify(reports) }];
	}
	return reports.map((report) => {
		if (style === 'json') return { url, method: 'POST', contentType: 'application/json', body: JSON.stringify(report) };
		if (style === 'form') {
			return { url, method: 'POST', contentType: 'application/x-www-form-urlencoded', body: toSearchParams(report).toString() };
		}
		let target = url;
		try {
			const parsed = new URL(url);
			for (const [name, value] of toSearchParams(report)) parsed.searchParams.append(name, value);
			target = parsed.toString();
		} catch {
			// An unusable URL is reported by send() as the push's error.
		}
		return { url: target, method: 'GET', contentType: null, body: '' };
	});
}

class DlrPusher {
	constructor() {
		this.closed = false;
		this.inFlight = new Set();
		this.agents = {
			'http:': new http.Agent({ keepAlive: true }),
			'https:': new https.Agent({ keepAlive: true }),
		};
	}

	/**
	 * Sends every planned request with at most `concurrency` in flight; resolves with their records.
	 * `onRecord` is called once per finished push (answered or failed), as it finishes.
	 */
	async push(url, style, reports, { concurrency = 8, timeoutMs = 5000, onRecord = () => {} } = {}) {
		const planned = planRequests(url, style, reports);
		const records = new Array(planned.length);
		let next = 0;
		const worker = async () => {
			while (next < planned.length && !this.closed) {
				const index = next++;
				records[index] = await this.send(planned[index], timeoutMs, onRecord);
			}
		};
		const workers = Math.max(1, Math.min(concurrency, planned.length));
		await Promise.all(Array.from({ length: workers }, worker));
		return records.filter(Boolean);
	}

	/** One request; never rejects: a refused, reset or timed-out push becomes a record with `error`. */
	send(request, timeoutMs, onRecord) {
		return new Promise((resolve) => {
			const record = { ...request, status: null, error: null, responseBody: '', at: Date.now() };
			let settled = false;
			const finish = (error) => {
				if (settled) return;
				settled = true;
				if (error) record.error = error.message || String(error);
				onRecord(record);
				resolve(record);
			};
			let target;
			try {
				target = new URL(request.url);
				if (!this.agents[target.protocol]) throw new Error(`unsupported protocol ${target.protocol}`);
			} catch (error) {
				finish(error);
				return;
			}
			const transport = target.protocol === 'https:' ? https : http;
			const headers = {};
			if (request.contentType) {
				headers['Content-Type'] = request.contentType;
				headers['Content-Length'] = Buffer.byteLength(request.body);
			}
			const req = transport.request(target, { method: request.method, headers, agent: this.agents[target.protocol] });
			this.inFlight.add(req);
			req.setTimeout(timeoutMs, () => req.destroy(new Error(`DLR push timed out after ${timeoutMs} ms`)));
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
				this.inFlight.delete(req);
				finish(record.status === null ? new Error('connection closed without a response') : null);
			});
			req.end(request.method === 'GET' ? undefined : request.body);
		});
	}

	close() {
		this.closed = true;
		for (const req of this.inFlight) req.destroy(new Error('simulator closed'));
		this.inFlight.clear();
		for (const agent of Object.values(this.agents)) agent.destroy();
	}
}

module.exports = { DlrPusher, planRequests, STYLES };
