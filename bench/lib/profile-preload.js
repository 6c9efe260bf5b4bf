'use strict';
/**
 * Preloaded with NODE_OPTIONS="--require <this file>" into n8n (NODE_OPTIONS may not carry
 * --cpu-prof): samples the whole process and writes a .cpuprofile to BENCH_PROFILE_DIR when it
 * exits. Only the n8n commands named in BENCH_PROFILE_COMMANDS (default `execute`) are profiled.
 */
const fs = require('fs');
const path = require('path');
const inspector = require('inspector');

const dir = process.env.BENCH_PROFILE_DIR;
const commands = (process.env.BENCH_PROFILE_COMMANDS || 'execute').split(',');
if (dir && commands.some((command) => process.argv.includes(command))) {
	const session = new inspector.Session();
	session.connect();
	session.post('Profiler.enable');
	session.post('Profiler.setSamplingInterval', { interval: 250 });
	session.post('Profiler.start');
	process.on('exit', () => {
		// The in-thread inspector session answers synchronously, so this runs before the exit.
		session.post('Profiler.stop', (error, result) => {
			if (error) return;
			fs.mkdirSync(dir, { recursive: true });
			fs.writeFileSync(path.join(dir, `n8n-${process.argv.find((a) => commands.includes(a))}-${process.pid}-${Date.now()}.cpuprofile`), JSON.stringify(result.profile));
		});
	});
}
