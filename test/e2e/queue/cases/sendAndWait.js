'use strict';
// Case 3: Send and Wait for Delivery (push) in queue mode. The send runs on a worker, which builds
// the resume URL from N8N_WEBHOOK_URL / WEBHOOK_URL (webhook1 here) and puts the execution to wait;
// the panel's report arrives at the OTHER webhook process (webhook2), whose webhook() checks it
// and enqueues the resume; a worker runs the rest and the execution finishes with the report.
const { assert, assertFields } = require('../../lib/checks');
const { sleep } = require('../../lib/proc');
const { nativePush } = require('../../../simulator');
const { WF } = require('../workflows');
const { postJson } = require('./util');

async function waitForStatus(stack, executionId, status, timeoutMs = 60000) {
	const deadline = Date.now() + timeoutMs;
	let row;
	while (Date.now() < deadline) {
		[row] = (await stack.executions(WF.sendAndWait.id, { afterId: executionId - 1, withData: true })).filter((r) => r.id === executionId);
		if (row && row.status === status && (status === 'waiting' || row.stoppedAt)) return row;
		await sleep(300);
	}
	throw new Error(`execution ${executionId} is ${row ? row.status : 'missing'}, expected ${status}`);
}

async function runSendAndWaitCase({ stack, runner, prefix }) {
	await runner.check(`${prefix} 3. sendAndWaitForDelivery (push): sent on a worker, report at webhook2, resumed on a worker, finishes delivered`, async () => {
		const { sim } = stack;
		await sim.reset();
		await sim.configure({ dlr: { autoPush: false } });
		const text = `queue send and wait ${Date.now()}`;
		const started = await postJson(stack.url('webhook1', WF.sendAndWait), { mobile: '919876543210', text });
		assert.equal(started.status, 200, `starting answered ${started.status} ${started.text}`);

		let send;
		for (let i = 0; i < 120 && !send; i++) {
			send = (await sim.requests('send')).find((request) => request.form.msg === text);
			if (!send) await sleep(250);
		}
		assert.ok(send, 'the send reached the simulator');
		const resumeUrl = new URL(send.form.dlr_url);
		assert.equal(resumeUrl.port, String(stack.ports.hook1), `the worker built the resume URL from its webhook URL: ${resumeUrl.origin}`);
		const executionId = Number(resumeUrl.pathname.split('/').pop());
		const waiting = await waitForStatus(stack, executionId, 'waiting');
		const { shootId } = waiting.nodes['Send and Wait'].items[0];
		const sentBy = stack.whoHandled(executionId);
		assert.equal(sentBy.startedBy.length, 1, `send run by ${JSON.stringify(sentBy.startedBy)}`);

		// The panel's native push, to webhook2 (the other process) at the same path and query.
		const atWebhook2 = new URL(resumeUrl);
		atWebhook2.port = String(stack.ports.hook2);
		const report = nativePush({ shootId, mobile: 919876543210, messageId: 'q3' });
		const pushed = await postJson(atWebhook2.toString(), report);
		assert.equal(pushed.status, 200, `webhook2 answered the report ${pushed.status} ${pushed.text}`);

		const done = await waitForStatus(stack, executionId, 'success');
		const [item] = done.nodes['Send and Wait'].items;
		assertFields(item, { shootId, mobile: '919876543210', status: 'delivered', providerStatus: 'DELIVERED' }, `execution ${executionId} output`);
		assert.deepStrictEqual(done.nodes.Delivered.items, [item], 'the next node continues with the report');

		// Processes log after they wrote the database: give the resume's log lines a moment.
		let who = stack.whoHandled(executionId);
		for (let i = 0; i < 60 && (who.enqueuedBy.length < 2 || who.startedBy.length < 2); i++) {
			await sleep(250);
			who = stack.whoHandled(executionId);
		}
		const roles = Object.fromEntries(stack.allProcesses.map((p) => [p.name, p.role]));
		assert.deepStrictEqual(who.enqueuedBy.sort(), ['webhook1', 'webhook2'], `enqueued by ${JSON.stringify(who.enqueuedBy)}: the start by webhook1, the resume by webhook2`);
		assert.equal(who.startedBy.length, 2, `worker runs: ${JSON.stringify(who.startedBy)} (the send, then the resume)`);
		assert.ok(who.startedBy.every((name) => roles[name] === 'worker'), `run by ${JSON.stringify(who.startedBy)}`);
		assert.equal((await sim.requests('send')).filter((request) => request.form.msg === text).length, 1, 'exactly one SMS sent');
	});
}

module.exports = { runSendAndWaitCase };
