'use strict';
// Case 4: the same delivery report reaches both webhook processes (a panel retrying, two pushes
// behind a load balancer). Measured and asserted:
//  a. the trigger's own `deduplicate` option remembers per process: one execution per process;
//  b. the user recipe, n8n's Remove Duplicates node ("remove items processed in previous
//     executions", key shootId|mobile|status, history in Postgres' processed_data) after the
//     trigger: when the pushes come one after the other, the second execution ends with 0 items
//     past it, whichever process received it;
//  c. measured, not asserted: both pushes at the same instant (the node reads and writes its
//     history without a lock, and two executions run side by side on the worker).
const { assert, assertFields } = require('../../lib/checks');
const { WF } = require('../workflows');
const { postJson, assertRunByWorker } = require('./util');

function report(shootId) {
	return { sms_shoot_id: shootId, mobile: '919812345678', status: 'DELIVRD' };
}

async function push(stack, processName, spec, body) {
	const answer = await postJson(stack.url(processName, spec), body);
	assert.equal(answer.status, 200, `${processName} answered ${answer.status} ${answer.text}`);
}

async function runDedupCase({ stack, runner, prefix, races = 5 }) {
	const figures = {};
	await runner.check(`${prefix} 4a. trigger option "deduplicate": the same report 2× to webhook1 and 2× to webhook2 → 2 executions, one per process (memory is per process)`, async () => {
		const afterId = await stack.lastExecutionId();
		const body = report('Q4OPTION00000001');
		for (const processName of ['webhook1', 'webhook2', 'webhook1', 'webhook2']) await push(stack, processName, WF.dedupOption, body);
		// settle: a third execution (a repeat let through) would show up within these seconds
		const rows = await stack.waitForExecutions(WF.dedupOption.id, 2, { afterId, settleMs: 3000 });
		figures.triggerOption = { pushes: 4, executions: rows.length };
		assert.equal(rows.length, 2, `executions: ${JSON.stringify(rows.map((r) => [r.id, r.status]))}`);
		// "onReceived": the 200 comes before the execution is stored, so ids need not follow the push order.
		const receivers = [];
		for (const r of rows) receivers.push((await assertRunByWorker(stack, r.id, null)).enqueuedBy[0]);
		assert.deepEqual(receivers.sort(), ['webhook1', 'webhook2'], 'one execution per webhook process');
		for (const r of rows) assertFields(r, { status: 'success' }, `execution ${r.id}`);
	});

	await runner.check(`${prefix} 4b. Remove Duplicates after the trigger: report to webhook1, then the same to webhook2 → 2nd execution has 0 items past Remove Duplicates (history in Postgres)`, async () => {
		const afterId = await stack.lastExecutionId();
		const body = report('Q4REMOVE00000001');
		await push(stack, 'webhook1', WF.dedupNode, body);
		const [first] = await stack.waitForExecutions(WF.dedupNode.id, 1, { afterId });
		await push(stack, 'webhook2', WF.dedupNode, body);
		const rows = await stack.waitForExecutions(WF.dedupNode.id, 2, { afterId, settleMs: 1000 });
		assert.equal(rows.length, 2, `executions: ${JSON.stringify(rows.map((r) => [r.id, r.status]))}`);
		const second = rows[1];
		assert.equal(rows[0].id, first.id);
		await assertRunByWorker(stack, first.id, 'webhook1');
		await assertRunByWorker(stack, second.id, 'webhook2');
		for (const r of rows) assertFields(r, { status: 'success' }, `execution ${r.id}`);
		const passed = (r) => (r.nodes['Remove Duplicates'] ? r.nodes['Remove Duplicates'].items : null);
		assert.equal(first.nodes['SMS Handover Trigger'].items.length, 1);
		assertFields(passed(first)[0], { shootId: 'Q4REMOVE00000001', mobile: '919812345678', status: 'delivered' }, 'first execution, item past Remove Duplicates');
		assert.equal(first.nodes.Delivered.items.length, 1, 'first execution: Delivered got the report');
		assert.equal(second.nodes['SMS Handover Trigger'].items.length, 1, 'second execution: the trigger still emitted the report');
		assert.deepEqual(passed(second), [], `second execution: items past Remove Duplicates ${JSON.stringify(passed(second))}`);
		assert.ok(!second.nodes.Delivered || second.nodes.Delivered.items.length === 0, 'second execution: Delivered must get nothing');
		const history = await stack.db.query(`SELECT context, value FROM processed_data WHERE "workflowId" = $1`, [WF.dedupNode.id]);
		assert.equal(history.length, 1, `processed_data rows: ${JSON.stringify(history)}`);
		figures.removeDuplicatesSequential = { pushes: 2, executions: rows.length, itemsPast: [passed(first).length, passed(second).length] };
	});

	await runner.check(`${prefix} 4c. measure: the same report to webhook1 and webhook2 at the same instant, ${races} times (Remove Duplicates has no lock)`, async () => {
		const outcomes = [];
		for (let round = 0; round < races; round++) {
			const afterId = await stack.lastExecutionId();
			const body = report(`Q4RACE${String(round).padStart(10, '0')}`);
			await Promise.all(['webhook1', 'webhook2'].map((p) => push(stack, p, WF.dedupNode, body)));
			const rows = await stack.waitForExecutions(WF.dedupNode.id, 2, { afterId, settleMs: 500 });
			outcomes.push({
				statuses: rows.map((r) => r.status),
				past: rows.map((r) => (r.nodes['Remove Duplicates'] ? r.nodes['Remove Duplicates'].items.length : null)),
				errors: rows.map((r) => r.error).filter(Boolean),
			});
		}
		const through = (o) => o.past.reduce((a, b) => a + (b || 0), 0);
		figures.race = {
			rounds: races,
			passedOnce: outcomes.filter((o) => through(o) === 1 && !o.errors.length).length,
			passedTwice: outcomes.filter((o) => through(o) === 2).length,
			errored: outcomes.filter((o) => o.errors.length).length,
			errors: [...new Set(outcomes.flatMap((o) => o.errors))],
		};
		console.log(`MEASURE ${prefix} simultaneous pushes: ${JSON.stringify(figures.race)}`);
		// The delivery itself is never lost: every round ran two executions and at least one let it through or failed visibly.
		for (const o of outcomes) assert.ok(through(o) >= 1 || o.errors.length, `a round lost the report: ${JSON.stringify(o)}`);
	});
	return figures;
}

module.exports = { runDedupCase };
