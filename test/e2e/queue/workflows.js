'use strict';
// Workflows of the queue-mode suite (import:workflow JSON with fixed ids and webhook ids).
const h = require('../lib');

/**
 * webhookId / path per workflow. Production URL: <process>/webhook/<webhookId>/<path> for the
 * SMS Handover Trigger, <process>/webhook/<path> for n8n's Webhook node (`ownPath`).
 */
const WF = {
	nativeDlr: { id: 'qNativeDlrPush01', webhookId: '5a1e0001-0000-4000-8000-000000000001', path: 'dlr' },
	dedupOption: { id: 'qDedupTrigOpt001', webhookId: '5a1e0002-0000-4000-8000-000000000002', path: 'dlr' },
	dedupNode: { id: 'qDedupRemoveDup1', webhookId: '5a1e0003-0000-4000-8000-000000000003', path: 'dlr' },
	bulk: { id: 'qBulkMappedItems', webhookId: '5a1e0004-0000-4000-8000-000000000004', path: 'queue-e2e-bulk', ownPath: true },
	bulkKill: { id: 'qBulkWorkerKill1', webhookId: '5a1e0005-0000-4000-8000-000000000005', path: 'queue-e2e-bulk-kill', ownPath: true },
	sendAndWait: { id: 'qSendAndWait0001', webhookId: '5a1e0006-0000-4000-8000-000000000006', path: 'queue-e2e-send-and-wait', ownPath: true },
};

/** A Webhook node (POST, answers at once; the execution is queued for a worker). */
function webhookNode(spec) {
	return {
		name: 'Webhook',
		type: h.NODE_TYPES.webhook,
		typeVersion: 2,
		webhookId: spec.webhookId,
		parameters: { httpMethod: 'POST', path: spec.path, responseMode: 'onReceived', options: {} },
	};
}

/** Code node: `body.count` recipients with distinct numbers and personal texts. */
const generateRecipients = h.codeNode(
	'Recipients',
	[
		"const n = $('Webhook').first().json.body.count;",
		'const out = new Array(n);',
		"for (let i = 0; i < n; i++) out[i] = { json: { mobile: String(919800000000 + i), text: 'Hello #' + i } };",
		'return out;',
	].join('\n'),
);

function sendBulkNode(cred, options = {}) {
	return h.actionNode(
		'SMS Handover',
		{
			resource: 'sms',
			operation: 'sendBulk',
			senderId: 'SMSHND',
			mobile: '={{ $json.mobile }}',
			message: '={{ $json.text }}',
			options,
		},
		cred,
	);
}

/**
 * The user recipe for deduplication across processes: n8n's Remove Duplicates node (v2, in
 * n8n 1.123 and 2.41 alike), "Remove Items Processed in Previous Executions", keyed on shoot id,
 * number and status. It keeps its history in n8n's database (table processed_data), which every
 * worker shares.
 */
const removeDuplicatesNode = {
	name: 'Remove Duplicates',
	type: 'n8n-nodes-base.removeDuplicates',
	typeVersion: 2,
	parameters: {
		operation: 'removeItemsSeenInPreviousExecutions',
		logic: 'removeItemsWithAlreadySeenKeyValues',
		dedupeValue: '={{ $json.shootId }}|{{ $json.mobile }}|{{ $json.messageIds.join(",") }}|{{ $json.status }}',
		options: { scope: 'node', historySize: 10000 },
	},
};

const deliveredNode = { name: 'Delivered', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };

function queueWorkflows(cred) {
	const trigger = (spec, name, extra) =>
		h.triggerWorkflow(spec.id, name, { webhookId: spec.webhookId, typeVersion: 2, ...extra });
	return {
		nativeDlr: trigger(WF.nativeDlr, 'queue: native delivery-report push', {}),
		dedupOption: trigger(WF.dedupOption, 'queue: trigger deduplicate option', { options: { deduplicate: true } }),
		dedupNode: trigger(WF.dedupNode, 'queue: trigger + Remove Duplicates', { next: [removeDuplicatesNode, deliveredNode] }),
		bulk: h.linearWorkflow(WF.bulk.id, 'queue: sendBulk of mapped items', [webhookNode(WF.bulk), generateRecipients, sendBulkNode(cred)]),
		sendAndWait: h.linearWorkflow(WF.sendAndWait.id, 'queue: send and wait for delivery (push)', [
			webhookNode(WF.sendAndWait),
			h.actionNode(
				'Send and Wait',
				{
					resource: 'sms',
					operation: 'sendAndWaitForDelivery',
					senderId: 'SMSHND',
					contacts: '={{ $json.body.mobile }}',
					message: '={{ $json.body.text }}',
					waitMethod: 'push',
					maxWaitMinutes: 10,
					options: {},
				},
				cred,
			),
			deliveredNode,
		]),
		bulkKill: h.linearWorkflow(WF.bulkKill.id, 'queue: sendBulk while the worker is killed', [
			webhookNode(WF.bulkKill),
			// Before the bulk, unguarded: when n8n re-runs the execution this request is made again.
			h.actionNode('Balance Before', { resource: 'account', operation: 'getBalance' }, cred),
			generateRecipients,
			sendBulkNode(cred, { batchSize: 20 }),
		]),
	};
}

module.exports = { WF, queueWorkflows };
