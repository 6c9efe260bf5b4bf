'use strict';
/**
 * Section 4: delivery-report webhooks in real n8n (`n8n start`, production URLs, loopback only).
 * Our SMS Handover Trigger and n8n's Webhook node (POST, respond on received) get the same JSON
 * report, the same number of requests and the same client concurrency from autocannon, in
 * alternating rounds; n8n is let to finish the executions of one round before the next starts.
 * Then one POST carrying many reports must make exactly one execution with that many items.
 */
const path = require('path');
const autocannon = require('autocannon');
const h = require('../../test/e2e/lib');
const { dlrReport } = require('./workload');
const { median } = require('./format');

const OURS = { workflowId: 'benchTriggerOurs', webhookId: '5b2d9c1e-6a47-4f0e-9d3b-b3e1c0de0001' };
const BULK = { workflowId: 'benchTriggerBulk', webhookId: '5b2d9c1e-6a47-4f0e-9d3b-b3e1c0de0002' };
// n8n's Webhook node as a user adds it today (v2), and at typeVersion 1 like our trigger: n8n
// treats trigger nodes of typeVersion 1 differently (it evaluates a legacy `binaryData` option
// expression for every request), so v1 shows what n8n itself costs on the same code path.
const WEBHOOK = { workflowId: 'benchWebhookNode', webhookId: '5b2d9c1e-6a47-4f0e-9d3b-b3e1c0de0003', path: 'bench-dlr-webhook' };
const WEBHOOK_V1 = { workflowId: 'benchWebhookNdV1', webhookId: '5b2d9c1e-6a47-4f0e-9d3b-b3e1c0de0004', path: 'bench-dlr-webhook-v1' };

function webhookWorkflow(ids, typeVersion, name) {
	return h.linearWorkflow(ids.workflowId, name, [
		{
			name: 'Webhook',
			type: h.NODE_TYPES.webhook,
			typeVersion,
			webhookId: ids.webhookId,
			parameters: { httpMethod: 'POST', path: ids.path, responseMode: 'onReceived', options: {} },
		},
	]);
}

/** Our trigger at the typeVersion a user gets when adding it today (the built node's default). */
function ourTriggerVersion(packageDir) {
	const { SmsHandoverTrigger } = require(path.join(packageDir, 'dist/nodes/SmsHandover/SmsHandoverTrigger.node.js'));
	const { version, defaultVersion } = new SmsHandoverTrigger().description;
	return defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version);
}

function ourTriggerWorkflow(ids, name, typeVersion) {
	const wf = h.triggerWorkflow(ids.workflowId, name, { webhookId: ids.webhookId });
	wf.nodes[0].typeVersion = typeVersion;
	return wf;
}

function workflows(typeVersion) {
	return {
		ours: ourTriggerWorkflow(OURS, 'bench: SMS Handover Trigger', typeVersion),
		bulk: ourTriggerWorkflow(BULK, 'bench: SMS Handover Trigger, one POST of many reports', typeVersion),
		webhook: webhookWorkflow(WEBHOOK, 2, "bench: n8n's Webhook node v2"),
		webhookV1: webhookWorkflow(WEBHOOK_V1, 1, "bench: n8n's Webhook node v1"),
	};
}

function cannon(url, { amount, connections }) {
	return new Promise((resolve, reject) => {
		const started = process.hrtime.bigint();
		autocannon(
			{
				url,
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(dlrReport(1)),
				amount,
				connections,
				timeout: 30,
			},
			(error, result) => {
				if (error) return reject(error);
				const seconds = Number(process.hrtime.bigint() - started) / 1e9;
				resolve({
					amount,
					connections,
					seconds,
					ok: result['2xx'],
					non2xx: result.non2xx,
					errors: result.errors,
					timeouts: result.timeouts,
					requestsPerSecond: result['2xx'] / seconds,
					latencyP50Ms: result.latency.p50,
					latencyP99Ms: result.latency.p99,
				});
			},
		);
	});
}

/** Waits (bounded) until `count` executions of a workflow have finished; resolves how many did. */
async function waitForFinished(n8n, workflowId, count, timeoutMs = 180000) {
	const deadline = Date.now() + timeoutMs;
	let finished = 0;
	while (Date.now() < deadline) {
		const rows = await n8n.executions({ workflowId, withData: false });
		finished = rows.filter((e) => e.stoppedAt).length;
		if (finished >= count) return finished;
		await h.sleep(500);
	}
	return finished;
}

/** One POST with `count` reports → exactly one execution whose trigger output has `count` items. */
async function bulkPostCheck(n8n, count) {
	const reports = Array.from({ length: count }, (_, i) => dlrReport(i));
	const res = await fetch(n8n.webhookUrl(BULK.webhookId, 'dlr'), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(reports),
		signal: AbortSignal.timeout(60000),
	});
	const status = res.status;
	await res.arrayBuffer();
	await waitForFinished(n8n, BULK.workflowId, 1, 60000);
	await h.sleep(1500); // a second execution, if the POST made one, would show up by now
	const execs = await n8n.executions({ workflowId: BULK.workflowId });
	const items = execs.map((e) => ((e.nodes && e.nodes['SMS Handover Trigger']) || {}).items || []);
	const firstItems = items[0] || [];
	return {
		reports: count,
		status,
		executions: execs.length,
		items: firstItems.length,
		statuses: [...new Set(firstItems.map((i) => i.status))],
		ok: status === 200 && execs.length === 1 && firstItems.length === count && execs[0].status === 'success',
	};
}

async function benchVersion({ version, packed, packageDir, amount, connections, warmup, rounds, bulkReports, log }) {
	const triggerTypeVersion = ourTriggerVersion(packageDir);
	const wfs = workflows(triggerTypeVersion);
	const say = (line) => log(`  [n8n ${version}] ${line}`);
	const n8n = await h.prepareN8n({ version, packed, workflows: Object.values(wfs), log: say });
	try {
		return { triggerTypeVersion, ...(await measureOn(n8n, { version, amount, connections, warmup, rounds, bulkReports, say })) };
	} finally {
		await n8n.dispose();
	}
}

async function measureOn(n8n, { version, amount, connections, warmup, rounds, bulkReports, say }) {
	for (const id of [OURS.workflowId, BULK.workflowId, WEBHOOK.workflowId, WEBHOOK_V1.workflowId]) await n8n.activate(id);
	await n8n.start();
	const targets = {
		ours: { url: n8n.webhookUrl(OURS.webhookId, 'dlr'), workflowId: OURS.workflowId, sent: 0 },
		webhook: { url: `${n8n.baseUrl}/webhook/${WEBHOOK.path}`, workflowId: WEBHOOK.workflowId, sent: 0 },
		webhookV1: { url: `${n8n.baseUrl}/webhook/${WEBHOOK_V1.path}`, workflowId: WEBHOOK_V1.workflowId, sent: 0 },
	};
	// An empty GET is refused by our trigger (400) without an execution; 404 means not registered yet.
	await n8n.waitForWebhook(targets.ours.url);
	await n8n.waitForWebhook(n8n.webhookUrl(BULK.webhookId, 'dlr'));
	for (const name of ['webhook', 'webhookV1']) {
		await n8n.waitForWebhook(targets[name].url, { method: 'POST' });
		targets[name].sent += 1; // that probe started one execution
	}
	const names = Object.keys(targets);

	const fire = async (name, count) => {
		const t = targets[name];
		const r = await cannon(t.url, { amount: count, connections });
		t.sent += r.ok;
		const finished = await waitForFinished(n8n, t.workflowId, t.sent);
		if (finished < t.sent) say(`${name}: only ${finished} of ${t.sent} executions finished in time`);
		return { ...r, executionsFinished: finished, executionsExpected: t.sent };
	};

	say(`warm-up: ${warmup} requests to each`);
	for (const name of names) await fire(name, warmup);
	const runs = Object.fromEntries(names.map((name) => [name, []]));
	for (let round = 0; round < rounds; round++) {
		// Rotating the order spreads any drift of the machine over all targets.
		const order = names.map((_, i) => names[(i + round) % names.length]);
		for (const name of order) {
			const r = await fire(name, amount);
			say(`round ${round + 1} ${name}: ${r.requestsPerSecond.toFixed(0)} req/s (${r.ok} × 2xx, ${r.non2xx} other, ${r.errors} errors, p99 ${r.latencyP99Ms} ms)`);
			runs[name].push(r);
		}
	}
	const bulk = await bulkPostCheck(n8n, bulkReports);
	say(`one POST of ${bulkReports} reports: HTTP ${bulk.status}, ${bulk.executions} execution(s), ${bulk.items} items`);

	const rps = (name) => median(runs[name].map((r) => r.requestsPerSecond));
	const summary = (name) => ({
		requestsPerSecond: rps(name),
		latencyP50Ms: median(runs[name].map((r) => r.latencyP50Ms)),
		latencyP99Ms: median(runs[name].map((r) => r.latencyP99Ms)),
		failures: runs[name].reduce((sum, r) => sum + r.non2xx + r.errors, 0),
		runs: runs[name],
	});
	return {
		version,
		amount,
		connections,
		rounds,
		ours: summary('ours'),
		webhook: summary('webhook'),
		webhookV1: summary('webhookV1'),
		ratio: rps('ours') / rps('webhook'),
		ratioSameTypeVersion: rps('ours') / rps('webhookV1'),
		target: 0.95,
		bulk,
	};
}

module.exports = { benchVersion, workflows, ourTriggerVersion };
