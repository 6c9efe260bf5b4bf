'use strict';
// Runs the SMS Handover simulator (test/simulator/cli.js) as its own process and talks to it
// only through its HTTP control routes (/__sim/*), the way n8n's view of it is also only HTTP.
const path = require('path');
const { spawn } = require('child_process');
const { cleanEnv, stopGroup, sleep, track } = require('./proc');

const REPO = path.resolve(__dirname, '..', '..', '..');

class SimulatorClient {
	constructor(baseUrl, apiKey) {
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
	}

	async call(method, route, body) {
		const res = await fetch(`${this.baseUrl}${route}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30000),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`simulator ${method} ${route}: ${res.status} ${text}`);
		return text ? JSON.parse(text) : null;
	}

	/** Every request the simulator received (optionally of one endpoint), in order. */
	requests(endpoint) {
		return this.call('GET', `/__sim/requests${endpoint ? `?endpoint=${encodeURIComponent(endpoint)}` : ''}`);
	}

	reset() {
		return this.call('POST', '/__sim/reset');
	}

	/** { endpoint, mode, count?, message?, persistent? } — see the simulator's failure modes. */
	fail(plan) {
		return this.call('POST', '/__sim/fail', plan);
	}

	configure(changes) {
		return this.call('POST', '/__sim/configure', changes);
	}

	/** The OTP code the simulator "sent" for a reference. */
	async otp(reference) {
		const answer = await this.call('GET', `/__sim/otp/${encodeURIComponent(reference)}`);
		return answer.otp;
	}

	balances() {
		return this.call('GET', '/__sim/balance');
	}

	/** Makes the simulator push reports to `url` now; resolves the pushes it made. */
	pushDlr(url, style, reports) {
		return this.call('POST', '/__sim/push-dlr', { url, style, reports });
	}

	/** Makes a submission's reports final now and pushes them as the panel would; resolves the push attempts. */
	deliver(shootId, { mobile, outcome } = {}) {
		return this.call('POST', '/__sim/deliver', { shootId, mobile, outcome });
	}

	dlrPushes() {
		return this.call('GET', '/__sim/dlr-pushes');
	}

	/** Polls until the simulator has made at least `count` DLR pushes. */
	/** The panel forwards a handset's SMS to `url` (VMN/keyword trigger URL) and/or `defaultMoUrl` (getReplies). */
	receiveInbound(message) {
		return this.call('POST', '/__sim/inbound', message);
	}

	async waitForDlrPushes(count, timeoutMs = 30000) {
		const deadline = Date.now() + timeoutMs;
		let pushes = [];
		while (Date.now() < deadline) {
			pushes = await this.dlrPushes();
			if (pushes.length >= count && pushes.every((p) => p.status !== null || p.error)) return pushes;
			await sleep(200);
		}
		throw new Error(`expected ${count} DLR pushes within ${timeoutMs} ms, saw ${pushes.length}`);
	}
}

/**
 * Starts `node <script> --port <port> --key <key>` (default: test/simulator/cli.js) and waits
 * for its SIMULATOR_URL/SIMULATOR_KEY lines (or the sandbox's "Base URL:" lines).
 * Resolves a SimulatorClient with .stop() and .pid.
 */
async function startSimulatorProcess({ port = 0, key = 'sim-key-0123456789', script, args = [], timeoutMs = 20000, stdio } = {}) {
	const file = script || path.join(REPO, 'test', 'simulator', 'cli.js');
	const child = spawn(process.execPath, [file, '--port', String(port), '--key', key, ...args], {
		cwd: REPO,
		env: cleanEnv(),
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	track(child.pid);
	let out = '';
	let err = '';
	child.stdout.on('data', (d) => {
		out += d;
		if (stdio === 'inherit') process.stdout.write(d);
	});
	child.stderr.on('data', (d) => {
		err += d;
		if (stdio === 'inherit') process.stderr.write(d);
	});
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const url = /SIMULATOR_URL=(\S+)/.exec(out) || /Base URL:\s*(\S+)/.exec(out);
		const k = /SIMULATOR_KEY=(\S+)/.exec(out) || /API key:\s*(\S+)/.exec(out);
		if (url && k) {
			const client = new SimulatorClient(url[1], k[1]);
			const admin = /SIMULATOR_ADMIN_KEY=(\S+)/.exec(out);
			client.adminKey = admin ? admin[1] : null; // the panel's admin key (test/simulator/README.md)
			client.pid = child.pid;
			client.stop = () => stopGroup(child.pid, 5000);
			client.output = () => out + err;
			return client;
		}
		if (exited) throw new Error(`simulator exited ${JSON.stringify(exited)}: ${err || out}`);
		if (Date.now() > deadline) {
			await stopGroup(child.pid, 1000);
			throw new Error(`simulator did not start within ${timeoutMs} ms: ${err || out}`);
		}
		await sleep(50);
	}
}

module.exports = { SimulatorClient, startSimulatorProcess };
