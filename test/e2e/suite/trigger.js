'use strict';
// Checks (b) and (c): `n8n start` with active SMS Handover Trigger workflows; the simulator
// pushes delivery reports to their production URLs.
const { assert, assertFields } = require('../lib/checks');
const { actionNode, manualWorkflow, triggerWorkflow } = require('../lib/workflows');
const { sleep } = require('../lib/proc');
const { testCredentialViaRest } = require('../lib/owner');
const { SENDER, MOBILE_A, MOBILE_B } = require('./actionWorkflows');

const TOKEN = 'e2e-secret-token-7f3a';
// The trigger's secret in an SMS Handover Webhook API credential (encrypted by n8n on import).
const WEBHOOK_CREDENTIAL = {
	id: 'smsHandoverWhk01',
	name: 'SMS Handover Webhook (e2e)',
	type: 'smsHandoverWebhookApi',
	data: { token: 'e2e-credential-token-9b2c' },
};
// Reports carry the panel's wall-clock time; the trigger reads it in the workflow's time zone.
const PANEL_ZONE = { timezone: 'Asia/Kolkata' };

const IDS = {
	styles: { workflowId: 'e2eTriggerStyles', webhookId: '3f0c6a52-1b7e-4c55-9a1e-5d2b7c0e0001' },
	dedup: { workflowId: 'e2eTriggerDedup1', webhookId: '3f0c6a52-1b7e-4c55-9a1e-5d2b7c0e0002' },
	loop: { workflowId: 'e2eTriggerLoop01', webhookId: '3f0c6a52-1b7e-4c55-9a1e-5d2b7c0e0003' },
	secret: { workflowId: 'e2eTriggerSecret', webhookId: '3f0c6a52-1b7e-4c55-9a1e-5d2b7c0e0004' },
	loopSend: 'e2eLoopSend00001',
};

function triggerWorkflows(cred, loopDlrUrl) {
	// Version 2 is what a user adds today; the loop keeps version 1 (workflows built before it).
	const styles = triggerWorkflow(IDS.styles.workflowId, 'e2e trigger: payload styles', {
		webhookId: IDS.styles.webhookId,
		options: { secretToken: TOKEN },
		typeVersion: 2,
	});
	const dedup = triggerWorkflow(IDS.dedup.workflowId, 'e2e trigger: deduplicate', {
		webhookId: IDS.dedup.webhookId,
		options: { secretToken: TOKEN, deduplicate: true, deduplicateWindow: 60 },
		typeVersion: 2,
	});
	const loop = triggerWorkflow(IDS.loop.workflowId, 'e2e trigger: loop', {
		webhookId: IDS.loop.webhookId,
		options: { secretToken: TOKEN },
		typeVersion: 1,
	});
	// Version 3 (what the editor adds now) with its secret in the Webhook credential.
	const secret = triggerWorkflow(IDS.secret.workflowId, 'e2e trigger: webhook credential', {
		webhookId: IDS.secret.webhookId,
		typeVersion: 3,
	});
	secret.nodes[0].credentials = { [WEBHOOK_CREDENTIAL.type]: { id: WEBHOOK_CREDENTIAL.id, name: WEBHOOK_CREDENTIAL.name } };
	for (const wf of [styles, dedup, loop, secret]) Object.assign(wf.settings, PANEL_ZONE);
	const loopSend = manualWorkflow(IDS.loopSend, 'e2e loop: send with dlrUrl', [
		actionNode(
			'SMS Handover',
			{ resource: 'sms', operation: 'send', senderId: SENDER, contacts: `${MOBILE_A},${MOBILE_B}`, message: 'Loop me', options: { dlrUrl: loopDlrUrl } },
			cred,
		),
	]);
	return { styles, dedup, loop, secret, loopSend };
}

// One push per payload style, with the field-name aliases panels use.
const STYLE_CASES = [
	{
		style: 'query',
		reports: [{ sms_shoot_id: 'shootQuery0001', mobile: MOBILE_A, status: 'DELIVRD', delivered_at: '2026-11-28 10:15:00', error_code: '000' }],
		expect: [{ shootId: 'shootQuery0001', mobile: MOBILE_A, status: 'delivered', providerStatus: 'DELIVRD', deliveredAt: '2026-11-28T04:45:00.000Z', errorCode: '000' }],
	},
	{
		style: 'form',
		reports: [{ shootid: 'shootForm00001', msisdn: MOBILE_B, dlr_status: 'UNDELIV', deliv_time: '2026-11-28 10:16:05', errorcode: '011' }],
		expect: [{ shootId: 'shootForm00001', mobile: MOBILE_B, status: 'failed', providerStatus: 'UNDELIV', deliveredAt: '2026-11-28T04:46:05.000Z', errorCode: '011' }],
	},
	{
		style: 'json',
		reports: [{ MsgId: 'shootJson00001', To: '919900112233', Status: 'EXPIRED' }],
		expect: [{ shootId: 'shootJson00001', mobile: '919900112233', status: 'expired', providerStatus: 'EXPIRED' }],
	},
	{
		style: 'jsonArray',
		reports: [
			{ sms_shoot_id: 'shootArray0001', mobile: MOBILE_A, status: 'REJECTD' },
			{ sms_shoot_id: 'shootArray0001', mobile: MOBILE_B, status: 'Absent Subscriber' },
			{ sms_shoot_id: 'shootArray0001', mobile: '919900112233', status: 'Something New' },
		],
		expect: [
			{ shootId: 'shootArray0001', mobile: MOBILE_A, status: 'rejected', providerStatus: 'REJECTD' },
			{ shootId: 'shootArray0001', mobile: MOBILE_B, status: 'failed', providerStatus: 'Absent Subscriber' },
			{ shootId: 'shootArray0001', mobile: '919900112233', status: 'unknown', providerStatus: 'Something New' },
		],
	},
];

function assertPushesAnswered(pushes, status) {
	assert.ok(pushes.length > 0, 'the simulator made no push');
	for (const p of pushes) assert.equal(p.status, status, `push ${p.method} ${p.url} answered ${p.status} ${p.error || p.responseBody}`);
}

/** Items of the trigger node in each execution. */
function triggerItems(executions) {
	return executions.map((e) => {
		assert.equal(e.status, 'success', `execution ${e.id} status ${e.status}: ${e.error}`);
		const node = e.nodes['SMS Handover Trigger'];
		assert.ok(node, `execution ${e.id} has no trigger run data`);
		return node.items;
	});
}

async function runTriggerChecks({ runner, n8n, sim, prefix }) {
	const url = (ids, token = TOKEN) => n8n.webhookUrl(ids.webhookId, 'dlr', token === null ? '' : `token=${encodeURIComponent(token)}`);

	for (const c of STYLE_CASES) {
		await runner.check(`${prefix} trigger v2: ${c.style} push → one execution with normalised items`, async () => {
			const after = await n8n.lastExecutionId();
			const pushes = await sim.pushDlr(url(IDS.styles), c.style, c.reports);
			assertPushesAnswered(pushes, 200);
			const execs = await n8n.waitForExecutions(IDS.styles.workflowId, pushes.length, { afterId: after });
			assert.equal(execs.length, pushes.length, `executions: ${execs.length}, pushes: ${pushes.length}`);
			const items = triggerItems(execs).flat();
			assert.equal(items.length, c.expect.length);
			c.expect.forEach((exp, i) => assertFields(items[i], exp, `item ${i}`));
			items.forEach((item, i) => assert.ok(item.raw && typeof item.raw === 'object', `item ${i} keeps raw`));
		});
	}

	await runner.check(`${prefix} trigger v2: wrong or missing token → 401, bad bodies → 4xx, no execution; header token accepted`, async () => {
		const after = await n8n.lastExecutionId();
		const report = [{ sms_shoot_id: 'shootToken0001', mobile: MOBILE_A, status: 'DELIVRD' }];
		assertPushesAnswered(await sim.pushDlr(url(IDS.styles, 'wrong-token'), 'json', report), 401);
		assertPushesAnswered(await sim.pushDlr(url(IDS.styles, null), 'query', report), 401);
		for (const [contentType, body] of [
			['application/json', '{"sms_shoot_id": "broken'],
			['text/plain', 'not a report'],
			['application/json', '{"hello": "world"}'],
			['text/plain', ''],
		]) {
			const res = await fetch(url(IDS.styles), { method: 'POST', headers: { 'content-type': contentType }, body });
			const reason = await res.text();
			assert.ok(res.status >= 400 && res.status < 500, `${contentType} ${JSON.stringify(body)} answered ${res.status} ${reason}`);
		}
		// The same report with the token in the X-SMSHandover-Token header is accepted: it is the
		// sentinel proving the rejected ones would have been recorded by now.
		const res = await fetch(url(IDS.styles, null), {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-smshandover-token': TOKEN },
			body: JSON.stringify(report[0]),
		});
		assert.equal(res.status, 200, `header token: ${res.status} ${await res.text()}`);
		const execs = await n8n.waitForExecutions(IDS.styles.workflowId, 1, { afterId: after, settleMs: 1500 });
		assert.equal(execs.length, 1, `expected only the header-token execution, got ${execs.length}`);
		assertFields(triggerItems(execs)[0][0], { shootId: 'shootToken0001', status: 'delivered' }, 'item');
	});

	await runner.check(`${prefix} trigger v2: deduplicate drops a report seen in an earlier request`, async () => {
		const after = await n8n.lastExecutionId();
		const r1 = { sms_shoot_id: 'shootDedup0001', mobile: MOBILE_A, status: 'DELIVRD' };
		const r2 = { sms_shoot_id: 'shootDedup0001', mobile: MOBILE_B, status: 'DELIVRD' };
		assertPushesAnswered(await sim.pushDlr(url(IDS.dedup), 'json', [r1]), 200);
		let execs = await n8n.waitForExecutions(IDS.dedup.workflowId, 1, { afterId: after });
		assert.equal(execs.length, 1, 'first report runs the workflow');
		assertPushesAnswered(await sim.pushDlr(url(IDS.dedup), 'form', [r1]), 200);
		assertPushesAnswered(await sim.pushDlr(url(IDS.dedup), 'jsonArray', [r1, r2]), 200);
		execs = await n8n.waitForExecutions(IDS.dedup.workflowId, 2, { afterId: after, settleMs: 1500 });
		assert.equal(execs.length, 2, `expected 2 executions (r1, then r2 alone), got ${execs.length}`);
		const items = triggerItems(execs);
		assert.deepStrictEqual(items.map((list) => list.map((i) => i.mobile)), [[MOBILE_A], [MOBILE_B]]);
		// Without the option the same report runs again.
		const before = await n8n.lastExecutionId();
		assertPushesAnswered(await sim.pushDlr(url(IDS.styles), 'json', [r1, r1]), 200);
		const plain = await n8n.waitForExecutions(IDS.styles.workflowId, 2, { afterId: before });
		assert.equal(plain.length, 2, 'a trigger without deduplicate runs for every repeat');
	});
}

async function runSecretCredentialChecks({ runner, n8n, sim, prefix }) {
	const url = (token) => n8n.webhookUrl(IDS.secret.webhookId, 'dlr', token === null ? '' : `token=${encodeURIComponent(token)}`);
	await runner.check(`${prefix} trigger v3 with a Webhook credential: its token → execution; wrong, missing or the old parameter's token → 401`, async () => {
		const after = await n8n.lastExecutionId();
		const report = [{ sms_shoot_id: 'shootCred00001', mobile: MOBILE_A, status: 'DELIVRD' }];
		assertPushesAnswered(await sim.pushDlr(url('e2e-credential-token-9b2X'), 'json', report), 401);
		assertPushesAnswered(await sim.pushDlr(url(TOKEN), 'json', report), 401);
		assertPushesAnswered(await sim.pushDlr(url(null), 'query', report), 401);
		assertPushesAnswered(await sim.pushDlr(url(WEBHOOK_CREDENTIAL.data.token), 'json', report), 200);
		const execs = await n8n.waitForExecutions(IDS.secret.workflowId, 1, { afterId: after, settleMs: 1500 });
		assert.equal(execs.length, 1, `expected only the right-token execution, got ${execs.length}`);
		const item = triggerItems(execs)[0][0];
		assertFields(item, { shootId: 'shootCred00001', status: 'delivered' }, 'item');
		assert.ok(!JSON.stringify(item).includes(WEBHOOK_CREDENTIAL.data.token), 'the token is in the item');
	});

	await runner.check(`${prefix} Webhook credential Test button (POST /rest/credentials/test): checks the token's form, sends nothing`, async () => {
		const good = await testCredentialViaRest(n8n, WEBHOOK_CREDENTIAL);
		assert.deepStrictEqual(good, { status: 'OK', message: 'The token can be used (checked here, nothing was sent)' });
		const short = await testCredentialViaRest(n8n, { ...WEBHOOK_CREDENTIAL, data: { token: 'too-short' } });
		assert.deepStrictEqual(short, { status: 'Error', message: 'The secret token has 9 characters; use at least 16' });
	});
}

async function runLoopCheck({ runner, n8n, sim, wfs, prefix }) {
	await runner.check(`${prefix} loop (trigger v1): send with dlrUrl = trigger URL → the panel's native push → trigger runs for each report`, async () => {
		await sim.reset();
		await sim.configure({ dlr: { style: 'native', delayMs: 50 } });
		const after = await n8n.lastExecutionId();
		const result = await n8n.execute(wfs.loopSend.id);
		assert.ok(result.ok, `send failed: ${result.error}`);
		const sent = result.nodes['SMS Handover'].items[0];
		const [req] = await sim.requests('send');
		assert.equal(req.form.dlr_url, wfs.loopSend.nodes[1].parameters.options.dlrUrl, 'dlr_url sent to the provider');
		const pushes = await sim.waitForDlrPushes(2, 30000);
		assertPushesAnswered(pushes, 200);
		const execs = await n8n.waitForExecutions(IDS.loop.workflowId, 2, { afterId: after });
		const items = triggerItems(execs).flat();
		assert.equal(items.length, 2, `reports received: ${items.length}`);
		assert.deepStrictEqual(items.map((i) => i.mobile).sort(), [MOBILE_A, MOBILE_B].sort());
		items.forEach((item, i) => {
			assertFields(
				item,
				{ shootId: sent.shootId, status: 'delivered', providerStatus: 'DELIVERED', reason: 'DELIVRD', senderId: SENDER, parts: 1, attempt: 1 },
				`report ${i}`,
			);
			assert.deepStrictEqual(item.route, { id: '1', name: 'Transactional' }, `report ${i} route`);
			// The push's times are JavaScript date text with the panel's offset: exact instants.
			assert.ok(Date.parse(item.deliveredAt) >= Date.parse(item.sentAt), `report ${i}: deliveredAt ${item.deliveredAt} before sentAt ${item.sentAt}`);
			assert.ok(Math.abs(Date.parse(item.sentAt) - Date.now()) < 120000, `report ${i}: sentAt ${item.sentAt} is not now`);
		});
	});
}

/** Waits until every trigger's production URL is registered (a tokenless GET answers 401). */
async function waitForTriggers(n8n) {
	for (const ids of [IDS.styles, IDS.dedup, IDS.loop, IDS.secret]) {
		const status = await n8n.waitForWebhook(n8n.webhookUrl(ids.webhookId, 'dlr'));
		if (status !== 401) throw new Error(`trigger ${ids.workflowId} answered ${status} to a request without token, expected 401`);
	}
	await sleep(0);
}

module.exports = { IDS, TOKEN, WEBHOOK_CREDENTIAL, triggerWorkflows, runTriggerChecks, runSecretCredentialChecks, runLoopCheck, waitForTriggers };
