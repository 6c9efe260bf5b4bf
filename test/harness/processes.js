'use strict';
// Node processes for tests: scripts of this repository started and stopped as a user would, and short
// `node` runs. Child processes stay here, out of the TypeScript tests.
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');

/**
 * Starts `node <script> ...args` (`script` relative to the repository) and resolves once its stdout
 * matches `ready`, with { output, stop(signal) }; `stop` sends the signal and resolves the exit code.
 * Rejects when the script exits first or stays silent past `timeoutMs`.
 */
async function startScript(script, args, ready, { timeoutMs = 5000 } = {}) {
	const child = spawn(process.execPath, [path.join(REPO, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no match for ${ready} in: ${output}`)), timeoutMs);
		child.stdout.on('data', (chunk) => {
			output += chunk.toString();
			if (ready.test(output)) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.on('exit', () => {
			clearTimeout(timer);
			reject(new Error(`exited early: ${output}`));
		});
	});
	const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
	return {
		output,
		stop: async (signal) => {
			child.kill(signal);
			return await exited;
		},
	};
}

/** Runs `node ...args` to its end, with `env` added to this process's environment: { status, stdout, stderr }. */
function runNode(args, { env = {}, timeoutMs } = {}) {
	const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: timeoutMs });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `node <script> ...args` (`script` relative to the repository) to its end, like runNode. */
function runScript(script, args, options) {
	return runNode([path.join(REPO, script), ...args], options);
}

module.exports = { startScript, runNode, runScript };
