'use strict';
// Postgres and Redis for the queue-mode suite: private instances on 127.0.0.1, data in the
// suite's temp folder, stopped (and never left behind) whatever happens. Measured recipe:
// /work/shared/queue-mode.md (initdb refuses root: run it as `postgres`; no persistence for Redis).
const fs = require('fs');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const { cleanEnv, run, stopGroup, killGroup, groupAlive, sleep, formatMs } = require('../lib/proc');

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Folder of the newest installed Postgres server binaries (Debian: /usr/lib/postgresql/<v>/bin). */
function postgresBin() {
	if (process.env.QUEUE_PG_BIN) return process.env.QUEUE_PG_BIN;
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	return versions.length ? path.join(root, versions[0], 'bin') : null;
}

function onPath(command) {
	return (process.env.PATH || '')
		.split(':')
		.some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

/**
 * Installs what is missing with apt (CI starts from a fresh machine): redis-server, and Postgres
 * when no server binaries exist. Packages may start a system service on install; the suite
 * stops any it caused, so nothing keeps running afterwards.
 */
async function ensureServicePackages({ log }) {
	const missing = [];
	if (!onPath('redis-server')) missing.push('redis-server');
	if (!postgresBin()) missing.push('postgresql');
	if (!missing.length) return { installedMs: 0, installed: [] };
	if (!asRoot) throw new Error(`missing ${missing.join(', ')}: install them (apt-get install -y ${missing.join(' ')}) or run as root`);
	const started = Date.now();
	log(`installing ${missing.join(', ')} with apt-get (not found on this machine)`);
	const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
	for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
		const r = await run('apt-get', args, { env, timeoutMs: 15 * 60 * 1000 });
		if (r.code !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${(r.stderr || r.stdout).trim().split('\n').slice(-15).join('\n')}`);
	}
	for (const service of missing) await stopSystemService(service, log);
	const installedMs = Date.now() - started;
	log(`installed ${missing.join(', ')} in ${formatMs(installedMs)}`);
	return { installedMs, installed: missing };
}

/** Stops (and disables) a service a package install started; only services we just installed. */
async function stopSystemService(service, log) {
	const systemd = fs.existsSync('/run/systemd/system');
	if (systemd) {
		const r = await run('systemctl', ['disable', '--now', service], { timeoutMs: 60000 });
		log(`systemctl disable --now ${service}: exit ${r.code}`);
		return;
	}
	const script = `/etc/init.d/${service}`;
	if (!fs.existsSync(script)) return;
	const status = await run(script, ['status'], { timeoutMs: 30000 });
	if (status.code === 0) {
		const r = await run(script, ['stop'], { timeoutMs: 60000 });
		log(`${script} stop (the package install had started it): exit ${r.code}`);
	}
}

/** Runs a Postgres binary, as the `postgres` user when we are root (initdb refuses root). */
function pgCommand(bin, args) {
	return asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function waitForLine(file, pattern, { timeoutMs, exited, what }) {
	const deadline = Date.now() + timeoutMs;
	return (async () => {
		for (;;) {
			const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
			if (pattern.test(text)) return;
			if (exited()) throw new Error(`${what} exited:\n${text.trim().split('\n').slice(-15).join('\n')}`);
			if (Date.now() > deadline) throw new Error(`${what} not ready after ${formatMs(timeoutMs)}:\n${text.trim().split('\n').slice(-15).join('\n')}`);
			await sleep(100);
		}
	})();
}

/** Starts a detached child in its own process group with output to `logFile`. */
function spawnLogged(cmd, args, logFile, env = cleanEnv()) {
	const out = fs.openSync(logFile, 'w');
	const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	return { child, pid: child.pid, exited: () => exited };
}

// Groups started here, stopped at exit if the suite dies before its own cleanup ran.
const services = new Map();
process.on('exit', () => {
	for (const [pid, signal] of services) killGroup(pid, signal);
	// Give a fast Postgres shutdown a moment (it keeps running after we exit otherwise).
	for (const pid of services.keys()) {
		try {
			execFileSync('sh', ['-c', `for i in $(seq 50); do kill -0 -- -${pid} 2>/dev/null || exit 0; sleep 0.1; done; kill -9 -- -${pid} 2>/dev/null; exit 0`]);
		} catch {
			// best effort at exit
		}
	}
});

/**
 * A fresh Postgres cluster in `dir`, listening on 127.0.0.1:`port` only, with user/database
 * `n8n`. Resolves { port, user, password, database, pid, logFile, initMs, stop() }.
 */
async function startPostgres({ dir, port, password = 'n8n-queue-e2e', log }) {
	const bin = postgresBin();
	if (!bin) throw new Error('no Postgres server binaries found under /usr/lib/postgresql');
	const started = Date.now();
	const pgDir = path.join(dir, 'pg');
	fs.mkdirSync(pgDir, { recursive: true });
	fs.writeFileSync(path.join(pgDir, 'pw'), `${password}\n`);
	if (asRoot) {
		// The postgres user must reach its folder: the suite's temp dir is root's 0700 mkdtemp.
		fs.chmodSync(dir, 0o755);
		execFileSync('chown', ['-R', 'postgres:', pgDir]);
	}
	const [initCmd, initArgs] = pgCommand(path.join(bin, 'initdb'), [
		'-D', path.join(pgDir, 'data'), '-U', 'n8n', `--pwfile=${path.join(pgDir, 'pw')}`,
		'--auth=scram-sha-256', '-E', 'UTF8', '--no-locale',
	]);
	const init = await run(initCmd, initArgs, { timeoutMs: 120000 });
	if (init.code !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
	const logFile = path.join(dir, 'logs', 'postgres.log');
	const [cmd, args] = pgCommand(path.join(bin, 'postgres'), [
		'-D', path.join(pgDir, 'data'), '-p', String(port),
		'-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${pgDir}`,
		// An e2e database: durability is not what is tested, speed on 2 cores is welcome.
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
	]);
	const proc = spawnLogged(cmd, args, logFile);
	services.set(proc.pid, 'SIGINT'); // SIGINT = Postgres "fast" shutdown
	await waitForLine(logFile, /database system is ready to accept connections/, { timeoutMs: 60000, exited: proc.exited, what: 'postgres' });
	const initMs = Date.now() - started;
	log(`postgres ${path.basename(path.dirname(bin))} on 127.0.0.1:${port} (initdb + start ${formatMs(initMs)})`);
	return {
		port,
		user: 'n8n',
		password,
		database: 'n8n',
		pid: proc.pid,
		logFile,
		initMs,
		async stop() {
			if (!services.has(proc.pid)) return;
			killGroup(proc.pid, 'SIGINT');
			const deadline = Date.now() + 15000;
			while (Date.now() < deadline && groupAlive(proc.pid)) await sleep(100);
			await stopGroup(proc.pid, 1000);
			services.delete(proc.pid);
		},
	};
}

/** A Redis on 127.0.0.1:`port` without persistence. Resolves { port, pid, stop() }. */
async function startRedis({ dir, port, log }) {
	const logFile = path.join(dir, 'logs', 'redis.log');
	const proc = spawnLogged('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], logFile);
	services.set(proc.pid, 'SIGTERM');
	await waitForLine(logFile, /Ready to accept connections/, { timeoutMs: 30000, exited: proc.exited, what: 'redis-server' });
	log(`redis on 127.0.0.1:${port}`);
	return {
		port,
		pid: proc.pid,
		logFile,
		async stop() {
			if (!services.has(proc.pid)) return;
			await stopGroup(proc.pid, 5000);
			services.delete(proc.pid);
		},
	};
}

/** SQL access with n8n's own `pg` module (pure JS, so it loads under any Node). */
async function connectPostgres(nodeModules, pgInfo) {
	const { Client } = require(path.join(nodeModules, 'pg'));
	const client = new Client({ host: '127.0.0.1', port: pgInfo.port, user: pgInfo.user, password: pgInfo.password, database: pgInfo.database });
	await client.connect();
	return {
		async query(sql, params = []) {
			return (await client.query(sql, params)).rows;
		},
		end: () => client.end().catch(() => {}),
	};
}

/** Creates the n8n database (initdb makes only `postgres`). */
async function createDatabase(nodeModules, pgInfo) {
	const admin = await connectPostgres(nodeModules, { ...pgInfo, database: 'postgres' });
	try {
		await admin.query(`CREATE DATABASE ${pgInfo.database}`);
	} finally {
		await admin.end();
	}
}

module.exports = { ensureServicePackages, postgresBin, startPostgres, startRedis, connectPostgres, createDatabase };
