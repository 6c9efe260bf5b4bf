'use strict';
/**
 * Sections 1 and 2: our node through n8n's execution engine (n8n-core WorkflowExecute) in a
 * fresh child process per measurement, against the simulator running in this process.
 */
const path = require('path');
const h = require('../../test/e2e/lib');
const { WARMUP_SENDER } = require('./workload');
const { median } = require('./format');

const CHILD = path.join(__dirname, 'child.js');

/** Runs one child measurement; resolves its BENCH_RESULT plus the requests the simulator saw. */
async function measure(sim, job, { profileDir, timeoutMs = 10 * 60 * 1000 } = {}) {
	sim.reset();
	if (job.latencyMs) sim.setLatency(job.latencyMs);
	const profileFile = profileDir ? path.join(profileDir, `${job.operation}-${job.count}-c${job.concurrency || 0}-${Date.now()}.cpuprofile`) : undefined;
	const full = { ...job, profileFile, baseUrl: sim.baseUrl, apiKey: sim.apiKey };
	const r = await h.run(process.execPath, [CHILD, JSON.stringify(full)], { env: h.cleanEnv(), timeoutMs });
	const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
	const counted = sim.requests.filter((req) => req.endpoint === 'send' && req.form && req.form.senderid !== WARMUP_SENDER);
	const requests = counted.length;
	const bodyBytes = counted.reduce((sum, req) => sum + (req.rawBody ? Buffer.byteLength(req.rawBody) : 0), 0);
	sim.clearRequests();
	sim.reset();
	if (r.code !== 0 || !line) {
		throw new Error(`in-process run ${JSON.stringify(job)} failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}):\n${(r.stderr || r.stdout).slice(-3000)}`);
	}
	return { ...JSON.parse(line.slice('BENCH_RESULT '.length)), requests, bodyBytes, profileFile };
}

/** Section 1: sendBulk with field-reference mapping over each size, `reps` fresh processes each. */
async function benchSendBulk(sim, { packageDir, sizes, reps, log, profileDir }) {
	const rows = [];
	for (const count of sizes) {
		const runs = [];
		for (let rep = 0; rep < reps; rep++) {
			const result = await measure(sim, { packageDir, operation: 'sendBulk', count }, { profileDir });
			log(`  sendBulk ${count}: ${Math.round(result.wallMs)} ms, ${result.requests} requests, peak RSS ${Math.round(result.peakRssKb / 1024)} MB`);
			runs.push(result);
		}
		rows.push({
			count,
			runs,
			requests: runs[0].requests,
			expectedRequests: Math.ceil(count / 50000),
			complete: runs.every((r) => r.complete && r.allPaired),
			wallMs: median(runs.map((r) => r.wallMs)),
			executionTime: median(runs.map((r) => r.executionTime)),
			cpuMs: median(runs.map((r) => r.cpuMs)),
			perItemUs: (median(runs.map((r) => r.wallMs)) * 1000) / count,
			peakRssKb: Math.max(...runs.map((r) => r.peakRssKb)),
			rssBeforeKb: median(runs.map((r) => r.rssBeforeKb)),
		});
	}
	return rows;
}

/** Section 2: `send` with the simulator adding latency, per concurrency. */
async function benchSendConcurrency(sim, { packageDir, count, latencyMs, concurrencies, log }) {
	const rows = [];
	for (const concurrency of concurrencies) {
		const result = await measure(sim, { packageDir, operation: 'send', count, concurrency, latencyMs, warmup: 5 });
		const targetMs = (1.25 * count * latencyMs) / concurrency;
		const floorMs = (count * latencyMs) / concurrency;
		log(`  send ${count} at ${latencyMs} ms, concurrency ${concurrency}: ${Math.round(result.wallMs)} ms (target ≤ ${targetMs} ms)`);
		rows.push({
			concurrency,
			count,
			latencyMs,
			wallMs: result.wallMs,
			cpuMs: result.cpuMs,
			executionTime: result.executionTime,
			requests: result.requests,
			complete: result.complete && result.allPaired,
			targetMs,
			floorMs,
			overheadPerRequestMs: (result.wallMs - floorMs) / (count / concurrency),
			met: result.complete && result.wallMs <= targetMs,
		});
	}
	return rows;
}

module.exports = { measure, benchSendBulk, benchSendConcurrency };
