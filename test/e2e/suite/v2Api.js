'use strict';
// The panel's JSON API (v2) in real n8n: a second credential with API = JSON API (v2), one
// workflow per operation, and the send → report → trigger loop. Each check reads what the
// simulator received (the key only in the Authorization header) and what n8n output.
const { assert, assertFields } = require('../lib/checks');
const { actionNode, httpGetNode, itemsNode, manualWorkflow } = require('../lib/workflows');
const { SENDER, MOBILE_A, MOBILE_B, futureScheduleIso, kolkataProviderTime } = require('./actionWorkflows');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const LABELS = [
	'JSON API (v2): send → get reports by batch_id and by sms_id; the panel pushes to notifyUrl and the trigger runs for each report',
	'JSON API (v2): send bulk gives each item its smsId (a repeated number matched in order)',
	'JSON API (v2): schedule, get balance (routes by name, the wallet), otp send + verify, send and wait (poll by sms_id)',
];

/** The e2e credential on the JSON API (v2): same key and simulator. */
function v2Credential(cred) {
	return { ...cred, id: 'smsHandoverE2Ev2', name: 'SMS Handover (e2e, JSON API)', data: { ...cred.data, apiVersion: 'v2' } };
}

function v2Workflows(cred, { simBaseUrl, loopUrl, scheduleAt }) {
	const v2 = v2Credential(cred);
	const send = (extra = {}) => ({ resource: 'sms', operation: 'send', senderId: SENDER, options: {}, ...extra });
	return {
		credential: v2,
		workflows: {
			send: manualWorkflow('e2eV2SendGet0001', 'e2e v2 send + reports', [
				actionNode('Send', send({ contacts: `${MOBILE_A},${MOBILE_B}`, message: 'JSON me', options: { dlrUrl: loopUrl } }), v2),
				actionNode('By Batch', { resource: 'deliveryReport', operation: 'get', shootId: "={{ $('Send').item.json.shootId }}", options: {} }, v2, {
					executeOnce: true,
				}),
				actionNode(
					'By Message',
					{ resource: 'deliveryReport', operation: 'get', shootId: "={{ $('Send').first().json.messageIds[1].smsId }}", options: { byMessageId: true } },
					v2,
					{ executeOnce: true },
				),
			]),
			bulk: manualWorkflow('e2eV2Bulk0000001', 'e2e v2 send bulk', [
				itemsNode('Recipients', [
					{ mobile: MOBILE_A, name: 'Asha' },
					{ mobile: MOBILE_B, name: 'Ravi' },
					{ mobile: MOBILE_A, name: 'Asha again' },
				]),
				actionNode('SMS Handover', { resource: 'sms', operation: 'sendBulk', senderId: SENDER, mobile: '={{ $json.mobile }}', message: '=Hi {{ $json.name }}', options: {} }, v2),
			]),
			schedule: manualWorkflow('e2eV2Schedule001', 'e2e v2 schedule', [
				actionNode('SMS Handover', { resource: 'sms', operation: 'schedule', senderId: SENDER, contacts: MOBILE_A, message: 'Later', scheduleAt, options: {} }, v2),
			]),
			balance: manualWorkflow('e2eV2Balance0001', 'e2e v2 balance', [actionNode('SMS Handover', { resource: 'account', operation: 'getBalance', options: {} }, v2)]),
			otp: manualWorkflow('e2eV2Otp00000001', 'e2e v2 otp', [
				actionNode('OTP Send', { resource: 'otp', operation: 'send', channelId: '3', mobile: MOBILE_A, options: {} }, v2),
				httpGetNode('Read Code', `=${simBaseUrl}/__sim/otp/{{ $json.reference }}`),
				actionNode('Verify', { resource: 'otp', operation: 'verify', reference: "={{ $('OTP Send').item.json.reference }}", otp: "={{ $('Read Code').item.json.otp }}", options: {} }, v2),
			]),
			wait: manualWorkflow('e2eV2WaitPoll001', 'e2e v2 send and wait (poll)', [
				actionNode('SMS Handover', { ...send({ contacts: MOBILE_A, message: 'Wait for me' }), operation: 'sendAndWaitForDelivery', waitMethod: 'poll', maxWaitMinutes: 2 }, v2),
			]),
		},
	};
}

/**
 * Every JSON API request carried the key in Authorization: Bearer and nowhere else. (Classic
 * requests of other workflows may arrive meanwhile: Send and Wait's timeout case resumes in the
 * background and reads getDLR.)
 */
function assertKeyOnlyInHeader(allRequests, apiKey) {
	const requests = allRequests.filter((request) => request.path.startsWith('/api/v2/'));
	assert.ok(requests.length > 0, 'no JSON API request reached the simulator');
	for (const request of requests) {
		assert.equal(request.headers.authorization, `Bearer ${apiKey}`, `${request.path}: Authorization`);
		const elsewhere = `${request.path} ${JSON.stringify(request.query)} ${JSON.stringify(request.form)}`;
		assert.ok(!elsewhere.includes(apiKey), `${request.path}: the key is in the path, query or body`);
	}
}

async function runV2Checks({ runner, n8n, sim, wfs, prefix, loopWorkflowId }) {
	const { workflows } = wfs;
	const label = (i) => `${prefix} ${LABELS[i]}`;

	await runner.check(label(0), async () => {
		await sim.reset();
		await sim.configure({ dlr: { style: 'native', delayMs: 50, autoPush: true } });
		const after = await n8n.lastExecutionId();
		const result = await n8n.execute(workflows.send.id);
		assert.ok(result.ok, `run failed: ${result.error}`);
		const sent = result.nodes.Send.items[0];
		assert.match(String(sent.shootId), /\S/);
		assert.deepStrictEqual(sent.messageIds.map((id) => id.mobile), [MOBILE_A, MOBILE_B]);
		assert.ok(sent.messageIds.every((id) => UUID.test(id.smsId)), `message ids: ${JSON.stringify(sent.messageIds)}`);
		const [send] = await sim.requests('v2Send');
		assert.deepStrictEqual(send.form, {
			sender: SENDER,
			mode: 'text',
			notifyUrl: workflows.send.nodes[1].parameters.options.dlrUrl,
			message: 'JSON me',
			contacts: [{ mobile: MOBILE_A }, { mobile: MOBILE_B }],
		});
		const pulls = await sim.requests('v2Dlr');
		assert.deepStrictEqual(
			pulls.map((pull) => pull.query),
			[{ batch_id: sent.shootId }, { sms_id: sent.messageIds[1].smsId }],
		);
		assert.deepStrictEqual(result.nodes['By Batch'].items.map((item) => item.mobile).sort(), [MOBILE_A, MOBILE_B].sort());
		assert.deepStrictEqual(result.nodes['By Message'].items.map((item) => item.mobile), [MOBILE_B]);
		assertKeyOnlyInHeader(await sim.requests(), sim.apiKey);
		// The panel pushes each report to notifyUrl (the trigger's URL): one execution per report.
		const execs = await n8n.waitForExecutions(loopWorkflowId, 2, { afterId: after });
		const reports = execs.map((exec) => exec.nodes['SMS Handover Trigger'].items).flat();
		assert.deepStrictEqual(reports.map((item) => item.mobile).sort(), [MOBILE_A, MOBILE_B].sort());
		for (const report of reports) assertFields(report, { shootId: sent.shootId, status: 'delivered', senderId: SENDER }, 'pushed report');
	});

	await runner.check(label(1), async () => {
		await sim.reset();
		const result = await n8n.execute(workflows.bulk.id);
		assert.ok(result.ok, `run failed: ${result.error}`);
		const [request] = await sim.requests('v2Send');
		assert.deepStrictEqual(request.form.contacts, [
			{ mobile: MOBILE_A, message: 'Hi Asha' },
			{ mobile: MOBILE_B, message: 'Hi Ravi' },
			{ mobile: MOBILE_A, message: 'Hi Asha again' },
		]);
		const items = result.nodes['SMS Handover'].items;
		assert.deepStrictEqual(items.map((item) => item.mobile), [MOBILE_A, MOBILE_B, MOBILE_A]);
		assert.ok(items.every((item) => UUID.test(item.smsId)), `smsIds: ${JSON.stringify(items.map((item) => item.smsId))}`);
		assert.equal(new Set(items.map((item) => item.smsId)).size, 3, 'each message its own id');
		assert.equal(new Set(items.map((item) => item.shootId)).size, 1, 'one batch');
		assertKeyOnlyInHeader(await sim.requests(), sim.apiKey);
	});

	await runner.check(label(2), async () => {
		await sim.reset();
		const scheduled = await n8n.execute(workflows.schedule.id);
		assert.ok(scheduled.ok, `schedule failed: ${scheduled.error}`);
		const [schedule] = await sim.requests('v2Send');
		assert.equal(schedule.form.schedule, `${kolkataProviderTime(workflows.schedule.nodes[1].parameters.scheduleAt)}:00`);

		const balance = await n8n.execute(workflows.balance.id);
		assert.ok(balance.ok, `balance failed: ${balance.error}`);
		const routes = balance.nodes['SMS Handover'].items;
		assert.deepStrictEqual(routes.map((item) => item.route), ['Transactional', 'Promotional']);
		for (const item of routes) assertFields(item, { unlimited: false, billingMode: 'credits', balance: item.credits }, `route ${item.route}`);

		const otp = await n8n.execute(workflows.otp.id);
		assert.ok(otp.ok, `otp failed: ${otp.error}`);
		const [otpSend] = await sim.requests('v2OtpSend');
		assert.deepStrictEqual(otpSend.form, { mobile: MOBILE_A, channel: 3 });
		assertFields(otp.nodes.Verify.items[0], { verified: true, expired: false, matched: 'yes' }, 'verify');

		await sim.configure({ dlr: { autoPush: true, delayMs: 1000 } });
		const wait = await n8n.execute(workflows.wait.id);
		assert.ok(wait.ok, `send and wait failed: ${wait.error}`);
		assertFields(wait.nodes['SMS Handover'].items[0], { mobile: MOBILE_A, status: 'delivered', senderId: SENDER }, 'send and wait');
		const [waitSend] = (await sim.requests('v2Send')).filter((request) => request.form.message === 'Wait for me');
		assert.equal(waitSend.form.notifyUrl, undefined, 'poll sends no notifyUrl');
		const pulls = await sim.requests('v2Dlr');
		assert.ok(pulls.length >= 1 && pulls.every((pull) => typeof pull.query.sms_id === 'string'), `pulls: ${JSON.stringify(pulls.map((p) => p.query))}`);
		assertKeyOnlyInHeader(await sim.requests(), sim.apiKey);
	});
}

module.exports = { LABELS, v2Workflows, runV2Checks, futureScheduleIso };
