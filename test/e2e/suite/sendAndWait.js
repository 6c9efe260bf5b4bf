'use strict';
// Send and Wait for Delivery in real n8n (`n8n start`): the panel (simulator) posts the report to
// the execution's resume URL and n8n resumes it; with no report the execution continues with the
// timeout item after Max Wait; poll mode pulls getDLR; forged requests resume nothing.
const { assert, assertFields } = require('../lib/checks');
const { actionNode, linearWorkflow, manualWorkflow, NODE_TYPES } = require('../lib/workflows');
const { sleep } = require('../lib/proc');
const { nativePush } = require('../../simulator');
const { SENDER, MOBILE_A, MOBILE_B } = require('./actionWorkflows');

const IDS = { push: 'e2eSendAndWait01', poll: 'e2eSendAndPoll01', pushPath: 'e2e-send-and-wait' };

function waitNode(cred, parameters) {
	return actionNode(
		'Send and Wait',
		{ resource: 'sms', operation: 'sendAndWaitForDelivery', senderId: SENDER, waitMethod: 'push', maxWaitMinutes: 60, options: {}, ...parameters },
		cred,
	);
}

function sendAndWaitWorkflows(cred) {
	// A Webhook starts it (production mode, as users run it); "After" shows what the workflow continues with.
	const push = linearWorkflow(IDS.push, 'e2e send and wait (push)', [
		{
			name: 'Webhook',
			type: NODE_TYPES.webhook,
			typeVersion: 2,
			webhookId: '5a1c7e2f-3b4d-4e6f-8a9b-0c1d2e3f4a01',
			parameters: { httpMethod: 'POST', path: IDS.pushPath, responseMode: 'onReceived', options: {} },
		},
		waitNode(cred, { contacts: '={{ $json.body.mobile }}', message: '={{ $json.body.text }}', maxWaitMinutes: '={{ $json.body.maxWait }}' }),
		{ name: 'After', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
		// Every run of what follows the wait leaves one getDLR request for its shoot id at the
		// simulator: counting them counts the runs (the database keeps only the last one).
		actionNode('Count', { resource: 'deliveryReport', operation: 'get', shootId: '={{ $json.shootId }}', options: {} }, cred, {
			onError: 'continueRegularOutput',
		}),
	]);
	const poll = manualWorkflow(IDS.poll, 'e2e send and wait (poll)', [
		waitNode(cred, { contacts: MOBILE_A, message: 'Poll me', waitMethod: 'poll', maxWaitMinutes: 2 }),
	]);
	return { push, poll };
}

/** Starts the push workflow; retries while its production webhook is not registered yet (404 starts nothing). */
async function startPush(n8n, body) {
	const url = `${n8n.baseUrl}/webhook/${IDS.pushPath}`;
	for (let attempt = 0; attempt < 60; attempt++) {
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		await res.arrayBuffer();
		if (res.status !== 404) {
			assert.equal(res.status, 200, `starting the workflow answered ${res.status}`);
			return;
		}
		await sleep(500);
	}
	throw new Error(`${url} stayed 404`);
}

/** The send request the simulator received for `text` (the node sends as soon as the execution starts). */
async function sendFor(sim, text, timeoutMs = 30000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const send = (await sim.requests('send')).find((request) => request.form.msg === text);
		if (send) return send;
		await sleep(250);
	}
	throw new Error(`no send of "${text}" reached the simulator`);
}

/** The execution a send belongs to (its resume URL names it), once the database shows `status`. */
async function executionFor(n8n, send, { status, timeoutMs = 30000 }) {
	const resumeUrl = new URL(send.form.dlr_url);
	const id = resumeUrl.pathname.split('/').pop();
	const deadline = Date.now() + timeoutMs;
	let row;
	while (Date.now() < deadline) {
		row = (await n8n.executions({ workflowId: IDS.push })).find((r) => String(r.id) === id);
		if (row && row.status === status && (status === 'waiting' || row.stoppedAt)) return { id, resumeUrl, row };
		await sleep(500);
	}
	throw new Error(`execution ${id} is ${row ? row.status : 'missing'}, expected ${status} within ${timeoutMs} ms`);
}

async function post(url, body) {
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: res.status, text: await res.text() };
}

function itemsOf(row, node) {
	const result = row.nodes && row.nodes[node];
	return result ? result.items : undefined;
}

/**
 * Starts the timeout case and runs the others; resolves a function that checks the timeout case
 * (call it after other work: n8n resumes the execution about a minute after it started).
 */
async function runSendAndWaitChecks({ runner, n8n, sim, wfs, prefix, version }) {
	await sim.reset();
	await sim.configure({ dlr: { autoPush: false, style: 'native' } });
	const v2 = version.startsWith('2.');

	// The timeout case waits a real minute (n8n's wait tracker polls once a minute): start it first.
	const timeoutText = `No report will come ${Date.now()}`;
	let timeoutSend;
	await runner.check(`${prefix} send and wait (push): started, waiting with a 1-minute Max Wait`, async () => {
		await startPush(n8n, { mobile: MOBILE_B, text: timeoutText, maxWait: 1 });
		timeoutSend = await sendFor(sim, timeoutText);
		await executionFor(n8n, timeoutSend, { status: 'waiting' });
	});

	await runner.check(`${prefix} send and wait (push): forged requests resume nothing; the panel's report resumes the execution with it`, async () => {
		const text = `Wait for me ${Date.now()}`;
		await startPush(n8n, { mobile: `+${MOBILE_A}`, text, maxWait: 30 });
		const send = await sendFor(sim, text);
		const { id, resumeUrl, row } = await executionFor(n8n, send, { status: 'waiting' });
		assert.match(resumeUrl.searchParams.get('smshWait') || '', /^[0-9a-f]{32}$/, 'our key in the resume URL');
		if (v2) assert.match(resumeUrl.searchParams.get('signature') || '', /^[0-9a-f]{64}$/, "n8n 2.x's resume token in the URL");
		const pending = itemsOf(row, 'Send and Wait')[0];
		assertFields(pending, { status: 'pending', mobile: MOBILE_A, heldForApproval: false }, 'output while waiting');
		// n8n runs here with its webhook URL on localhost: the editor shows a warning above the waiting output.
		const hints = (row.nodes['Send and Wait'].hints || []).map((hint) => `${hint.type}: ${hint.message}`);
		assert.ok(
			hints.some((hint) => /^warning: Send and Wait for Delivery gives SMS Handover a resume URL on (localhost|127\.0\.0\.1)/.test(hint)),
			`waiting run's hints: ${JSON.stringify(hints)}`,
		);
		const { shootId } = pending;

		// The panel's native push of this message's final report (the simulator's builder).
		const report = nativePush({ shootId, mobile: Number(MOBILE_A), senderId: SENDER, messageId: 'm1' });
		const noKey = new URL(resumeUrl);
		noKey.searchParams.delete('smshWait');
		const wrongKey = new URL(resumeUrl);
		wrongKey.searchParams.set('smshWait', '0'.repeat(32));
		for (const url of [noKey, wrongKey]) {
			const answer = await post(url, report);
			assert.equal(answer.status, 403, `forged request (${url.search}) answered ${answer.status} ${answer.text}`);
		}
		if (v2) {
			const noToken = new URL(resumeUrl);
			noToken.searchParams.delete('signature');
			assert.equal((await post(noToken, report)).status, 401, 'n8n 2.x refuses a request without its resume token');
		}
		const other = await post(resumeUrl, nativePush({ shootId: `${shootId}-other`, mobile: Number(MOBILE_A), senderId: SENDER }));
		assert.equal(other.status, 200, `another message's report answered ${other.status}`);
		await executionFor(n8n, send, { status: 'waiting', timeoutMs: 5000 });

		// The same final report twice at once (the panel posts again after any non-2xx): one resume.
		const both = await Promise.all([post(resumeUrl, report), post(resumeUrl, report)]);
		assert.ok(both.some((answer) => answer.status === 200), `report answered ${JSON.stringify(both)}`);
		const done = await executionFor(n8n, send, { status: 'success' });
		await sleep(3000);
		const runs = (await sim.requests('dlr')).filter((request) => request.path.endsWith(`/${shootId}`));
		assert.equal(runs.length, 1, `the nodes after the wait ran ${runs.length} times`);
		const [item] = itemsOf(done.row, 'Send and Wait');
		assertFields(item, { shootId, mobile: MOBILE_A, status: 'delivered', providerStatus: 'DELIVERED', reason: 'DELIVRD', senderId: SENDER }, `execution ${id} output`);
		assert.deepStrictEqual(itemsOf(done.row, 'After'), [item], 'the next node continues with the report');
		assert.equal(itemsOf(done.row, 'Webhook')[0].body.text, text, "the previous node's output is unchanged");
	});

	await runner.check(`${prefix} send and wait (poll): sends without dlr_url, pulls getDLR until the report is final`, async () => {
		await sim.configure({ dlr: { autoPush: true, delayMs: 1000 } });
		const result = await n8n.execute(wfs.poll.id);
		assert.ok(result.ok, `poll run failed: ${result.error}`);
		const [item] = result.nodes['Send and Wait'].items;
		assertFields(item, { mobile: MOBILE_A, status: 'delivered', providerStatus: 'Delivered', reason: 'Handset Delivered', senderId: SENDER, deliveredAt: null }, 'poll output');
		// The pulled report is thinner than a push: a hint above the output says which fields are null.
		assert.deepStrictEqual(
			result.nodes['Send and Wait'].hints.map((hint) => [hint.type, hint.message]),
			[['info', 'Wait Method "Poll" reads the panel\'s pulled report (getDLR), which has no deliveredAt and route: null here. Wait Method "Push" receives the full report.']],
		);
		const send = (await sim.requests('send')).find((request) => request.form.msg === 'Poll me');
		assert.equal(send.form.dlr_url, undefined, 'poll sends no dlr_url');
		assert.ok((await sim.requests('dlr')).length >= 1, 'getDLR was pulled');
	});

	return async function checkTimeout() {
	await runner.check(`${prefix} send and wait (push): after Max Wait the execution continues with status "timeout" and the shoot id`, async () => {
		assert.ok(timeoutSend, 'the timeout case started');
		const done = await executionFor(n8n, timeoutSend, { status: 'success', timeoutMs: 150000 });
		const [item] = itemsOf(done.row, 'Send and Wait');
		assertFields(item, { status: 'timeout', mobile: MOBILE_B, senderId: SENDER, parts: 1 }, 'timeout output');
		// n8n drops the waiting run's hints on resume: the item itself says why no report came.
		assert.match(String(item.reason), /^no report within Max Wait; the resume URL was on (localhost|127\.0\.0\.1)/, 'timeout reason');
		assert.match(String(item.shootId), /\S/, 'timeout item names the shoot id');
		assert.deepStrictEqual(itemsOf(done.row, 'After'), [item], 'the next node continues with the timeout item');
		assert.equal(itemsOf(done.row, 'Webhook')[0].body.text, timeoutText, "the previous node's output is unchanged");
	});
	};
}

module.exports = { IDS, sendAndWaitWorkflows, runSendAndWaitChecks };
