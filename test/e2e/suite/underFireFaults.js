'use strict';
// Under fire, in real n8n: a representative subset of the fault matrix
// (test/integration/faultMatrix.ts) through `n8n execute`, against a simulator process of its own
// whose API key is a canary. Each cell checks what the simulator received, the items or node
// error n8n recorded, and that the canary appears nowhere: not in `n8n execute`'s output (run at
// debug log level), not in the executions n8n stored, not in the bytes of database.sqlite.
const fs = require('fs');
const { assert, assertFields } = require('../lib/checks');
const { actionNode, credential, itemsNode, manualWorkflow } = require('../lib/workflows');
const { startSimulatorProcess } = require('../lib/simulator');
const { SENDER, MOBILE_A, MOBILE_B } = require('./actionWorkflows');

const CANARY_KEY = 'CANARY-KEY-e2e-4d1f9b7a-must-never-leak';
const MAY_HAVE_GONE_OUT = /The messages may or may not have been submitted/;
const LABEL = 'under fire: fault cells in n8n execute (send on 503, balance on 503 or reset then OK, verify on reset, sendBulk on hang)';
const SCAN_LABEL = 'under fire: the canary API key is nowhere in database.sqlite or the n8n server log';

/** Starts the canary simulator; returns it with the credential and workflows to import. */
async function prepareFaults() {
	const sim = await startSimulatorProcess({ key: CANARY_KEY });
	const cred = credential({ id: 'smsHandoverCnry1', name: 'SMS Handover (canary)', apiKey: CANARY_KEY, baseUrl: sim.baseUrl });
	const onError = { onError: 'continueRegularOutput' };
	const workflows = {
		send503: manualWorkflow('e2eFaultSend503A', 'e2e under fire: send on 503', [
			actionNode('SMS Handover', { resource: 'sms', operation: 'send', senderId: SENDER, contacts: MOBILE_A, message: 'Under fire', options: { timeout: 2000 } }, cred),
		]),
		balance: manualWorkflow('e2eFaultBalance1', 'e2e under fire: balance on 503, then OK', [
			actionNode('SMS Handover', { resource: 'account', operation: 'getBalance', options: { timeout: 3000 } }, cred),
		]),
		balanceReset: manualWorkflow('e2eFaultBalRst01', 'e2e under fire: balance on reset, then OK', [
			actionNode('SMS Handover', { resource: 'account', operation: 'getBalance', options: { timeout: 3000 } }, cred),
		]),
		verifyReset: manualWorkflow('e2eFaultVerifyRs', 'e2e under fire: verify on reset', [
			itemsNode('Items', [{ reference: 'REFE2E0000000001A' }, { reference: 'REFE2E0000000002B' }]),
			actionNode('SMS Handover', { resource: 'otp', operation: 'verify', reference: '={{ $json.reference }}', otp: '123456', options: { timeout: 2000 } }, cred, onError),
		]),
		bulkHang: manualWorkflow('e2eFaultBulkHang', 'e2e under fire: sendBulk on hang', [
			itemsNode('Recipients', [{ mobile: MOBILE_A }, { mobile: MOBILE_B }]),
			actionNode('SMS Handover', { resource: 'sms', operation: 'sendBulk', senderId: SENDER, mobile: '={{ $json.mobile }}', message: 'Hi', options: { timeout: 1000 } }, cred, onError),
		]),
	};
	return { sim, credential: cred, workflows };
}

/**
 * A node's run in the execution n8n stored: its error (with description) and its items with
 * pairedItem. Read from the database: a failed `n8n execute` prints its run only as colored log lines.
 */
function nodeRun(stored, name) {
	const task = stored.data.resultData.runData[name] && stored.data.resultData.runData[name][0];
	assert.ok(task, `no run data for "${name}" in execution ${stored.id}`);
	return { error: task.error || null, items: (task.data && task.data.main && task.data.main[0]) || [] };
}

const CELLS = [
	{
		key: 'send503',
		fail: { endpoint: 'send', mode: 'http503' },
		verify(stored, requests) {
			assert.deepStrictEqual(requests.map((r) => r.endpoint), ['send'], 'one send, never retried');
			const { error } = nodeRun(stored, 'SMS Handover');
			assert.ok(error, 'the node failed');
			assert.equal(error.message, 'SMS Handover is unavailable (HTTP 503)');
			assert.match(String(error.description), MAY_HAVE_GONE_OUT);
		},
	},
	// A read is asked again after a 503 and after a lost connection (n8n 1.x hides the latter's code).
	...[
		['balance', 'http503'],
		['balanceReset', 'reset'],
	].map(([key, mode]) => ({
		key,
		fail: { endpoint: 'balance', mode },
		async verify(stored, requests, sim) {
			assert.deepStrictEqual(requests.map((r) => r.endpoint), ['balance', 'balance'], 'the read is asked again once');
			const { error, items } = nodeRun(stored, 'SMS Handover');
			assert.equal(error, null, `node error ${error && error.message}`);
			const routes = await sim.balances();
			assert.deepStrictEqual(items.map((i) => [String(i.json.ROUTE_ID), i.json.balance]), routes.map((r) => [String(r.id), r.balance]));
		},
	})),
	{
		key: 'verifyReset',
		fail: { endpoint: 'otpVerify', mode: 'reset', count: 2 },
		verify(stored, requests) {
			assert.deepStrictEqual(requests.map((r) => r.endpoint), ['otpVerify', 'otpVerify'], 'one verify per item, never retried');
			const { items } = nodeRun(stored, 'SMS Handover');
			assert.deepStrictEqual(items.map((i) => i.pairedItem), [{ item: 0 }, { item: 1 }]);
			for (const item of items) assert.match(String(item.json.error), /^SMS Handover closed the connection before answering/);
		},
	},
	{
		key: 'bulkHang',
		fail: { endpoint: 'send', mode: 'hang' },
		verify(stored, requests) {
			assert.deepStrictEqual(requests.map((r) => r.endpoint), ['send'], 'one bulk request for both items');
			const { items } = nodeRun(stored, 'SMS Handover');
			assert.deepStrictEqual(items.map((i) => i.pairedItem), [{ item: 0 }, { item: 1 }]);
			for (const item of items) {
				assertFields(item.json, { error: 'The request for batch 1 of 1 failed: SMS Handover did not answer within 1000 ms' }, 'error item');
				assert.match(String(item.json.description), MAY_HAVE_GONE_OUT);
			}
		},
	},
];

/** The fault cells, each with n8n's CLI at debug log level. */
async function runFaultCells({ runner, n8n, faults, prefix }) {
	const { sim, workflows } = faults;
	await runner.check(`${prefix} ${LABEL}`, async () => {
		const level = n8n.extraEnv.N8N_LOG_LEVEL;
		n8n.extraEnv.N8N_LOG_LEVEL = 'debug';
		const failures = [];
		try {
			for (const cell of CELLS) {
				await sim.reset();
				await sim.fail(cell.fail);
				const result = await n8n.execute(workflows[cell.key].id);
				const requests = await sim.requests();
				try {
					const stored = await n8n.executions({ workflowId: workflows[cell.key].id });
					assert.equal(stored.length, 1, `n8n stored ${stored.length} executions: ${result.error}`);
					await cell.verify(stored[0], requests, sim);
					assert.ok(requests.every((r) => r.path.includes(CANARY_KEY) || r.query.key === CANARY_KEY || r.form.key === CANARY_KEY), 'the canary key was sent');
					assert.ok(!`${result.stdout}${result.stderr}`.includes(CANARY_KEY), 'the canary key is in n8n execute output');
					assert.ok(!JSON.stringify(stored).includes(CANARY_KEY), 'the canary key is in the stored execution');
				} catch (error) {
					failures.push(`${cell.key}: ${error.message}`);
				}
			}
		} finally {
			if (level === undefined) delete n8n.extraEnv.N8N_LOG_LEVEL;
			else n8n.extraEnv.N8N_LOG_LEVEL = level;
		}
		assert.equal(failures.length, 0, failures.join('\n'));
	});
}

/** Last: the raw database (its WAL too) and everything `n8n start` logged. */
async function runCanaryScan({ runner, n8n, prefix }) {
	await runner.check(`${prefix} ${SCAN_LABEL}`, async () => {
		for (const file of [n8n.dbFile, `${n8n.dbFile}-wal`]) {
			if (fs.existsSync(file)) assert.ok(!fs.readFileSync(file).includes(CANARY_KEY), `the canary key is in ${file}`);
		}
		const log = n8n.serverLog();
		assert.ok(log.length > 0, 'n8n start wrote no log');
		assert.ok(!log.includes(CANARY_KEY), 'the canary key is in the n8n server log');
	});
}

module.exports = { CANARY_KEY, LABELS: [LABEL, SCAN_LABEL], prepareFaults, runFaultCells, runCanaryScan };
