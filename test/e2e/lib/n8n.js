'use strict';
// One n8n instance on one user folder: CLI commands (import, execute, activate), `n8n start`
// as a server, and executions read back from its database. Every process runs in its own
// process group and is killed with its group, so nothing (task runners included) is left behind.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { cleanEnv, run, stopGroup, killGroup, sleep, freePorts, formatMs, track } = require('./proc');
const { nodeResults, runError, parseExecuteOutput } = require('./runData');
const { installIntoUserFolder } = require('./pack');

const ENCRYPTION_KEY = 'smshandover-e2e-encryption-key-0001';

class N8nInstance {
	/**
	 * @param {object} install result of ensureN8n()
	 * @param {object} opts { userFolder?, keepUserFolder?, log?, env? }
	 */
	constructor(install, opts = {}) {
		this.install = install;
		this.version = install.version;
		this.log = opts.log || ((line) => console.log(`[n8n ${install.version}] ${line}`));
		this.ownsUserFolder = !opts.userFolder;
		this.userFolder = opts.userFolder || fs.mkdtempSync(path.join(os.tmpdir(), `smshandover-e2e-${install.version}-`));
		this.keepUserFolder = Boolean(opts.keepUserFolder);
		this.extraEnv = opts.env || {};
		this.server = null;
		this.port = null;
		this.brokerPorts = null;
		fs.mkdirSync(path.join(this.userFolder, '.n8n'), { recursive: true });
	}

	get dbFile() {
		return path.join(this.userFolder, '.n8n', 'database.sqlite');
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	async ports() {
		if (!this.brokerPorts) {
			const [port, serverBroker, cliBroker] = await freePorts(3);
			this.port = this.port || Number(this.extraEnv.N8N_PORT) || port;
			this.brokerPorts = { server: serverBroker, cli: cliBroker };
		}
		return this.brokerPorts;
	}

	/** Environment from /work/shared/n8n-runtime.md plus the version's own settings. */
	async env(role) {
		const brokers = await this.ports();
		return cleanEnv({
			PATH: `${path.dirname(this.install.nodeBin)}:${process.env.PATH}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_PORT: String(this.port),
			WEBHOOK_URL: `http://localhost:${this.port}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_RUNNERS_BROKER_PORT: String(role === 'server' ? brokers.server : brokers.cli),
			// 2.x: activate webhooks synchronously at start instead of through the publication queue.
			N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false',
			...this.install.env,
			...this.extraEnv,
		});
	}

	/** Runs `n8n <args>` to completion. */
	async cli(args, { timeoutMs = 180000 } = {}) {
		const env = await this.env('cli');
		const r = await run(this.install.nodeBin, [this.install.n8nBin, ...args], { cwd: this.userFolder, env, timeoutMs });
		return r;
	}

	async cliOk(args, opts) {
		const r = await this.cli(args, opts);
		if (r.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}):\n${tail(r.stdout + r.stderr)}`);
		}
		return r;
	}

	async installPackage(packed) {
		return installIntoUserFolder(this.userFolder, packed);
	}

	async writeJson(name, value) {
		const dir = path.join(this.userFolder, 'import');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, name);
		fs.writeFileSync(file, JSON.stringify(value, null, 2));
		return file;
	}

	/** Imports credentials (plain `data` objects are encrypted by n8n on import). */
	async importCredentials(credentials) {
		const file = await this.writeJson(`credentials-${Date.now()}.json`, credentials);
		return this.cliOk(['import:credentials', `--input=${file}`]);
	}

	/** Imports workflows; each must carry its own 16-character id. */
	async importWorkflows(workflows) {
		for (const wf of workflows) {
			if (!wf.id || wf.id.length !== 16) throw new Error(`workflow "${wf.name}" needs a 16-character id`);
		}
		const file = await this.writeJson(`workflows-${Date.now()}.json`, workflows);
		return this.cliOk(['import:workflow', `--input=${file}`]);
	}

	/** Marks a workflow active (1.x) / published (2.x) so `n8n start` registers its webhooks. */
	async activate(id) {
		if (this.version.startsWith('1.')) return this.cliOk(['update:workflow', `--id=${id}`, '--active=true']);
		return this.cliOk(['publish:workflow', `--id=${id}`]);
	}

	/**
	 * `n8n execute --id <id> --rawOutput`. Resolves
	 * { ok, code, ms, run, nodes (see runData.nodeResults), error, stdout, stderr }.
	 */
	async execute(id, { timeoutMs = 180000 } = {}) {
		const r = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs });
		const parsed = parseExecuteOutput(r.stdout);
		let exitCrash = null;
		if (r.code === null && r.signal === 'SIGSEGV' && parsed && !runError(parsed)) {
			// n8n 2.41 on Node 24 often segfaults while exiting (isolated-vm's isolate of the
			// default `vm` expression engine still running during teardown; never with the
			// legacy engine). The run finished before that: accept it when the database agrees.
			const rows = await this.executions({ workflowId: id, withData: false });
			const last = rows[rows.length - 1];
			if (last && last.status === parsed.status && last.stoppedAt) exitCrash = 'SIGSEGV';
		}
		const ok = (r.code === 0 || exitCrash !== null) && Boolean(parsed) && !runError(parsed);
		if (exitCrash) {
			this.exitCrashes = (this.exitCrashes || 0) + 1;
			this.log(`note: n8n execute --id=${id} finished (status ${parsed.status}) and then crashed with SIGSEGV while exiting`);
		}
		let error = runError(parsed);
		if (!ok && !error) {
			// Keep the whole output for diagnosis; report the log lines around the run JSON.
			const logFile = path.join(os.tmpdir(), `smshandover-e2e-${this.version}-execute-${id}-${Date.now()}.log`);
			fs.writeFileSync(logFile, `exit ${r.code} signal ${r.signal} timedOut ${r.timedOut}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
			error = `n8n execute exited ${r.code}${r.timedOut ? ' (timed out)' : ''}${parsed ? '' : ', no run JSON'}; full output in ${logFile}:\n${tail(withoutJson(r.stdout) + '\n' + r.stderr, 20)}`;
		}
		return { ok, code: r.code, exitCrash, ms: r.ms, run: parsed, nodes: nodeResults(parsed), error, stdout: r.stdout, stderr: r.stderr };
	}

	/** Starts `n8n start` and waits until it serves HTTP. */
	async start({ readyTimeoutMs = 180000, logFile: fixedLogFile } = {}) {
		if (this.server) throw new Error('already started');
		const env = await this.env('server');
		const logFile = fixedLogFile || path.join(this.userFolder, `n8n-start-${Date.now()}.log`);
		const out = fs.openSync(logFile, fixedLogFile ? 'w' : 'a');
		const started = Date.now();
		const child = spawn(this.install.nodeBin, [this.install.n8nBin, 'start'], {
			cwd: this.userFolder,
			env,
			detached: true,
			stdio: ['ignore', out, out],
		});
		fs.closeSync(out);
		track(child.pid);
		this.server = { child, pid: child.pid, logFile, exited: null };
		child.on('exit', (code, signal) => {
			if (this.server && this.server.child === child) this.server.exited = { code, signal };
		});
		const deadline = Date.now() + readyTimeoutMs;
		for (;;) {
			if (this.server.exited) throw new Error(`n8n start exited (${JSON.stringify(this.server.exited)}):\n${tail(this.serverLog())}`);
			if (Date.now() > deadline) throw new Error(`n8n start not ready after ${formatMs(readyTimeoutMs)}:\n${tail(this.serverLog())}`);
			if (/Editor is now accessible via/.test(this.serverLog())) {
				const health = await httpStatus(`${this.baseUrl}/healthz`);
				if (health === 200) break;
			}
			await sleep(250);
		}
		this.startMs = Date.now() - started;
		this.log(`n8n start ready on ${this.baseUrl} in ${formatMs(this.startMs)}`);
		return this;
	}

	/**
	 * Starts another long-running n8n process on this user folder (queue mode: `worker`,
	 * `webhook`, or a second `start`), in its own process group, logging to `logFile`, and waits
	 * for `readyPattern` in its log (and `healthUrl` answering 200, when given). `env` is laid
	 * over this instance's server environment. Resolves a handle: { name, pid, logFile, startMs,
	 * log(), exited, stop(graceMs), kill() (SIGKILL to the group: a crash) }.
	 */
	async startProcess(command, { name = command, env = {}, logFile, readyPattern, healthUrl, readyTimeoutMs = 180000 } = {}) {
		if (!readyPattern) throw new Error('startProcess needs a readyPattern');
		const fullEnv = { ...(await this.env('server')), ...env };
		const file = logFile || path.join(this.userFolder, `n8n-${name}-${Date.now()}.log`);
		const out = fs.openSync(file, 'w');
		const started = Date.now();
		const child = spawn(this.install.nodeBin, [this.install.n8nBin, command], {
			cwd: this.userFolder,
			env: fullEnv,
			detached: true,
			stdio: ['ignore', out, out],
		});
		fs.closeSync(out);
		track(child.pid);
		const handle = {
			name,
			pid: child.pid,
			logFile: file,
			exited: null,
			log: () => readOr(file, ''),
			stop: (graceMs = 15000) => stopGroup(child.pid, graceMs),
			kill: async () => {
				killGroup(child.pid, 'SIGKILL');
				await stopGroup(child.pid, 0);
			},
		};
		child.on('exit', (code, signal) => (handle.exited = { code, signal }));
		const deadline = Date.now() + readyTimeoutMs;
		for (;;) {
			if (handle.exited) throw new Error(`n8n ${command} (${name}) exited (${JSON.stringify(handle.exited)}):\n${tail(handle.log())}`);
			if (Date.now() > deadline) {
				await handle.stop(1000);
				throw new Error(`n8n ${command} (${name}) not ready after ${formatMs(readyTimeoutMs)}:\n${tail(handle.log())}`);
			}
			if (readyPattern.test(handle.log()) && (!healthUrl || (await httpStatus(healthUrl)) === 200)) break;
			await sleep(200);
		}
		handle.startMs = Date.now() - started;
		return handle;
	}

	serverLog() {
		if (!this.server) return '';
		try {
			return fs.readFileSync(this.server.logFile, 'utf8');
		} catch {
			return '';
		}
	}

	/** Production URL of a webhook node: /webhook/<webhookId>/<path>. */
	webhookUrl(webhookId, webhookPath, query = '') {
		return `${this.baseUrl}/webhook/${webhookId}/${webhookPath}${query ? `?${query}` : ''}`;
	}

	/**
	 * Waits until a production webhook is registered: activation can finish after the editor
	 * line, and an unregistered path answers 404. `probe` must not start an execution, so
	 * callers pass a request the node rejects (for our trigger: a wrong token → 401).
	 */
	async waitForWebhook(url, { method = 'GET', timeoutMs = 60000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		let last;
		while (Date.now() < deadline) {
			last = await httpStatus(url, method);
			if (last && last !== 404) return last;
			await sleep(250);
		}
		throw new Error(`webhook ${url} still answers ${last} after ${formatMs(timeoutMs)}:\n${tail(this.serverLog())}`);
	}

	/** Stops `n8n start` (SIGTERM to its group, SIGKILL after the grace period). */
	async stop({ graceMs = 15000 } = {}) {
		if (!this.server) return;
		const { pid } = this.server;
		await stopGroup(pid, graceMs);
		this.server = null;
	}

	/** Stops the server, and removes the user folder unless asked to keep it. */
	async dispose() {
		await this.stop();
		if (this.ownsUserFolder && !this.keepUserFolder && !process.env.E2E_KEEP) {
			fs.rmSync(this.userFolder, { recursive: true, force: true });
		}
	}


	/**
	 * Executions from the database, oldest first: { id, workflowId, status, mode, finished,
	 * startedAt, stoppedAt, data?, nodes? }. With withData, `nodes` is nodeResults(data).
	 */
	async executions({ workflowId, afterId, withData = true } = {}) {
		if (!fs.existsSync(this.dbFile)) return [];
		const script = path.join(__dirname, 'read-executions.js');
		const r = await run(
			this.install.nodeBin,
			[script, this.install.nodeModules, this.dbFile, JSON.stringify({ workflowId, afterId, withData })],
			{ env: cleanEnv(), timeoutMs: 60000 },
		);
		if (r.code !== 0) throw new Error(`reading executions failed: ${r.stderr}`);
		const rows = JSON.parse(r.stdout);
		return rows.map((row) => (row.data ? { ...row, nodes: nodeResults(row.data), error: runError(row.data) } : row));
	}

	/** Rows of a read-only SQL query on this instance's database ([] before the database exists). */
	async query(sql, params = []) {
		if (!fs.existsSync(this.dbFile)) return [];
		const script = path.join(__dirname, 'sqlite-query.js');
		const r = await run(this.install.nodeBin, [script, this.install.nodeModules, this.dbFile, sql, JSON.stringify(params)], {
			env: cleanEnv(),
			timeoutMs: 60000,
		});
		if (r.code !== 0) throw new Error(`query failed: ${r.stderr}`);
		return JSON.parse(r.stdout);
	}

	/** Polls until at least `count` finished executions of a workflow exist (after `afterId`). */
	async waitForExecutions(workflowId, count, { afterId, timeoutMs = 30000, settleMs = 0 } = {}) {
		const deadline = Date.now() + timeoutMs;
		let rows = [];
		while (Date.now() < deadline) {
			rows = (await this.executions({ workflowId, afterId, withData: false })).filter((e) => e.stoppedAt);
			if (rows.length >= count) break;
			await sleep(300);
		}
		if (settleMs) await sleep(settleMs);
		return this.executions({ workflowId, afterId });
	}

	async lastExecutionId() {
		const rows = await this.executions({ withData: false });
		return rows.length ? Number(rows[rows.length - 1].id) : 0;
	}
}

/** Status code of one HTTP request, or 0 when nothing answered. */
async function httpStatus(url, method = 'GET') {
	try {
		const res = await fetch(url, { method, signal: AbortSignal.timeout(5000) });
		await res.arrayBuffer();
		return res.status;
	} catch {
		return 0;
	}
}

/** Log text without pretty-printed JSON blocks (lines from a column-0 "{" to its "}"). */
function withoutJson(text) {
	const out = [];
	let inJson = false;
	for (const line of String(text).split('\n')) {
		if (!inJson && line === '{') inJson = true;
		else if (inJson && line === '}') inJson = false;
		else if (!inJson) out.push(line);
	}
	return out.join('\n');
}

function readOr(file, fallback) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return fallback;
	}
}

function tail(text, lines = 40) {
	return String(text || '')
		.trim()
		.split('\n')
		.slice(-lines)
		.join('\n');
}

module.exports = { N8nInstance, ENCRYPTION_KEY, httpStatus };
