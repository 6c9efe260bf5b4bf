'use strict';
// Child-process helpers shared by the installer, the n8n runner and scripts/dev.js.
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');

// Settings a parent `npm run` exports that would redirect a nested npm (local_prefix points
// npm at this repo) or change how it builds (ignore_scripts, nodedir). Registry, cache and
// proxy settings are kept so CI mirrors keep working.
const KEPT_NPM_VARS = /^npm_config_(registry|cache|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl|cafile|fetch_retries|fetch_timeout)$/i;

/** process.env without the npm_* variables of a surrounding `npm run`. */
function cleanEnv(extra = {}) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/^npm_/i.test(k) && !KEPT_NPM_VARS.test(k)) continue;
		if (k === 'INIT_CWD' || k === 'NODE_OPTIONS') continue;
		env[k] = v;
	}
	return { ...env, ...extra };
}

/**
 * Runs a command to completion; resolves { code, signal, stdout, stderr, ms }.
 * Runs in its own process group so a timeout can kill everything it started.
 */
function run(cmd, args, { cwd, env, timeoutMs = 0, onStdout, onStderr, input } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(cmd, args, { cwd, env: env || cleanEnv(), detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
		track(child.pid);
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout.on('data', (d) => {
			stdout += d;
			if (onStdout) onStdout(String(d));
		});
		child.stderr.on('data', (d) => {
			stderr += d;
			if (onStderr) onStderr(String(d));
		});
		if (input !== undefined) child.stdin.end(input);
		else child.stdin.end();
		const timer = timeoutMs
			? setTimeout(() => {
					timedOut = true;
					killGroup(child.pid, 'SIGKILL');
				}, timeoutMs)
			: null;
		child.on('error', (err) => {
			if (timer) clearTimeout(timer);
			reject(err);
		});
		child.on('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			// Whatever the command left behind in its group goes too (n8n's task runner, etc.).
			killGroup(child.pid, 'SIGKILL');
			untrack(child.pid);
			resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
		});
	});
}

// Process groups this harness started and has not stopped yet: killed if the harness exits early.
const trackedGroups = new Set();

function track(pid) {
	if (pid) trackedGroups.add(pid);
	return pid;
}

function untrack(pid) {
	trackedGroups.delete(pid);
}

process.on('exit', () => {
	for (const pid of trackedGroups) killGroup(pid, 'SIGKILL');
});

/**
 * Ctrl-C / SIGTERM end the process through process.exit, so the 'exit' cleanup above runs
 * (a default signal death skips it). `beforeExit` may stop things gracefully first.
 */
function installSignalCleanup(beforeExit) {
	let stopping = false;
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(sig, async () => {
			if (stopping) return;
			stopping = true;
			try {
				if (beforeExit) await beforeExit(sig);
			} finally {
				process.exit(sig === 'SIGINT' ? 130 : 143);
			}
		});
	}
}

/** Sends a signal to a whole process group; ignores a group that is already gone. */
function killGroup(pid, signal = 'SIGTERM') {
	if (!pid) return false;
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

function groupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** SIGTERM the group, wait up to graceMs, then SIGKILL what is left. */
async function stopGroup(pid, graceMs = 10000) {
	if (!pid || !groupAlive(pid)) {
		untrack(pid);
		return;
	}
	killGroup(pid, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while (Date.now() < deadline && groupAlive(pid)) await sleep(100);
	if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
	const hardDeadline = Date.now() + 5000;
	while (Date.now() < hardDeadline && groupAlive(pid)) await sleep(100);
	untrack(pid);
}

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Distinct free ports (asked for together so none is handed out twice). */
async function freePorts(n) {
	const servers = [];
	try {
		for (let i = 0; i < n; i++) {
			const srv = net.createServer();
			await new Promise((resolve, reject) => {
				srv.on('error', reject);
				srv.listen(0, '127.0.0.1', resolve);
			});
			servers.push(srv);
		}
		return servers.map((s) => s.address().port);
	} finally {
		await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
	}
}

/** Pids of processes whose command line matches `re` and whose cwd is inside `dir`. */
function processesIn(dir, re) {
	const found = [];
	let entries = [];
	try {
		entries = fs.readdirSync('/proc');
	} catch {
		return found;
	}
	for (const e of entries) {
		if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
		try {
			const cmdline = fs.readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0').join(' ');
			if (!re.test(cmdline)) continue;
			const cwd = fs.readlinkSync(`/proc/${e}/cwd`);
			if (cwd === dir || cwd.startsWith(dir + '/')) found.push({ pid: Number(e), cmdline: cmdline.trim() });
		} catch {
			// process ended while we looked, or is not ours to read
		}
	}
	return found;
}

function formatMs(ms) {
	if (ms < 1000) return `${ms} ms`;
	if (ms < 120000) return `${(ms / 1000).toFixed(1)} s`;
	const seconds = Math.round(ms / 1000);
	return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

module.exports = { track, untrack, installSignalCleanup, cleanEnv, run, killGroup, groupAlive, stopGroup, sleep, freePort, freePorts, processesIn, formatMs };
