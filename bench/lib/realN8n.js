'use strict';
/**
 * Section 3: the same items from a Code node, in real n8n (the e2e harness: install-or-reuse,
 * fresh user folder, packed package, `n8n execute --rawOutput`), sent by
 *  (a) our sendBulk with field-reference mapping (fast path),
 *  (b) our sendBulk with a non-trivial message expression (n8n evaluates it per item),
 *  (c) n8n's HTTP Request node, one form POST per item, as a user without our node would.
 * Each node's `executionTime` comes from the run data.
 */
const path = require('path');
const h = require('../../test/e2e/lib');
const { FIELD_REFERENCE, SLOW_MESSAGE, benchItemsCode, sendBulkParameters } = require('./workload');
const { median } = require('./format');
const { executeToFile } = require('./execute');

const PRELOAD = path.join(__dirname, 'profile-preload.js');
const CREDENTIAL_ID = 'smsHandoverBnch1';
const ITEMS_NODE = 'Recipients';
const TIMEOUT_MS = 15 * 60 * 1000;

/** The absolute targets for Send Bulk in real n8n: 0.02 × the HTTP Request node's time for the same items, as first measured. */
const FIELD_REFERENCE_TARGET_MS = { '1.123.79': 290, '2.41.1': 450 };

function httpRequestNode(name, sim) {
	const param = (n, value) => ({ name: n, value });
	return {
		name,
		type: h.NODE_TYPES.httpRequest,
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${sim.baseUrl}/smsapi/index`,
			sendBody: true,
			contentType: 'form-urlencoded',
			specifyBody: 'keypair',
			bodyParameters: {
				parameters: [
					param('key', sim.apiKey),
					param('senderid', 'BENCH'),
					param('type', 'text'),
					param('contacts', FIELD_REFERENCE.mobile),
					param('msg', FIELD_REFERENCE.message),
				],
			},
			options: {},
		},
	};
}

function setFixedNode(name) {
	const assignment = (id, field, value) => ({ id, name: field, value, type: 'string' });
	return {
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			mode: 'manual',
			assignments: { assignments: [assignment('a1', 'status', 'queued'), assignment('a2', 'channel', 'sms')] },
			includeOtherFields: false,
			options: {},
		},
	};
}

function variants(sim, cred, count) {
	const items = () => h.codeNode(ITEMS_NODE, benchItemsCode(count));
	return [
		{
			key: 'fieldReference',
			label: 'our sendBulk, field references (fast path)',
			nodeName: 'SMS Handover',
			workflow: h.manualWorkflow('benchBulkFieldRf', 'bench: sendBulk field references', [
				items(),
				h.actionNode('SMS Handover', sendBulkParameters(), cred),
			]),
			expectedRequests: Math.ceil(count / 50000),
		},
		{
			key: 'expression',
			label: 'our sendBulk, message `{{ $json.t.toUpperCase() }}` (slow path)',
			nodeName: 'SMS Handover',
			workflow: h.manualWorkflow('benchBulkExprSlw', 'bench: sendBulk expression', [
				items(),
				h.actionNode('SMS Handover', sendBulkParameters({ message: SLOW_MESSAGE }), cred),
			]),
			expectedRequests: Math.ceil(count / 50000),
		},
		{
			// Reference: the least a node that emits these items as new items costs in
			// n8n (the engine copies every input item before a node runs; in 1.x the Code node's
			// items are vm2 proxies, which makes that copy slow).
			key: 'setFixed',
			label: "n8n's Set node, 2 fixed values (reference)",
			nodeName: 'Set',
			workflow: h.manualWorkflow('benchSetFixedRef', 'bench: Set node reference', [items(), setFixedNode('Set')]),
			expectedRequests: 0,
		},
		{
			key: 'httpRequest',
			label: "n8n's HTTP Request node, 1 POST per item",
			nodeName: 'HTTP Request',
			workflow: h.manualWorkflow('benchHttpPerItem', 'bench: HTTP Request per item', [items(), httpRequestNode('HTTP Request', sim)]),
			expectedRequests: count,
		},
	];
}

async function runOnce(n8n, sim, variant, count) {
	sim.reset();
	const result = await executeToFile(n8n, variant.workflow.id, { timeoutMs: TIMEOUT_MS });
	const requests = sim.requests.filter((r) => r.endpoint === 'send').length;
	sim.clearRequests();
	const node = result.nodes[variant.nodeName] || {};
	const items = node.items || [];
	// The HTTP Request node outputs the provider's answers; a refused send says result: error.
	const itemErrors = items.filter((i) => i && (i.error || i.result === 'error')).length;
	return {
		ok: result.ok,
		error: result.error ? String(result.error).slice(0, 2000) : null,
		executeWallMs: result.ms,
		exitCrash: result.exitCrash,
		executionTime: node.executionTime ?? null,
		itemsNodeExecutionTime: (result.nodes[ITEMS_NODE] || {}).executionTime ?? null,
		outputItems: items.length,
		itemErrors,
		requests,
		complete: result.ok && items.length === count && itemErrors === 0 && requests === variant.expectedRequests,
	};
}

/**
 * Runs every variant `reps[key]` times (interleaved, so drift hits all alike) on one n8n version.
 * Resolves { version, variants: { key: { label, runs, executionTime, executeWallMs, ... } }, ratios }.
 */
async function benchVersion({ version, packed, sim, count, reps, log, profileDir }) {
	const cred = h.credential({ id: CREDENTIAL_ID, name: 'SMS Handover (bench)', apiKey: sim.apiKey, baseUrl: sim.baseUrl });
	const list = variants(sim, cred, count);
	const n8n = await h.prepareN8n({
		version,
		packed,
		credentials: [cred],
		workflows: list.map((v) => v.workflow),
		log: (line) => log(`  [n8n ${version}] ${line}`),
		env: profileDir ? { NODE_OPTIONS: `--require ${PRELOAD}`, BENCH_PROFILE_DIR: profileDir } : {},
	});
	const runs = Object.fromEntries(list.map((v) => [v.key, []]));
	let warmup = null;
	try {
		// The first `n8n execute` after an import runs measurably slower (cold caches, first
		// database use); one untimed run of the fast workflow keeps that out of the numbers.
		warmup = await runOnce(n8n, sim, list[0], count);
		log(`  [n8n ${version}] warm-up (not counted): node ${warmup.executionTime} ms, n8n execute ${warmup.executeWallMs} ms`);
		const rounds = Math.max(...list.map((v) => reps[v.key] ?? 1));
		for (let round = 0; round < rounds; round++) {
			for (const variant of list) {
				if (round >= (reps[variant.key] ?? 1)) continue;
				const r = await runOnce(n8n, sim, variant, count);
				log(
					`  [n8n ${version}] ${variant.key}: node ${r.executionTime} ms, n8n execute ${r.executeWallMs} ms, ${r.requests} requests${r.complete ? '' : ` — INCOMPLETE: ${r.error || `${r.outputItems} items, ${r.itemErrors} errors`}`}`,
				);
				runs[variant.key].push(r);
			}
		}
	} finally {
		await n8n.dispose();
	}
	const summary = {};
	for (const variant of list) {
		const list2 = runs[variant.key];
		summary[variant.key] = {
			label: variant.label,
			runs: list2,
			executionTime: median(list2.map((r) => r.executionTime)),
			executeWallMs: median(list2.map((r) => r.executeWallMs)),
			itemsNodeExecutionTime: median(list2.map((r) => r.itemsNodeExecutionTime)),
			requests: list2[0] ? list2[0].requests : null,
			complete: list2.length > 0 && list2.every((r) => r.complete),
		};
	}
	const ratio = (a, b) => (summary[a].executionTime && summary[b].executionTime ? summary[a].executionTime / summary[b].executionTime : null);
	const targetMs = count === 10000 ? FIELD_REFERENCE_TARGET_MS[version] : null;
	return {
		version,
		count,
		warmup,
		variants: summary,
		ratios: {
			fieldReferenceVsHttp: ratio('fieldReference', 'httpRequest'),
			expressionVsHttp: ratio('expression', 'httpRequest'),
			fieldReferenceVsExpression: ratio('fieldReference', 'expression'),
			fieldReferenceVsSetFixed: ratio('fieldReference', 'setFixed'),
			wallFieldReferenceVsHttp:
				summary.fieldReference.executeWallMs && summary.httpRequest.executeWallMs
					? summary.fieldReference.executeWallMs / summary.httpRequest.executeWallMs
					: null,
		},
		targets: {
			ratioMax: 0.02,
			fieldReferenceMs: targetMs,
		},
	};
}

module.exports = { benchVersion, FIELD_REFERENCE_TARGET_MS };
