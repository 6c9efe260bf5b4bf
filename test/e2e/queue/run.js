#!/usr/bin/env node
'use strict';
// `npm run test:e2e:queue`: the package in n8n's queue mode — Postgres, Redis, n8n main, a
// worker and two webhook processes on this machine — for n8n 2.41.1 (Node 24) and 1.123.79
// (Node 20). Reuses the e2e suite's cached n8n installs and helpers (test/e2e/lib).
//   QUEUE_VERSIONS=2.41.1            one version (default: 2.41.1,1.123.79)
//   QUEUE_CASES=1,4                  some cases only (default: 1,2,3,4,5)
//   QUEUE_BULK_COUNT=100000          items of case 2
//   QUEUE_DEDUP_RACES=5              rounds of simultaneous pushes measured in case 4c
//   E2E_KEEP=1                       keep the temp folder (logs of every process, DB files)
// Prints PASS/FAIL per check, MEASURE lines with figures, per-part timings, and ends with
// "N passed, N failed"; exits 1 on any failure. Everything it starts is stopped at the end,
// on failures and on Ctrl-C too.
const h = require('../lib');
const { CheckRunner } = require('../lib/checks');
const services = require('./services');
const { QueueStack } = require('./stack');
const { WF, queueWorkflows } = require('./workflows');
const { runNativeDlrCase } = require('./cases/nativeDlr');
const { runBulkCase } = require('./cases/bulk');
const { runSendAndWaitCase } = require('./cases/sendAndWait');
const { runDedupCase } = require('./cases/dedup');
const { runWorkerKillCase } = require('./cases/workerKill');

const DEFAULT_VERSIONS = ['2.41.1', '1.123.79'];
const log = (line) => console.log(`[queue] ${line}`);

const stacks = new Set();
h.installSignalCleanup(async (signal) => {
	log(`${signal}: stopping everything`);
	for (const stack of stacks) await stack.dispose().catch(() => {});
});

function selected(envValue, all) {
	return envValue ? envValue.split(',').map((v) => v.trim()).filter(Boolean) : all;
}

async function timed(parts, label, fn) {
	const started = Date.now();
	try {
		return await fn();
	} finally {
		parts.push([label, Date.now() - started]);
	}
}

async function runVersion(version, { packed, runner, cases, bulkCount, races }) {
	const prefix = `[queue ${version}]`;
	const parts = [];
	const started = Date.now();
	const stack = new QueueStack({ version, log: (line) => log(`${prefix} ${line}`) });
	stacks.add(stack);
	const figures = { version };
	let phase = 'start Postgres, Redis, simulator';
	try {
		await stack.startServices({ packed });
		parts.push(['n8n cache check', stack.timings.ensureN8n], ['postgres + redis + simulator', stack.timings.services]);
		const cred = h.credential({ id: 'smsHandoverQueue', apiKey: stack.sim.apiKey, baseUrl: stack.sim.baseUrl });
		const workflows = queueWorkflows(cred);
		const ids = Object.values(workflows).map((w) => w.id);
		phase = 'import and activate';
		await stack.importAndActivate({ credentials: [cred], workflows: Object.values(workflows), activate: ids });
		parts.push(['import (runs the migrations)', stack.timings.import], [`activate ${ids.length} workflows`, stack.timings.activate]);
		phase = 'start main, worker, 2 webhook processes';
		await timed(parts, 'start main + worker + 2 webhook processes', async () => {
			await stack.start([
				{ name: 'main', role: 'main' },
				{ name: 'worker-1', role: 'worker' },
				{ name: 'webhook1', role: 'webhook' },
				{ name: 'webhook2', role: 'webhook' },
			]);
			await stack.waitForWebhooks(ids, [stack.url('webhook1', WF.nativeDlr), stack.url('webhook2', WF.nativeDlr)]);
		});
		phase = 'cases';
		const ctx = { stack, runner, prefix };
		if (cases.includes('1')) await timed(parts, 'case 1 native DLR push', () => runNativeDlrCase(ctx));
		if (cases.includes('3')) await timed(parts, 'case 3 send and wait', () => runSendAndWaitCase(ctx));
		if (cases.includes('4')) figures.dedup = await timed(parts, 'case 4 deduplication', () => runDedupCase({ ...ctx, races }));
		if (cases.includes('2')) figures.bulk = await timed(parts, `case 2 bulk ${bulkCount}`, () => runBulkCase({ ...ctx, count: bulkCount }));
		if (cases.includes('5')) figures.kill = await timed(parts, 'case 5 worker kill', () => runWorkerKillCase(ctx));
	} catch (error) {
		runner.skip(`${prefix} ${phase}`, error.stack || error.message);
	} finally {
		await stack.dispose();
		stacks.delete(stack);
		parts.push(['stop everything', stack.timings.stop || 0]);
		log(`timing n8n ${version}: ${h.formatMs(Date.now() - started)} (${parts.map(([l, ms]) => `${l} ${h.formatMs(ms || 0)}`).join(', ')})`);
	}
	return figures;
}

async function main() {
	const started = Date.now();
	const versions = selected(process.env.QUEUE_VERSIONS, DEFAULT_VERSIONS).map((v) => h.versionSpec(v).version);
	const cases = selected(process.env.QUEUE_CASES, ['1', '2', '3', '4', '5']);
	const bulkCount = Number(process.env.QUEUE_BULK_COUNT) || 100000;
	const races = Number(process.env.QUEUE_DEDUP_RACES) || 5;
	const runner = new CheckRunner();
	log(`n8n versions: ${versions.join(', ')}; cases ${cases.join(',')}; cache ${h.cacheRoot()}`);
	let packed;
	const pre = [];
	await runner.check('[queue] Postgres and redis-server present (installed with apt when missing)', async () => {
		const r = await timed(pre, 'apt install', () => services.ensureServicePackages({ log }));
		if (!r.installed.length) pre.pop();
	});
	await runner.check('[queue] npm run build + npm pack', async () => {
		packed = await timed(pre, 'build + pack', () => h.buildAndPack({ log }));
	});
	if (packed && runner.failed === 0) {
		for (const version of versions) await runVersion(version, { packed, runner, cases, bulkCount, races });
	}
	log(`timing: ${pre.map(([l, ms]) => `${l} ${h.formatMs(ms)}`).join(', ')}; total ${h.formatMs(Date.now() - started)}`);
	console.log(runner.summary());
	process.exitCode = runner.failed ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	console.log('0 passed, 1 failed');
	process.exit(1);
});
