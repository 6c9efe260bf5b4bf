'use strict';
/**
 * One in-process measurement in a fresh Node process, so its peak memory (VmHWM) belongs to this
 * run alone. The simulator runs in the parent; this process holds only n8n's engine and our node.
 * Usage: node child.js '<json job>'; prints one line `BENCH_RESULT <json>`.
 * Job: { packageDir, baseUrl, apiKey, operation: 'sendBulk' | 'send', count, concurrency?, warmup? }
 */
const fs = require('fs');
const inspector = require('inspector');
const path = require('path');
// test/harness/engine.ts as bench/tsconfig.json compiles it (snapshot.js does, before any child runs).
const { createRunner } = require(path.join(__dirname, '..', 'out', 'harness', 'engine.js'));
const { WARMUP_SENDER, benchItems, sendBulkParameters, sendParameters } = require('./workload');

function procStatusKb(field) {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
	return match ? Number(match[1]) : null;
}

function parametersFor(job, senderId) {
	return job.operation === 'send' ? sendParameters({ senderId, concurrency: job.concurrency }) : sendBulkParameters({ senderId });
}

function summarise(result, count) {
	const errors = result.items.filter((item) => item.json.error).length;
	const shootIds = new Set(result.items.map((item) => item.json.shootId).filter(Boolean));
	return {
		outputItems: result.items.length,
		errorItems: errors,
		shootIds: shootIds.size,
		allPaired: result.items.every((item, i) => item.pairedItem && item.pairedItem.item === i),
		complete: !result.error && result.items.length === count && errors === 0,
		error: result.error ? String(result.error.message || result.error) : null,
		executionTime: result.taskData ? result.taskData.executionTime : null,
	};
}

/** With `file`, profiles only the measured run (module loading and the warm-up stay out). */
function cpuProfiler(file) {
	if (!file) return { start: async () => {}, stop: async () => {} };
	const session = new inspector.Session();
	session.connect();
	const post = (method, params) =>
		new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
	return {
		start: async () => {
			await post('Profiler.enable');
			await post('Profiler.setSamplingInterval', { interval: 200 });
			await post('Profiler.start');
		},
		stop: async () => {
			const { profile } = await post('Profiler.stop');
			fs.writeFileSync(file, JSON.stringify(profile));
			session.disconnect();
		},
	};
}

async function main() {
	const job = JSON.parse(process.argv[2]);
	const { SmsHandover } = require(path.join(job.packageDir, 'dist/nodes/SmsHandover/SmsHandover.node.js'));
	const { SmsHandoverApi } = require(path.join(job.packageDir, 'dist/credentials/SmsHandoverApi.credentials.js'));
	const runActionNode = createRunner({ nodeType: new SmsHandover(), credentialType: new SmsHandoverApi() });
	const credentials = { apiKey: job.apiKey, baseUrl: job.baseUrl, timeZone: 'Asia/Kolkata' };

	// Loads every module and warms the JIT on a small run the parent does not count.
	const warmup = await runActionNode({
		parameters: parametersFor(job, WARMUP_SENDER),
		items: benchItems(job.warmup ?? 100),
		credentials,
	});
	if (warmup.error) throw new Error(`warm-up run failed: ${warmup.error.message}`);

	const items = benchItems(job.count);
	const rssBeforeKb = procStatusKb('VmRSS');
	const profiler = cpuProfiler(job.profileFile);
	await profiler.start();
	const cpuBefore = process.cpuUsage();
	const started = process.hrtime.bigint();
	const result = await runActionNode({ parameters: parametersFor(job, 'BENCH'), items, credentials });
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	const cpu = process.cpuUsage(cpuBefore);
	await profiler.stop();
	const out = {
		count: job.count,
		wallMs,
		cpuMs: (cpu.user + cpu.system) / 1000,
		...summarise(result, job.count),
		rssBeforeKb,
		rssAfterKb: procStatusKb('VmRSS'),
		peakRssKb: procStatusKb('VmHWM'),
		node: process.version,
	};
	process.stdout.write(`BENCH_RESULT ${JSON.stringify(out)}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
