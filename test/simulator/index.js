'use strict';
/**
 * Local SMS Handover API simulator: a real HTTP server on loopback that answers like the documented
 * gateway, records what it received, and can be told to misbehave. Imports nothing from nodes/.
 * Usage and the full API: see index.d.ts.
 */
const http = require('node:http');
const { readBody, parseBody, attachRawBody, writeAnswer, BodyTooLargeError } = require('./httpUtil');
const { classify } = require('./router');
const { configFromOptions, applyConfig, normaliseRoutes, walletAmountFrom } = require('./config');
const { FailurePlan, failureAnswer } = require('./failures');
const { DlrPusher, planRequests, RAW_STYLES } = require('./dlrPush');
const { Delivery } = require('./delivery');
const { handleSend } = require('./smsApi');
const { handleBalance, handleGetDlr } = require('./miscApi');
const { handleOtpSend, handleOtpVerify } = require('./otpApi');
const { handleControl } = require('./control');
const { V2_HANDLERS } = require('./v2Api');
const { nativePush, batchPush, ntapiPush, nestedReport } = require('./panelPush');
const { InboundCaller, forwardInbound } = require('./inbound');

const HANDLERS = {
	send: (sim, route, params) => handleSend(sim, params),
	balance: (sim, route) => handleBalance(sim, route),
	dlr: (sim, route) => handleGetDlr(sim, route),
	otpSend: (sim, route, params) => handleOtpSend(sim, params),
	otpVerify: (sim, route, params) => handleOtpVerify(sim, params),
	// The JSON API (v2), api/v2/…: handlers read the request record (Bearer key, query, JSON body).
	...V2_HANDLERS,
};
const plainText = (status, body) => ({ status, contentType: 'text/html; charset=UTF-8', body });

class Simulator {
	constructor(options) {
		this.options = options;
		this.apiKey = options.apiKey ?? 'sim-key-0123456789';
		// The panel's admin account (user 1): valid everywhere, unlimited balance.
		this.adminKey = options.adminKey ?? 'sim-admin-key-0001';
		if (this.adminKey === this.apiKey) throw new Error('adminKey must differ from apiKey');
		this.requests = [];
		this.dlrPushes = [];
		this.inboundCalls = [];
		this.inbound = new InboundCaller();
		this.failures = new FailurePlan();
		this.pusher = new DlrPusher();
		this.delivery = new Delivery(this);
		this.timers = new Set();
		this.sleepers = new Set();
		this.waiters = new Set();
		this.sockets = new Set();
		this.generation = 0;
		this.closed = false;
		this.loadInitialState();
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error) => {
				writeAnswer(res, plainText(500, `SIMULATOR ERROR: ${error.message}`));
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	loadInitialState() {
		this.config = configFromOptions(this.options);
		this.routes = normaliseRoutes(this.options.routes);
		// The wallet of a billing: 'wallet' account, in the panel's currency.
		this.walletAmount = walletAmountFrom(this.options);
		this.submissions = new Map();
		this.otps = new Map();
	}

	listen() {
		const { port = 0, host = '127.0.0.1' } = this.options;
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				this.server.off('error', reject);
				const address = this.server.address();
				this.port = address.port;
				// A wildcard bind is still reached through loopback from this machine.
				const host = { '0.0.0.0': '127.0.0.1', '::': '::1' }[address.address] || address.address;
				const hostPart = host.includes(':') ? `[${host}]` : host;
				this.baseUrl = `http://${hostPart}:${this.port}`;
				resolve(this);
			});
		});
	}

	async handle(req, res) {
		const url = new URL(req.url, 'http://simulator.local');
		if (url.pathname.startsWith('/__sim/')) return handleControl(this, req, res, url);

		const route = classify(url.pathname);
		let buffer;
		try {
			buffer = await readBody(req);
		} catch (error) {
			if (error instanceof BodyTooLargeError) writeAnswer(res, plainText(413, 'PAYLOAD TOO LARGE'));
			else res.destroy();
			return;
		}
		const form = parseBody(buffer, req.headers['content-type']);
		const record = { endpoint: route.endpoint, method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), form };
		attachRawBody(record, buffer);
		record.headers = req.headers;
		record.at = Date.now();
		this.requests.push(record);

		const failure = route.endpoint === 'unknown' ? null : this.failures.take(route.endpoint);
		if (failure && failure.mode === 'hang') return; // the socket stays open until the client or close() ends it
		if (this.config.latencyMs > 0) await this.sleep(this.config.latencyMs);
		if (res.destroyed) return;
		if (failure && failure.mode === 'reset') {
			if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy();
			else req.socket.destroy();
			return;
		}
		writeAnswer(res, this.answer(route, req.method, { ...record.query, ...form }, failure, record));
	}

	answer(route, method, params, failure, record) {
		if (route.endpoint === 'unknown') return plainText(404, '<h1>404 Not Found</h1>');
		// v2 endpoints answer a wrong method themselves, in their error shape.
		if (method !== 'GET' && method !== 'POST' && route.api !== 'v2') return plainText(405, 'METHOD NOT ALLOWED');
		if (failure) return failureAnswer(this.config, failure, route.endpoint);
		return HANDLERS[route.endpoint](this, route, params, record);
	}

	sleep(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}

	defaultRouteId() {
		return this.routes.keys().next().value;
	}

	/** Runs `fn` after `ms` unless the simulator is reset or closed first. */
	later(ms, fn) {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			fn();
		}, ms);
		this.timers.add(timer);
		return timer;
	}

	/** Resolves true after `ms`, or false as soon as the simulator is reset or closed. */
	cancellableSleep(ms) {
		return new Promise((resolve) => {
			const sleeper = { resolve };
			sleeper.timer = setTimeout(() => {
				this.sleepers.delete(sleeper);
				resolve(true);
			}, ms);
			this.sleepers.add(sleeper);
		});
	}

	/** Sends push jobs (dlrPush.js) and records every attempt in dlrPushes; `maxAttempts` overrides the setting. */
	runPushJobs(jobs, { maxAttempts = this.config.dlr.maxAttempts } = {}) {
		const generation = this.generation;
		const { concurrency, timeoutMs, retryDelayMs } = this.config.dlr;
		return this.pusher.push(jobs, {
			concurrency,
			timeoutMs,
			maxAttempts,
			retryDelayMs,
			// A push started before reset() or close() is not retried.
			sleep: (ms) => (generation !== this.generation ? Promise.resolve(false) : this.cancellableSleep(ms)),
			onRecord: (record) => {
				if (generation !== this.generation) return; // a push started before reset()
				this.dlrPushes.push(record);
				for (const waiter of this.waiters) if (this.dlrPushes.length >= waiter.count) waiter.done(null);
			},
		});
	}

	/** Pushes arbitrary report objects in one of the raw styles (query, form, json, jsonArray). */
	async pushDlr(url, { style, reports } = {}) {
		const configured = this.config.dlr.style;
		return this.runPushJobs(planRequests(url, style || (RAW_STYLES.includes(configured) ? configured : 'json'), reports || []));
	}

	/** Makes reports final now and pushes them (see delivery.js); resolves with the push records. */
	async deliver(shootId, options) {
		return this.delivery.deliver(shootId, options);
	}

	/** One recipient's report with `outcome`, posted once to `url` in `style` (see delivery.js); resolves with [record]. */
	async pushReport(shootId, options) {
		return this.delivery.pushReport(shootId, options);
	}

	/**
	 * Makes the GETs the panel's getReplies makes for one handset message (inbound.js) and records each in
	 * inboundCalls; resolves with those records.
	 */
	async receiveInbound(message) {
		const generation = this.generation;
		return forwardInbound(this.inbound, this.config, message, (record) => {
			if (generation !== this.generation) return false; // reset() or close() came first
			this.inboundCalls.push(record);
			return true;
		});
	}

	waitForDlrPushes(count, timeoutMs = 5000) {
		if (this.dlrPushes.length >= count) return Promise.resolve(this.dlrPushes.slice());
		return new Promise((resolve, reject) => {
			const waiter = {
				count,
				done: (error) => {
					clearTimeout(waiter.timer);
					this.waiters.delete(waiter);
					if (error) reject(error);
					else resolve(this.dlrPushes.slice());
				},
			};
			waiter.timer = setTimeout(() => {
				waiter.done(new Error(`expected ${count} DLR pushes within ${timeoutMs} ms, got ${this.dlrPushes.length}`));
			}, timeoutMs);
			this.waiters.add(waiter);
		});
	}

	clearRequests() {
		this.requests.length = 0;
	}

	failNext(endpoint, mode, options) {
		this.failures.failNext(endpoint, mode, options);
	}

	setFailure(endpoint, mode, options) {
		this.failures.setFailure(endpoint, mode, options);
	}

	setLatency(ms) {
		this.configure({ latencyMs: ms });
	}

	/** Applies all changes or none (a refused value leaves the settings as they were). */
	configure(changes) {
		this.config = applyConfig(structuredClone(this.config), changes);
		return structuredClone(this.config);
	}

	getOtp(reference) {
		const entry = this.otps.get(reference);
		return entry ? entry.otp : undefined;
	}

	balance(routeId) {
		const route = this.routes.get(String(routeId ?? this.defaultRouteId()));
		return route ? route.balance : undefined;
	}

	getSubmission(shootId) {
		return this.submissions.get(shootId);
	}

	stopTimers() {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		for (const sleeper of this.sleepers) {
			clearTimeout(sleeper.timer);
			sleeper.resolve(false);
		}
		this.sleepers.clear();
		this.delivery.clear();
	}

	/** Back to the start state: options, balances, no requests, pushes, failures, OTPs or pending pushes. */
	reset() {
		this.generation += 1;
		this.stopTimers();
		this.inbound.abort();
		this.failures.clear();
		this.requests.length = 0;
		this.dlrPushes.length = 0;
		this.inboundCalls.length = 0;
		this.loadInitialState();
	}

	async close() {
		if (this.closed) return;
		this.closed = true;
		this.generation += 1;
		this.stopTimers();
		for (const waiter of this.waiters) waiter.done(new Error('simulator closed'));
		this.pusher.close();
		this.inbound.abort();
		const closed = new Promise((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections();
		for (const socket of this.sockets) socket.destroy();
		await closed;
	}
}

/** Starts a simulator; see index.d.ts for the options and the returned object. */
async function startSimulator(options = {}) {
	return new Simulator(options).listen();
}

module.exports = { startSimulator, Simulator, nativePush, batchPush, ntapiPush, nestedReport };
