#!/usr/bin/env node
'use strict';
// Runs the simulator as its own process: node test/simulator/cli.js [--port 4010] [--key KEY] [--host 127.0.0.1]
const { startSimulator } = require('./index');

/** Reads `--name value` / `--name=value` options from argv. */
function readArgs(argv) {
	const args = {};
	for (let i = 0; i < argv.length; i++) {
		const match = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
		if (!match) throw new Error(`unexpected argument ${argv[i]}`);
		args[match[1]] = match[2] !== undefined ? match[2] : argv[++i];
		if (args[match[1]] === undefined) throw new Error(`--${match[1]} needs a value`);
	}
	return args;
}

/** Starts a simulator from CLI-style arguments and closes it on SIGINT/SIGTERM. */
async function runFromArgs(argv, defaults) {
	const args = readArgs(argv);
	const port = Number(args.port ?? defaults.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${args.port}`);
	const sim = await startSimulator({
		port,
		host: args.host ?? '127.0.0.1',
		apiKey: args.key ?? defaults.key,
		latencyMs: args.latency !== undefined ? Number(args.latency) : 0,
	});
	const stop = () => {
		sim.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	return sim;
}

if (require.main === module) {
	runFromArgs(process.argv.slice(2), { port: process.env.SIMULATOR_PORT ?? 4010, key: 'sim-key-0123456789' })
		.then((sim) => {
			process.stdout.write(`SIMULATOR_URL=${sim.baseUrl}\nSIMULATOR_KEY=${sim.apiKey}\n`);
		})
		.catch((error) => {
			process.stderr.write(`simulator: ${error.message}\n`);
			process.exit(1);
		});
}

module.exports = { runFromArgs };
