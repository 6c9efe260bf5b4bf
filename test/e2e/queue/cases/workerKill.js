'use strict';
// Case 5: the worker running a sendBulk execution is killed (SIGKILL to its process group, as an
// OOM kill would) between two batches' requests; a second worker starts. Counted at the simulator:
// no batch may arrive twice.
//
// n8n's code: a job whose worker died is "stalled" once its Redis lock expires; Bull moves it
// back to the queue if it stalled no more than maxStalledCount times, otherwise fails it. The
// worker that picks it up again re-runs the execution from its stored start (the job processor
// only skips executions marked "crashed", and nothing marks them so in between).
//  - n8n 1.123: QUEUE_WORKER_MAX_STALLED_COUNT defaults to 1 → the whole workflow runs again.
//    QUEUE_WORKER_MAX_STALLED_COUNT=0 fails the job instead.
//  - n8n 2.41: maxStalledCount is forced to 0 (the variable was removed) → never re-run.
// The package's own guard (nodes/SmsHandover/actions/sms/rerunGuard.ts) makes sendBulk refuse a
// run that n8n repeats inside the same execution, so even 1.123's default re-run sends nothing again.
//
// Timing: locks of 10 s (renewed every 2.5 s) and a stalled check every 3 s on both workers make
// n8n notice the dead worker within seconds instead of the defaults' 60-90 s; nothing else changes.
const crypto = require('crypto');
const { assert } = require('../../lib/checks');
const { formatMs, sleep } = require('../../lib/proc');
const { WF } = require('../workflows');
const { postJson, simRequests } = require('./util');

const FAST_STALL_DETECTION = {
	QUEUE_WORKER_LOCK_DURATION: '10000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '2500',
	QUEUE_WORKER_STALLED_INTERVAL: '3000',
};
const RECIPIENTS = 200; // batches of 20 → 10 POSTs
const BATCHES = 10;
const LATENCY_MS = 1500;
const KILL_AFTER_SENDS = 3;
/** What the re-run guard's error says (its exact wording lives in rerunGuard.ts). */
const GUARD_ERROR = /already submitted/i;

const SCENARIOS = {
	'2.41.1': [{ key: 'default', what: 'n8n 2.41 defaults (maxStalledCount forced to 0)', env: {}, rerun: false }],
	'1.123.79': [
		{ key: 'default', what: 'n8n 1.123 defaults (QUEUE_WORKER_MAX_STALLED_COUNT=1: n8n re-runs the execution)', env: {}, rerun: true },
		{ key: 'stalled0', what: 'n8n 1.123 with QUEUE_WORKER_MAX_STALLED_COUNT=0', env: { QUEUE_WORKER_MAX_STALLED_COUNT: '0' }, rerun: false },
	],
};

async function waitFor(what, fn, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${formatMs(timeoutMs)} waiting for ${what}`);
		await sleep(200);
	}
}

async function runScenario({ stack, prefix, scenario, index }) {
	const { sim } = stack;
	const env = { ...FAST_STALL_DETECTION, ...scenario.env };
	// Only worker A may take the job: stop the workers that run now.
	for (const [name, p] of Object.entries(stack.processes)) if (p.role === 'worker') await stack.stopProcess(name);
	const a = `worker-kill${index}-a`;
	const b = `worker-kill${index}-b`;
	await stack.start([{ name: a, role: 'worker', env }]);
	await sim.reset();
	await sim.configure({ latencyMs: LATENCY_MS });
	const afterId = await stack.lastExecutionId();
	const answer = await postJson(stack.url('webhook1', WF.bulkKill), { count: RECIPIENTS });
	assert.equal(answer.status, 200, `webhook1 answered ${answer.status} ${answer.text}`);
	await waitFor(`${KILL_AFTER_SENDS} batches at the simulator`, async () => (await simRequests(sim, 'send')).length >= KILL_AFTER_SENDS, 120000);
	await stack.stopProcess(a, { kill: true });
	const killedAt = Date.now();
	const atKill = (await simRequests(sim, 'send')).length;
	const [execution] = await stack.executions(WF.bulkKill.id, { afterId });
	assert.ok(execution, 'no execution for the bulk');
	assert.equal(execution.status, 'running', `execution ${execution.id} at the kill: ${execution.status}`);

	await stack.start([{ name: b, role: 'worker', env }]);
	const final = await waitFor(
		`execution ${execution.id} to end`,
		async () => {
			const [row] = await stack.executions(WF.bulkKill.id, { afterId });
			return row && !['new', 'running'].includes(row.status) ? row : null;
		},
		180000,
	);
	const endedMs = Date.now() - killedAt;
	await sleep(3000); // a late request would show up here
	await sim.configure({ latencyMs: 0 });
	const sends = await simRequests(sim, 'send');
	const balances = await simRequests(sim, 'balance');
	const [withData] = await stack.executions(WF.bulkKill.id, { afterId, withData: true });
	const who = stack.whoHandled(execution.id);
	// Send Bulk's guard record: n8n stores md5(base64) of "<execution id>:<run index>" in processed_data.
	const guardKey = crypto.createHash('md5').update(`${execution.id}:0`).digest('base64');
	const records = await stack.db.query(`SELECT value FROM processed_data WHERE "workflowId" = $1`, [WF.bulkKill.id]);
	const result = {
		scenario: scenario.key,
		execution: execution.id,
		sendsAtKill: atKill,
		sendsTotal: sends.length,
		distinctBatches: new Set(sends.map((r) => r.form.bulk_campaigm)).size,
		balanceRequests: balances.length,
		startedBy: who.startedBy,
		status: final.status,
		error: withData.error || (withData.nodes['SMS Handover'] && withData.nodes['SMS Handover'].error) || null,
		killToEndMs: endedMs,
		guardRecorded: records.some((r) => (typeof r.value === 'string' ? JSON.parse(r.value) : r.value).data.includes(guardKey)),
	};
	console.log(`MEASURE ${prefix} worker kill, ${scenario.what}: ${JSON.stringify(result)}`);
	return result;
}

async function runWorkerKillCase({ stack, runner, prefix }) {
	const results = [];
	const scenarios = SCENARIOS[stack.version] || [];
	for (const [index, scenario] of scenarios.entries()) {
		await runner.check(`${prefix} 5${'abc'[index]}. worker SIGKILLed mid-sendBulk, second worker started, ${scenario.what}: no batch sent twice`, async () => {
			const r = await runScenario({ stack, prefix, scenario, index });
			results.push(r);
			assert.ok(r.sendsAtKill >= KILL_AFTER_SENDS && r.sendsAtKill < BATCHES, `the kill did not land mid-run: ${r.sendsAtKill} of ${BATCHES} batches sent`);
			assert.equal(r.distinctBatches, r.sendsTotal, `a batch was sent twice: ${r.sendsTotal} requests, ${r.distinctBatches} distinct`);
			assert.equal(r.sendsTotal, r.sendsAtKill, `requests after the kill: ${r.sendsTotal - r.sendsAtKill}`);
			assert.notEqual(r.status, 'success', 'an interrupted bulk must not end as success');
			assert.ok(r.guardRecorded, `Send Bulk's guard did not record execution ${r.execution} in processed_data`);
			const aName = `worker-kill${index}-a`;
			const bName = `worker-kill${index}-b`;
			if (scenario.rerun) {
				// n8n ran the execution again (the unguarded balance request before the bulk repeats) and sendBulk refused.
				assert.deepEqual(r.startedBy, [aName, bName], `workers that started execution ${r.execution}`);
				assert.equal(r.balanceRequests, 2, 'the re-run should repeat the balance request before the bulk');
				assert.match(String(r.error), GUARD_ERROR, `the re-run should stop at sendBulk's guard, error: ${r.error}`);
			} else {
				assert.deepEqual(r.startedBy, [aName], `workers that started execution ${r.execution}: not re-run`);
				assert.equal(r.balanceRequests, 1, 'not re-run: one balance request');
			}
		});
	}
	return results;
}

module.exports = { runWorkerKillCase, SCENARIOS };
