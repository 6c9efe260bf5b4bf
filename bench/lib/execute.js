'use strict';
/**
 * `n8n execute --id <id> --rawOutput` with its output written to a file instead of a pipe.
 * With 10,000 items the run JSON is 6–10 MB; n8n exits before a pipe is drained, and the e2e
 * harness's pipe-based execute() then sees a truncated JSON now and then (and 2.41 on Node 24 may
 * crash with SIGSEGV while exiting, after the run). Writes to a file are synchronous, so the file
 * always holds everything n8n printed. Same environment and parsing as the e2e harness.
 */
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const h = require('../../test/e2e/lib');

function waitForExit(child, timeoutMs) {
	return new Promise((resolve) => {
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			h.killGroup(child.pid, 'SIGKILL');
		}, timeoutMs);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, timedOut });
		});
	});
}

/** Resolves { ok, code, signal, exitCrash, ms, run, nodes, error } like the harness's execute(). */
async function executeToFile(n8n, id, { timeoutMs = 15 * 60 * 1000 } = {}) {
	const env = await n8n.env('cli');
	const stamp = `${id}-${Date.now()}`;
	const outFile = path.join(n8n.userFolder, `execute-${stamp}.out`);
	const errFile = path.join(n8n.userFolder, `execute-${stamp}.err`);
	const out = fs.openSync(outFile, 'w');
	const err = fs.openSync(errFile, 'w');
	const started = Date.now();
	const child = spawn(n8n.install.nodeBin, [n8n.install.n8nBin, 'execute', `--id=${id}`, '--rawOutput'], {
		cwd: n8n.userFolder,
		env,
		detached: true,
		stdio: ['ignore', out, err],
	});
	fs.closeSync(out);
	fs.closeSync(err);
	h.track(child.pid);
	const exit = await waitForExit(child, timeoutMs);
	const ms = Date.now() - started;
	h.killGroup(child.pid, 'SIGKILL'); // the task runner it started, if still there
	h.untrack(child.pid);
	const stdout = fs.readFileSync(outFile, 'utf8');
	const stderr = fs.readFileSync(errFile, 'utf8');
	fs.rmSync(outFile, { force: true });
	fs.rmSync(errFile, { force: true });

	const run = h.parseExecuteOutput(stdout);
	const runError = h.runError(run);
	// A complete run JSON means the workflow finished; a crash while exiting comes after it.
	const exitCrash = exit.code === null && exit.signal === 'SIGSEGV' && run ? 'SIGSEGV' : null;
	const ok = Boolean(run) && !runError && (exit.code === 0 || exitCrash !== null);
	let error = runError;
	if (!ok && !error) {
		const tail = `${stdout.slice(-1500)}\n${stderr.slice(-1500)}`.trim();
		error = `n8n execute exited ${exit.code}${exit.signal ? ` (${exit.signal})` : ''}${exit.timedOut ? ', timed out' : ''}${run ? '' : ', no run JSON'}:\n${tail}`;
	}
	return { ok, code: exit.code, signal: exit.signal, exitCrash, ms, run, nodes: h.nodeResults(run), error };
}

module.exports = { executeToFile };
