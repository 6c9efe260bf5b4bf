'use strict';
// Sends delivery-report pushes: the guessed shapes (GET query, form POST, JSON object(s) or one JSON array)
// planned here, and the panel's shapes (panelDlr.js), with the panel's retry of unanswered pushes.
const http = require('node:http');
const https = require('node:https');
const { recordAnswer } = require('./httpUtil');

/** Shapes panels in general use; reports are arbitrary objects, one attempt each. */
const RAW_STYLES = ['query', 'form', 'json', 'jsonArray'];
/** The SMS Handover panel's own callbacks (see delivery.js), retried up to dlr.maxAttempts. */
const PANEL_STYLES = ['native', 'batch', 'ntapi', 'empty'];
/** The nested records of the panel's newer API (api/v2/dlr), one per POST or as an array; retried the same way. */
const NESTED_STYLES = ['nested', 'nestedBatch'];
const STYLES = [...PANEL_STYLES, ...RAW_STYLES, ...NESTED_STYLES];

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
	if (!RAW_STYLES.includes(style)) throw new Error(`unknown DLR style '${style}' for raw reports (use ${RAW_STYLES.join(', ')})`);
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
	 * Sends every job with at most `concurrency` requests in flight; resolves with one record per attempt.
	 * A job is `{ url, method, contentType, body }` or, to be retried, `{ ..., bodyFor(attempt), retry: true }`:
	 * a retried job whose answer is not 2xx (or that got none) is sent again after `retryDelayMs`, up to
	 * `maxAttempts` in all. `sleep(ms)` resolves false when the simulator is reset or closed (no more retries).
	 * `onRecord` is called once per finished attempt, as it finishes.
	 */
	push(jobs, { concurrency = 8, timeoutMs = 5000, maxAttempts = 1, retryDelayMs = 0, sleep, onRecord = () => {} } = {}) {
		const records = [];
		const queue = jobs.map((job) => ({ job, attempt: 1 }));
		let active = 0;
		let waiting = 0;
		return new Promise((resolve) => {
			const pump = () => {
				while (active < concurrency && queue.length > 0 && !this.closed) start(queue.shift());
				if (active === 0 && waiting === 0 && (queue.length === 0 || this.closed)) resolve(records);
			};
			const start = async ({ job, attempt }) => {
				active += 1;
				const body = job.bodyFor ? job.bodyFor(attempt) : job.body;
				const record = await this.send({ url: job.url, method: job.method, contentType: job.contentType, body }, timeoutMs, (r) => {
					r.attempt = attempt;
					onRecord(r);
				});
				records.push(record);
				active -= 1;
				const answered = record.status !== null && record.status >= 200 && record.status < 300;
				if (job.retry && !answered && attempt < maxAttempts && !this.closed) {
					waiting += 1;
					sleep(retryDelayMs).then((goOn) => {
						waiting -= 1;
						if (goOn) queue.push({ job, attempt: attempt + 1 });
						pump();
					});
				}
				pump();
			};
			pump();
		});
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
			recordAnswer(req, record, this.inFlight, finish);
			req.setTimeout(timeoutMs, () => req.destroy(new Error(`DLR push timed out after ${timeoutMs} ms`)));
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

module.exports = { DlrPusher, planRequests, STYLES, RAW_STYLES, PANEL_STYLES, NESTED_STYLES };
