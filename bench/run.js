#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: measures the package in one run (so ratios hold on a noisy machine), prints
 * markdown tables, writes results.json (everything raw) and chart.svg.
 *
 *   npm run bench                              all sections, full sizes → bench/results.json, bench/chart.svg
 *   npm run bench -- --only=inprocess,send     some sections (inprocess, send, n8n, trigger)
 *   npm run bench -- --quick                   smoke run with small sizes
 *   npm run bench -- --versions=2.41.1         n8n versions for the n8n and trigger sections
 *   npm run bench -- --no-build                use the current dist/ (no npm run build)
 *   npm run bench -- --profile                 CPU profiles of the measured runs → bench/out/profiles
 *   npm run bench -- --out=DIR                 where results.json and chart.svg go
 * Quick or partial runs write to bench/out/ unless --out is given, so they never replace the
 * numbers of a full run. Everything listens and connects on 127.0.0.1 only.
 */
const fs = require('fs');
const path = require('path');
const h = require('../test/e2e/lib');
const { startSimulator } = require('../test/simulator');
const { snapshotPackage, OUT_DIR } = require('./lib/snapshot');
const { benchSendBulk, benchSendConcurrency } = require('./lib/inprocess');
const realN8n = require('./lib/realN8n');
const trigger = require('./lib/trigger');
const { machineInfo, loadAverage } = require('./lib/machine');
const { renderReport } = require('./lib/report');
const { renderChart } = require('./lib/chart');
const { summarise } = require('./lib/cpuprofile');

const SECTIONS = ['inprocess', 'send', 'n8n', 'trigger'];

const FULL = {
	inprocessSizes: [1000, 10000, 100000],
	inprocessReps: 3,
	sendCount: 1000,
	sendLatencyMs: 20,
	concurrencies: [1, 5, 10],
	n8nItems: 10000,
	n8nReps: { fieldReference: 3, expression: 2, setFixed: 2, httpRequest: 1 },
	triggerAmount: 2000,
	triggerConnections: 10,
	triggerWarmup: 200,
	triggerRounds: 2,
	bulkReports: 1000,
};

const QUICK = {
	...FULL,
	inprocessSizes: [1000, 10000],
	inprocessReps: 1,
	sendCount: 200,
	n8nItems: 1000,
	n8nReps: { fieldReference: 1, expression: 1, setFixed: 1, httpRequest: 1 },
	triggerAmount: 200,
	triggerWarmup: 20,
	triggerRounds: 1,
	bulkReports: 1000,
};

function parseArgs(argv) {
	const args = { only: SECTIONS, quick: false, build: true, profile: false, versions: h.DEFAULT_VERSIONS, out: null };
	for (const arg of argv) {
		const [key, value] = arg.replace(/^--/, '').split('=');
		if (key === 'only') args.only = value.split(',').map((s) => s.trim());
		else if (key === 'quick') args.quick = true;
		else if (key === 'no-build') args.build = false;
		else if (key === 'profile') args.profile = true;
		else if (key === 'versions') args.versions = value.split(',').map((v) => h.versionSpec(v.trim()).version);
		else if (key === 'out') args.out = path.resolve(value);
		else throw new Error(`unknown option ${arg} (see the top of bench/run.js)`);
	}
	for (const s of args.only) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s}; sections: ${SECTIONS.join(', ')}`);
	return args;
}

const log = (line) => console.log(line);

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const sizes = args.quick ? QUICK : FULL;
	const full = !args.quick && SECTIONS.every((s) => args.only.includes(s));
	const outDir = args.out || (full ? __dirname : OUT_DIR);
	const profileDir = args.profile ? path.join(OUT_DIR, 'profiles') : undefined;
	if (profileDir) fs.mkdirSync(profileDir, { recursive: true });

	const node24 = path.join(h.node24Dir(), 'bin', 'node');
	const results = {
		machine: machineInfo({ node24Bin: node24 }),
		load: { before: loadAverage() },
		quick: args.quick,
		sections: {},
		options: { ...args, sizes },
	};
	log(`bench: sections ${args.only.join(', ')}${args.quick ? ' (quick)' : ''}; n8n ${args.versions.join(', ')}`);

	const { packed, packageDir } = await snapshotPackage({ skipBuild: !args.build, log: (l) => log(`bench: ${l}`) });
	// Enough balance that no run is refused for credit; the simulator is reset between runs anyway.
	const sim = await startSimulator({ host: '127.0.0.1', apiKey: 'bench-key-0123456789', routes: [{ id: '1', name: 'Bench', balance: 1e12 }] });
	h.installSignalCleanup(() => sim.close());
	try {
		if (args.only.includes('inprocess')) {
			log(`\n[1] sendBulk in process: ${sizes.inprocessSizes.join(' / ')} items × ${sizes.inprocessReps} fresh processes`);
			results.sections.inprocess = await benchSendBulk(sim, { packageDir, sizes: sizes.inprocessSizes, reps: sizes.inprocessReps, log, profileDir });
		}
		if (args.only.includes('send')) {
			log(`\n[2] send over ${sizes.sendCount} items at ${sizes.sendLatencyMs} ms latency, concurrency ${sizes.concurrencies.join(' / ')}`);
			results.sections.send = await benchSendConcurrency(sim, {
				packageDir,
				count: sizes.sendCount,
				latencyMs: sizes.sendLatencyMs,
				concurrencies: sizes.concurrencies,
				log,
				profileDir,
			});
		}
		if (args.only.includes('n8n')) {
			results.sections.n8n = [];
			for (const version of args.versions) {
				log(`\n[3] real n8n ${version}: ${sizes.n8nItems} items`);
				results.sections.n8n.push(
					await realN8n.benchVersion({ version, packed, sim, count: sizes.n8nItems, reps: sizes.n8nReps, log, profileDir }),
				);
			}
		}
	} finally {
		await sim.close();
	}
	if (args.only.includes('trigger')) {
		results.sections.trigger = [];
		for (const version of args.versions) {
			log(`\n[4] trigger in real n8n ${version}: ${sizes.triggerAmount} POSTs, ${sizes.triggerConnections} connections`);
			results.sections.trigger.push(
				await trigger.benchVersion({
					version,
					packed,
					packageDir,
					amount: sizes.triggerAmount,
					connections: sizes.triggerConnections,
					warmup: sizes.triggerWarmup,
					rounds: sizes.triggerRounds,
					bulkReports: sizes.bulkReports,
					log,
				}),
			);
		}
	}
	results.load.after = loadAverage();
	if (profileDir) results.profiles = summariseProfiles(profileDir);

	const report = renderReport(results);
	console.log(`\n${report}\n`);
	fs.mkdirSync(outDir, { recursive: true });
	fs.writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify({ ...results, report }, null, '\t')}\n`);
	fs.writeFileSync(path.join(outDir, 'chart.svg'), renderChart(results));
	log(`bench: wrote ${path.join(outDir, 'results.json')} and ${path.join(outDir, 'chart.svg')}`);
}

function summariseProfiles(dir) {
	const out = {};
	for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
		const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		out[file] = summarise(profile, 15, { windowed: file.startsWith('n8n-') }).text;
	}
	return out;
}

main().catch((error) => {
	console.error(error && error.stack ? error.stack : error);
	process.exit(1);
});
