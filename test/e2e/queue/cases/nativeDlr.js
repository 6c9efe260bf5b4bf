'use strict';
// Case 1: the panel pushes a delivery report in its native shape to a webhook process; the
// trigger's webhook() runs there, the execution is queued and a worker (not the main) runs it.
const { assert, assertFields } = require('../../lib/checks');
const { WF } = require('../workflows');
const { nativePush } = require('../../../simulator');
const { postJson, assertRunByWorker } = require('./util');

/**
 * The panel's own push for one recipient of a 2-part SMS, both parts delivered, from the simulator's
 * builder: credits_charged 2, and three `dlr` entries (the panel lists one part more than it sends).
 */
const NATIVE_REPORT = nativePush({
	shootId: 'Q1NATIVE00000001',
	mobile: 919812345678,
	segments: 2,
	messageId: 'Q1MSG000000000000001',
	sentTime: '2026-11-30 10:20:31',
	deliveryTime: '2026-11-30 10:20:36',
});

/**
 * THE one assertion on how the trigger reads the native shape (the trigger's parser is being
 * changed on another branch; if this fails and the rest of the case passes, it is that parser):
 * one item per recipient (a native object, or each object of a batch array), never one per part,
 * with its shoot id, number, status and part count (credits_charged).
 */
function assertNativeReportItems(items, report) {
	const recipients = Array.isArray(report) ? report : [report];
	const parts = recipients.map((recipient) => recipient.dlr.length).join(' + ');
	assert.equal(items.length, recipients.length, `trigger items: expected ${recipients.length}, one per recipient (the push lists ${parts} parts), got ${JSON.stringify(items)}`);
	recipients.forEach((recipient, i) => {
		assertFields(
			items[i],
			{ shootId: recipient.sms_shoot_id, mobile: String(recipient.mobile), status: 'delivered', parts: recipient.credits_charged },
			`item ${i}`,
		);
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
	await runner.check(`${prefix} 1. native push: one trigger item for the recipient of a 2-part SMS: shootId = sms_shoot_id, mobile, status delivered, parts 2 (read from execution_data)`, async () => {
		assert.ok(execution, 'no execution to read (previous check failed)');
		assertNativeReportItems(execution.nodes['SMS Handover Trigger'].items, NATIVE_REPORT);
	});
}

module.exports = { runNativeDlrCase, NATIVE_REPORT, assertNativeReportItems };
