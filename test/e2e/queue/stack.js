'use strict';
// One n8n version in queue mode on one machine: Postgres + Redis + the simulator, then n8n
// main + worker(s) + two webhook processes, each with its own user folder (the package installed
// in it as n8n's installer lays it out), one encryption key and one database. Settings from
// /work/shared/queue-mode.md. Which process did what is only in the logs: the receiving
// process logs "Enqueued execution N (job J)", the worker "Worker started/finished execution N".
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const h = require('../lib');
const { nodeResults, runError } = require('../lib/runData');
const { installIntoUserFolder } = require('../lib/pack');
const services = require('./services');

const READY = {
	main: /Editor is now accessible via/,
	worker: /n8n worker is now ready/,
	// Webhook processes log "n8n ready on …" before they finish initialising: not that line.
	webhook: /Webhook listener waiting for requests/,
};

// Ports below the kernel's ephemeral range (32768+), where outgoing connections of these very
// processes could take a listener's port; one block per version so both could run side by side.
const PORT_BASE = { '2.41.1': 27400, '1.123.79': 27500 };
const PORTS = { pg: 0, redis: 1, main: 2, mainBroker: 3, hook1: 4, hook2: 5, sim: 6, worker0: 10 };

function portFree(port) {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

/** A block of 30 ports that are all free, from the version's base (QUEUE_PORT_BASE overrides). */
async function portBlock(version) {
	let base = Number(process.env.QUEUE_PORT_BASE) || PORT_BASE[version] || 27600;
	for (let attempt = 0; attempt < 10; attempt++, base += 200) {
		const checks = await Promise.all(Array.from({ length: 30 }, (_, i) => portFree(base + i)));
		if (checks.every(Boolean)) {
			const ports = {};
			for (const [name, offset] of Object.entries(PORTS)) ports[name] = base + offset;
			return ports;
		}
	}
	throw new Error(`no free block of 30 ports found from ${PORT_BASE[version]}`);
}

class QueueStack {
	constructor({ version, log }) {
		this.version = version;
		this.log = log;
		this.processes = {}; // name -> handle of the running ones
		this.allProcesses = []; // every n8n process ever started (killed ones too), for log attribution
		this.workerCount = 0;
		this.timings = {};
	}

	get legacy() {
		return this.version.startsWith('1.');
	}

	/** Installs-or-reuses n8n, starts Postgres, Redis and the simulator. */
	async startServices({ packed }) {
		let s = Date.now();
		this.installed = await h.ensureN8n(this.version, { log: this.log });
		this.timings.ensureN8n = Date.now() - s;
		this.ports = await portBlock(this.version);
		this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `smshandover-queue-${this.version}-`));
		fs.mkdirSync(path.join(this.dir, 'logs'), { recursive: true });
		s = Date.now();
		const started = await Promise.allSettled([
			services.startPostgres({ dir: this.dir, port: this.ports.pg, log: this.log }),
			services.startRedis({ dir: this.dir, port: this.ports.redis, log: this.log }),
			h.startSimulatorProcess({ port: this.ports.sim, key: 'sim-key-queue-0123456789' }),
		]);
		// Keep what did start, so that dispose() stops it even when another one failed.
		const [pg, redis, sim] = started.map((r) => (r.status === 'fulfilled' ? r.value : null));
		Object.assign(this, { pg, redis, sim });
		const failed = started.find((r) => r.status === 'rejected');
		if (failed) throw failed.reason;
		await services.createDatabase(this.installed.nodeModules, pg);
		this.db = await services.connectPostgres(this.installed.nodeModules, pg);
		this.flatted = require(path.join(this.installed.nodeModules, 'flatted'));
		this.timings.services = Date.now() - s;
		this.n8n = new h.N8nInstance(this.installed, {
			userFolder: path.join(this.dir, 'home'),
			env: this.queueEnv(),
			log: this.log,
		});
		await this.n8n.installPackage(packed);
		this.packed = packed;
	}

	/** Environment shared by every n8n process and CLI call (queue-mode.md, "Environment"). */
	queueEnv() {
		const p = this.ports;
		const hook1 = `http://127.0.0.1:${p.hook1}/`;
		const env = {
			N8N_PORT: String(p.main),
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${p.main}/`,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(p.redis),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(p.pg),
			DB_POSTGRESDB_DATABASE: this.pg.database,
			DB_POSTGRESDB_USER: this.pg.user,
			DB_POSTGRESDB_PASSWORD: this.pg.password,
			// Editor/REST manual runs go to the workers too (`n8n execute` never does).
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		};
		if (this.legacy) {
			// 1.123 knows only WEBHOOK_URL; runners off (on 2.41 they are always on).
			Object.assign(env, { WEBHOOK_URL: hook1, N8N_RUNNERS_ENABLED: 'false' });
		} else {
			Object.assign(env, { N8N_WEBHOOK_URL: hook1, WEBHOOK_URL: hook1, N8N_DISABLED_MODULES: 'mcp-registry' });
		}
		return env;
	}

	/** Credential + workflows imported (the first CLI call runs the migrations), then activated. */
	async importAndActivate({ credentials, workflows, activate }) {
		let s = Date.now();
		await this.n8n.importCredentials(credentials);
		await this.n8n.importWorkflows(workflows);
		this.timings.import = Date.now() - s;
		s = Date.now();
		// Each activation is one CLI start (4-6 s). 1.123 activates all in one; 2.41 has no --all.
		if (this.legacy) await this.n8n.cliOk(['update:workflow', '--all', '--active=true']);
		else await Promise.all(activate.map((id) => this.n8n.activate(id)));
		const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM workflow_entity WHERE active AND id = ANY($1)`, [activate]);
		if (count !== activate.length) throw new Error(`${count} of ${activate.length} workflows active after activation`);
		this.timings.activate = Date.now() - s;
	}

	/** Environment of one process role on top of queueEnv(). */
	processEnv(role, name) {
		const p = this.ports;
		if (role === 'main') return { N8N_PORT: String(p.main), N8N_RUNNERS_BROKER_PORT: String(p.mainBroker) };
		if (role === 'webhook') return { N8N_PORT: String(name === 'webhook1' ? p.hook1 : p.hook2) };
		// A worker: its own task-broker port, health server on 127.0.0.1 (defaults: :: and 5678).
		const offset = 2 * (this.workerCount - 1);
		return {
			N8N_RUNNERS_BROKER_PORT: String(p.worker0 + offset),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(p.worker0 + offset + 1),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		};
	}

	/**
	 * Each process but the main gets its own user folder with the package installed, as one
	 * container per process would have (the encryption key comes from the environment). A shared
	 * ~/.n8n changes crash behaviour on 1.123: a starting worker reads the event log
	 * (n8nEventLog-worker.log) another worker wrote there and marks its unfinished executions
	 * "crashed" before it takes jobs.
	 */
	async ownUserFolder(role, name) {
		if (role === 'main') return {};
		const folder = path.join(this.dir, `home-${name}`);
		fs.mkdirSync(path.join(folder, '.n8n'), { recursive: true });
		await installIntoUserFolder(folder, this.packed);
		return { N8N_USER_FOLDER: folder };
	}

	healthUrl(role, env) {
		if (role === 'worker') return `http://127.0.0.1:${env.QUEUE_HEALTH_CHECK_PORT}/healthz/readiness`;
		return `http://127.0.0.1:${env.N8N_PORT}/healthz`;
	}

	/**
	 * Starts processes together (2 cores are busy either way). specs: [{ name, role, env? }].
	 * Worker names must be unique over the run (logs of killed workers are kept for attribution).
	 */
	async start(specs) {
		const started = Date.now();
		// allSettled: a process that failed to start must not leave the others unrecorded (dispose stops them).
		const settled = await Promise.allSettled(
			specs.map(async ({ name, role, env = {} }) => {
				if (this.processes[name]) throw new Error(`${name} is already running`);
				if (role === 'worker') this.workerCount += 1;
				const roleEnv = { ...this.processEnv(role, name), ...(await this.ownUserFolder(role, name)), ...env };
				const handle = await this.n8n.startProcess(role === 'main' ? 'start' : role, {
					name,
					env: roleEnv,
					logFile: path.join(this.dir, 'logs', `${name}.log`),
					readyPattern: READY[role],
					healthUrl: this.healthUrl(role, { ...this.n8n.extraEnv, ...roleEnv }),
				});
				handle.role = role;
				this.processes[name] = handle;
				this.allProcesses.push(handle);
				return handle;
			}),
		);
		const failed = settled.find((r) => r.status === 'rejected');
		if (failed) throw failed.reason;
		const handles = settled.map((r) => r.value);
		const ms = Date.now() - started;
		this.log(`started ${handles.map((p) => `${p.name} ${h.formatMs(p.startMs)}`).join(', ')} (all ready after ${h.formatMs(ms)})`);
		return ms;
	}

	/** SIGTERM (graceful) unless `kill`: SIGKILL to the process group, as a crash or OOM kill would. */
	async stopProcess(name, { kill = false } = {}) {
		const handle = this.processes[name];
		if (!handle) return;
		if (kill) await handle.kill();
		// Webhook processes sometimes wait forever for an execution they think is active (see README).
		else await handle.stop(handle.role === 'webhook' ? 5000 : 15000);
		delete this.processes[name];
	}

	url(processName, spec, query = '') {
		const port = { main: this.ports.main, webhook1: this.ports.hook1, webhook2: this.ports.hook2 }[processName];
		const route = spec.ownPath ? spec.path : `${spec.webhookId}/${spec.path}`;
		return `http://127.0.0.1:${port}/webhook/${route}${query ? `?${query}` : ''}`;
	}

	/** Waits until the main has registered the workflows' webhooks (webhook_entity) and a probe answers. */
	async waitForWebhooks(workflowIds, probes) {
		const deadline = Date.now() + 60000;
		for (;;) {
			const rows = await this.db.query(`SELECT count(DISTINCT "workflowId")::int AS n FROM webhook_entity WHERE "workflowId" = ANY($1)`, [workflowIds]);
			if (rows[0].n === workflowIds.length) break;
			if (Date.now() > deadline) throw new Error(`webhooks of ${rows[0].n}/${workflowIds.length} workflows registered after 60 s`);
			await h.sleep(250);
		}
		for (const url of probes) {
			// A GET without a report: the trigger answers 4xx and starts nothing.
			const code = await h.httpStatus(url);
			if (code === 404 || code === 0) throw new Error(`${url} answered ${code}`);
		}
	}

	/** Executions of a workflow (after id `afterId`), oldest first, from Postgres. */
	async executions(workflowId, { afterId = 0, withData = false } = {}) {
		const rows = await this.db.query(
			`SELECT e.id::int AS id, e."workflowId", e.status, e.mode, e.finished, e."createdAt", e."startedAt", e."stoppedAt"
			 ${withData ? ', d.data AS data' : ''}
			 FROM execution_entity e ${withData ? 'LEFT JOIN execution_data d ON d."executionId" = e.id' : ''}
			 WHERE e."workflowId" = $1 AND e.id > $2 ORDER BY e.id`,
			[workflowId, afterId],
		);
		return rows.map((row) => {
			if (!row.data) return row;
			const data = this.flatted.parse(row.data);
			return { ...row, data: undefined, nodes: nodeResults(data), error: runError(data) };
		});
	}

	async lastExecutionId() {
		const [row] = await this.db.query('SELECT coalesce(max(id), 0)::int AS id FROM execution_entity');
		return row.id;
	}

	/** Polls until `count` executions of the workflow after `afterId` have stopped; resolves them with data. */
	async waitForExecutions(workflowId, count, { afterId = 0, timeoutMs = 60000, settleMs = 0 } = {}) {
		const deadline = Date.now() + timeoutMs;
		let rows = [];
		for (;;) {
			rows = await this.executions(workflowId, { afterId });
			const stopped = rows.filter((r) => r.stoppedAt && !['new', 'running'].includes(r.status));
			if (stopped.length >= count) break;
			if (Date.now() > deadline) {
				throw new Error(`expected ${count} finished executions of ${workflowId} within ${h.formatMs(timeoutMs)}, have: ${JSON.stringify(rows.map((r) => [r.id, r.status]))}`);
			}
			await h.sleep(300);
		}
		if (settleMs) await h.sleep(settleMs);
		return this.executions(workflowId, { afterId, withData: true });
	}

	/** Which processes logged "Enqueued execution N (" and which workers ran it. */
	whoHandled(executionId) {
		const enqueued = new RegExp(`Enqueued execution ${executionId} \\(job`);
		const started = new RegExp(`Worker started execution ${executionId} \\(job`, 'g');
		const finished = new RegExp(`Worker finished execution ${executionId} \\(job`);
		const out = { enqueuedBy: [], startedBy: [], finishedBy: [] };
		for (const p of this.allProcesses) {
			const text = p.log();
			if (enqueued.test(text)) out.enqueuedBy.push(p.name);
			const starts = (text.match(started) || []).length;
			for (let i = 0; i < starts; i++) out.startedBy.push(p.name);
			if (finished.test(text)) out.finishedBy.push(p.name);
		}
		return out;
	}

	/** Stops everything this stack started; safe to call twice. Removes the temp dir unless E2E_KEEP. */
	async dispose() {
		const s = Date.now();
		const stopped = await Promise.all(
			Object.keys(this.processes).map(async (name) => {
				const t = Date.now();
				await this.stopProcess(name);
				return `${name} ${h.formatMs(Date.now() - t)}`;
			}),
		);
		if (stopped.length) this.log(`stopped (SIGTERM; SIGKILL after 15 s, webhook processes 5 s): ${stopped.join(', ')}`);
		if (this.db) await this.db.end();
		this.db = null;
		await Promise.all([this.sim && this.sim.stop(), this.redis && this.redis.stop(), this.pg && this.pg.stop()]);
		this.timings.stop = Date.now() - s;
		if (this.dir && !process.env.E2E_KEEP) fs.rmSync(this.dir, { recursive: true, force: true });
		else if (this.dir) this.log(`kept ${this.dir} (E2E_KEEP): logs in ${path.join(this.dir, 'logs')}`);
	}
}

module.exports = { QueueStack };
