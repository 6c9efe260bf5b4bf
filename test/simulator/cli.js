#!/usr/bin/env node
'use strict';
// Runs the simulator as its own process:
// node test/simulator/cli.js [--port 4010] [--key KEY] [--admin-key KEY] [--host 127.0.0.1] [--latency ms] [--settings JSON]
// --settings takes any startSimulator() settings as JSON, e.g. '{"dlr":{"style":"json","getDlrStyle":"legacy"}}'.
const { startSimulator } = require('./index');

const OPTIONS = ['port', 'key', 'admin-key', 'host', 'latency', 'settings'];

/** Reads `--name value` / `--name=value` options from argv. */
function readArgs(argv) {
	const args = {};
	for (let i = 0; i < argv.length; i++) {
		const match = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
		if (!match) throw new Error(`unexpected argument ${argv[i]}`);
		if (!OPTIONS.includes(match[1])) throw new Error(`unknown option --${match[1]} (use ${OPTIONS.map((o) => `--${o}`).join(', ')})`);
		args[match[1]] = match[2] !== undefined ? match[2] : argv[++i];
		if (args[match[1]] === undefined) throw new Error(`--${match[1]} needs a value`);
	}
	return args;
}

function readSettings(text) {
	if (text === undefined) return {};
	let settings;
	try {
		settings = JSON.parse(text);
	} catch (error) {
		throw new Error(`--settings is not JSON: ${error.message}`);
	}
	if (!settings || typeof settings !== 'object' || Array.isArray(settings)) throw new Error('--settings must be a JSON object');
	return settings;
}

/** Starts a simulator from CLI-style arguments and closes it on SIGINT/SIGTERM. */
async function runFromArgs(argv, defaults) {
	const args = readArgs(argv);
	const port = Number(args.port ?? defaults.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${args.port}`);
	const settings = readSettings(args.settings);
	const sim = await startSimulator({
		...settings,
		port,
		host: args.host ?? '127.0.0.1',
		apiKey: args.key ?? defaults.key,
		adminKey: args['admin-key'] ?? settings.adminKey,
		latencyMs: args.latency !== undefined ? Number(args.latency) : (settings.latencyMs ?? 0),
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
			process.stdout.write(`SIMULATOR_URL=${sim.baseUrl}\nSIMULATOR_KEY=${sim.apiKey}\nSIMULATOR_ADMIN_KEY=${sim.adminKey}\n`);
		})
		.catch((error) => {
			process.stderr.write(`simulator: ${error.message}\n`);
			process.exit(1);
		});
}

module.exports = { runFromArgs };
