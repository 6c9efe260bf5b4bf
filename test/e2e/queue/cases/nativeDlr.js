'use strict';
// Case 1: the panel pushes a delivery report in its native shape to a webhook process; the
// trigger's webhook() runs there, the execution is queued and a worker (not the main) runs it.
const { assert, assertFields } = require('../../lib/checks');
const { WF } = require('../workflows');
const { postJson, assertRunByWorker } = require('./util');

/** The provider panel's own push (one report per `dlr` entry), as the brief gives it. */
const NATIVE_REPORT = {
	sms_shoot_id: 'Q1NATIVE00000001',
	mobile: 919812345678,
	sms_sent_time: '2026-11-30 10:20:31',
	sender_id: 'SMSHND',
	credits_charged: 1,
	dlr: [
		{
			message_id: 'Q1MSG000000000000001',
			mobile: 919812345678,
			dlr: 'DELIVERED',
			operator_reply: 'DELIVRD',
			sms_delivery_time: '2026-11-30 10:20:36',
		},
	],
	post_attempt: 1,
	route_data: { id: 1, title: 'Transactional' },
};

/**
 * THE one assertion on how the trigger reads the native shape (the trigger's parser is being
 * changed on another branch; if this fails and the rest of the case passes, it is that parser).
 */
function assertNativeReportItems(items, report) {
	assert.equal(items.length, report.dlr.length, `trigger items: expected ${report.dlr.length}, got ${JSON.stringify(items)}`);
	items.forEach((item, i) => {
		assertFields(item, { shootId: report.sms_shoot_id, status: 'delivered' }, `item ${i}`);
		assert.equal(String(item.mobile), String(report.dlr[i].mobile), `item ${i}.mobile: got ${JSON.stringify(item.mobile)}`);
	});
}

async function runNativeDlrCase({ stack, runner, prefix }) {
	let execution;
	await runner.check(`${prefix} 1. native delivery-report push to webhook2 → execution queued by webhook2, run by a worker, status success`, async () => {
		const afterId = await stack.lastExecutionId();
		const answer = await postJson(stack.url('webhook2', WF.nativeDlr), NATIVE_REPORT);
		assert.equal(answer.status, 200, `webhook2 answered ${answer.status} ${answer.text}`);
		const rows = await stack.waitForExecutions(WF.nativeDlr.id, 1, { afterId, settleMs: 1000 });
		assert.equal(rows.length, 1, `executions: ${JSON.stringify(rows.map((r) => [r.id, r.status]))}`);
		execution = rows[0];
		assertFields(execution, { mode: 'webhook', status: 'success' }, `execution ${execution.id}`);
		await assertRunByWorker(stack, execution.id, 'webhook2');
	});
	await runner.check(`${prefix} 1. native push: trigger item has shootId = sms_shoot_id, mobile, status delivered (read from execution_data)`, async () => {
		assert.ok(execution, 'no execution to read (previous check failed)');
		assertNativeReportItems(execution.nodes['SMS Handover Trigger'].items, NATIVE_REPORT);
	});
}

module.exports = { runNativeDlrCase, NATIVE_REPORT, assertNativeReportItems };
