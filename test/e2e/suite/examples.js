'use strict';
// The workflows in examples/, imported as a user imports them and run against the simulator.
// The suite changes only what a user sets for their own install: the credentials (the suite's
// own), workflow ids and webhook ids (fixed test values), the CSV path, and Dry Run turned off
// for the second bulk run.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { assert, assertFields } = require('../lib/checks');
const { sleep } = require('../lib/proc');
const { ensureOwner, DEV_OWNER } = require('../lib/owner');

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const CSV_FILE = 'bulk-campaign-contacts.csv';
const IDS = {
	otp: 'e2eExampleOtp001',
	bulkDry: 'e2eExampleBulkDr',
	bulkSend: 'e2eExampleBulkSd',
	bulkOutside: 'e2eExampleBulkOu',
	followUp: 'e2eExampleFollow',
	escalation: 'e2eExampleEscal1',
	inbound: 'e2eExampleInbnd1',
};
const FOLLOW_UP_WEBHOOK_ID = '6e0b1c2d-3f4a-4b5c-8d6e-7f8091a2b301';
const INBOUND_WEBHOOK_ID = '6e0b1c2d-3f4a-4b5c-8d6e-7f8091a2b302';
const OPERATOR = '919800000009';

const LABELS = {
	otp: 'examples: OTP login: start → reference; wrong code → 401 wrong_code; right code → 200 ok; unknown reference → 400 error',
	otpLockout: "examples: OTP login: five wrong codes, then the sixth answer is 410 expired with the panel's reason",
	bulkDry: 'examples: bulk campaign from CSV: Dry Run (as shipped) sends nothing, one preview per CSV row',
	bulkSend: 'examples: bulk campaign from CSV: Dry Run off → one bulk POST whose personalised list is the CSV',
	bulkOutside: 'examples: bulk campaign from CSV: a file outside ~/.n8n-files is refused by n8n 2.x, read by 1.x',
	followUp: 'examples: DLR follow-up: failed report → operator SMS naming number and reason; delivered → nothing',
	escalate: 'examples: escalation: failed delivery → the code again on the backup route',
	delivered: 'examples: escalation: delivered → done, no second send',
	inbound: 'examples: inbound keyword reply: the panel forwards "stop now" and "Hello" (its Default MO URL GET) → the opt-out confirmation and a reply, each to the sender',
};
const CHECK_LABELS = Object.values(LABELS);

function readExample(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
}

function nodeNamed(workflow, name) {
	const node = workflow.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`${workflow.name} has no node "${name}"`);
	return node;
}

/**
 * The example with a fixed id, fixed webhook ids and the suite's credentials in place of the
 * example's "SMS Handover account" / "SMS Handover Webhook account", as `n8n import:workflow` takes it.
 */
let webhookIds = 0;
function asImported(file, id, credentials) {
	const workflow = { ...readExample(file), id };
	for (const node of workflow.nodes) {
		if (node.webhookId) node.webhookId = `6e0b1c2d-3f4a-4b5c-8d6e-${String((webhookIds += 1)).padStart(12, '0')}`;
		for (const type of Object.keys(node.credentials || {})) {
			const own = credentials[type];
			if (!own) throw new Error(`${file}: node "${node.name}" uses a ${type} credential the suite has none of`);
			node.credentials[type] = { id: own.id, name: own.name };
		}
	}
	return workflow;
}

/** The CSV rows as the example's message expression personalises them. */
function csvRows() {
	const [header, ...lines] = fs.readFileSync(path.join(EXAMPLES, CSV_FILE), 'utf8').trim().split('\n');
	const columns = header.split(',');
	return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])));
}
const personalised = (row) => `Hi ${row.name}, your appointment is on ${row.appointment}. Call us if you need to change it.`;
const digits = (mobile) => mobile.replace(/\D/g, '');

/**
 * Copies the example CSV where n8n 2.x reads files by default (~/.n8n-files, N8N_RESTRICT_FILE_ACCESS_TO
 * unset) and to a folder outside it; returns the workflows to import and a cleanup.
 */
function prepareExamples({ cred, webhookCredential, version }) {
	const credentials = { [cred.type]: cred, [webhookCredential.type]: webhookCredential };
	const base = path.join(os.homedir(), '.n8n-files');
	const createdBase = !fs.existsSync(base);
	const dir = path.join(base, `smshandover-e2e-examples-${version}-${process.pid}`);
	fs.mkdirSync(dir, { recursive: true });
	const csvPath = path.join(dir, CSV_FILE);
	fs.copyFileSync(path.join(EXAMPLES, CSV_FILE), csvPath);
	const outsideDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smshandover-e2e-csv-'));
	const outsidePath = path.join(outsideDir, CSV_FILE);
	fs.copyFileSync(path.join(EXAMPLES, CSV_FILE), outsidePath);

	const wfs = {
		otp: asImported('otp-login.json', IDS.otp, credentials),
		bulkDry: asImported('bulk-campaign-from-csv.json', IDS.bulkDry, credentials),
		bulkSend: asImported('bulk-campaign-from-csv.json', IDS.bulkSend, credentials),
		bulkOutside: asImported('bulk-campaign-from-csv.json', IDS.bulkOutside, credentials),
		followUp: asImported('delivery-report-follow-up.json', IDS.followUp, credentials),
		escalation: asImported('send-and-wait-escalation.json', IDS.escalation, credentials),
		inbound: asImported('inbound-keyword-reply.json', IDS.inbound, credentials),
	};
	nodeNamed(wfs.followUp, 'SMS Handover Trigger').webhookId = FOLLOW_UP_WEBHOOK_ID;
	nodeNamed(wfs.inbound, 'Inbound SMS').webhookId = INBOUND_WEBHOOK_ID;
	for (const wf of [wfs.bulkDry, wfs.bulkSend]) nodeNamed(wf, 'Read CSV file').parameters.fileSelector = csvPath;
	nodeNamed(wfs.bulkOutside, 'Read CSV file').parameters.fileSelector = outsidePath;
	wfs.bulkOutside.name += ' (file outside ~/.n8n-files)';
	wfs.bulkSend.name += ' (Dry Run off)';
	const sendOptions = nodeNamed(wfs.bulkSend, 'Send campaign').parameters.options;
	assert.equal(sendOptions.dryRun, true, 'the example ships with Dry Run on');
	sendOptions.dryRun = false;

	const cleanup = async () => {
		fs.rmSync(dir, { recursive: true, force: true });
		fs.rmSync(outsideDir, { recursive: true, force: true });
		try {
			if (createdBase) fs.rmdirSync(base);
		} catch {
			// another run put a file there meanwhile: leave it
		}
	};
	return { workflows: Object.values(wfs), hookToken: webhookCredential.data.token, cleanup };
}

/** What the editor's Activate (1.x) / Publish (2.x) does: POST /rest/workflows/:id/activate, signed in as the owner. */
async function activateViaRest(n8n, ids) {
	await ensureOwner(n8n.baseUrl);
	const headers = { 'content-type': 'application/json', 'browser-id': 'e2e-examples' };
	const login = await fetch(`${n8n.baseUrl}/rest/login`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ emailOrLdapLoginId: DEV_OWNER.email, password: DEV_OWNER.password }),
	});
	if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
	const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	for (const id of ids) {
		const got = await fetch(`${n8n.baseUrl}/rest/workflows/${id}`, { headers: { ...headers, cookie } });
		const text = await got.text();
		if (got.status !== 200) throw new Error(`GET workflow ${id}: ${got.status} ${text}`);
		const { versionId } = JSON.parse(text).data;
		const res = await fetch(`${n8n.baseUrl}/rest/workflows/${id}/activate`, {
			method: 'POST',
			headers: { ...headers, cookie },
			body: JSON.stringify({ versionId }),
		});
		if (res.status !== 200) throw new Error(`activating ${id}: ${res.status} ${await res.text()}`);
		await res.arrayBuffer();
	}
}

/** POSTs JSON to a production webhook; retries while it is not registered yet (a 404 starts nothing). */
async function postWebhook(n8n, webhookPath, body) {
	const url = `${n8n.baseUrl}/webhook/${webhookPath}`;
	for (let attempt = 0; attempt < 40; attempt++) {
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const text = await res.text();
		if (res.status !== 404) {
			let json;
			try {
				json = JSON.parse(text);
			} catch {
				json = text;
			}
			return { status: res.status, body: json };
		}
		await sleep(500);
	}
	throw new Error(`${url} stayed 404`);
}

async function waitFor(what, fn, timeoutMs = 30000) {
	const deadline = Date.now() + timeoutMs;
	let last;
	while (Date.now() < deadline) {
		last = await fn();
		if (last) return last;
		await sleep(300);
	}
	throw new Error(`timed out waiting for ${what}`);
}

/** A send the way any panel client makes it (here: a message whose reports go to the follow-up trigger). */
async function panelSend(sim, form) {
	const res = await fetch(`${sim.baseUrl}/smsapi/index`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ key: sim.apiKey, senderid: 'SENDER', ...form }).toString(),
	});
	const answer = JSON.parse(await res.text());
	assert.equal(answer.result, 'success', `simulator send: ${JSON.stringify(answer)}`);
	return answer.sms_shoot_id;
}

const FINAL = ['success', 'error', 'crashed', 'canceled'];
const outputsOf = (row, node) => (row.nodes[node] ? row.nodes[node].outputs : undefined);

async function runOtpChecks({ runner, n8n, sim, prefix }) {
	const start = async (mobile) => {
		const answer = await postWebhook(n8n, 'otp-login/start', { mobile });
		assert.equal(answer.status, 200, `start answered ${answer.status} ${JSON.stringify(answer.body)}`);
		assert.equal(answer.body.result, 'sent');
		assert.match(String(answer.body.reference), /^[A-Z0-9]{17}$/, `reference ${JSON.stringify(answer.body)}`);
		return answer.body.reference;
	};
	const verify = (reference, code) => postWebhook(n8n, 'otp-login/verify', { reference, code });
	const wrongCode = (code) => String(((Number(code) - 100000 + 1) % 900000) + 100000);

	await Promise.all([
		runner.check(`${prefix} ${LABELS.otp}`, async () => {
			const mobile = '919800000301';
			const reference = await start(mobile);
			const sent = (await sim.requests('otpSend')).find((r) => r.query.mobile === mobile);
			assert.ok(sent, 'the simulator got the OTP send');
			assert.equal(sent.query.channel_id, '1', "the example's channel ID");
			const code = await sim.otp(reference);
			assert.deepStrictEqual(await verify(reference, wrongCode(code)), {
				status: 401,
				body: { result: 'wrong_code', message: 'That code is not right. Try again.' },
			});
			assert.deepStrictEqual(await verify(reference, code), { status: 200, body: { result: 'ok', message: 'Code accepted.' } });
			for (const unknown of [reference, 'NOSUCHREFERENCE00']) {
				const answer = await verify(unknown, code);
				assert.deepStrictEqual(
					answer,
					{ status: 400, body: { result: 'error', message: `SMS Handover does not know the OTP reference "${unknown}"`, action: 'Ask for a new code.' } },
					`reference ${unknown} (the first was used up by the right code)`,
				);
			}
		}),
		runner.check(`${prefix} ${LABELS.otpLockout}`, async () => {
			const reference = await start('919800000302');
			const code = await sim.otp(reference);
			for (let attempt = 1; attempt <= 5; attempt++) {
				const answer = await verify(reference, wrongCode(code));
				assert.equal(answer.status, 401, `wrong code ${attempt}: ${JSON.stringify(answer)}`);
			}
			const locked = await verify(reference, code);
			assert.equal(locked.status, 410, `sixth answer ${JSON.stringify(locked)}`);
			assertFields(locked.body, { result: 'expired', message: 'This code can no longer be used. Ask for a new code.' }, 'sixth answer');
			assert.match(String(locked.body.reason), /TOO MANY ATTEMPTS\. OTP EXPIRED\./, 'reason');
		}),
	]);
}

async function runBulkChecks({ runner, n8n, sim, prefix, version }) {
	const rows = csvRows();
	const expectedList = rows.map((row) => ({ mobile: digits(row.mobile), msg: personalised(row) }));
	const bulkSends = async () => (await sim.requests('send')).filter((r) => r.form && r.form.bulk_campaigm !== undefined);
	// One check after the other: each `n8n execute` opens the instance's one CLI task-broker port.

	await runner.check(`${prefix} ${LABELS.bulkDry}`, async () => {
		const balanceReads = (await sim.requests('balance')).length;
		const result = await n8n.execute(IDS.bulkDry);
		assert.ok(result.ok, `run failed: ${result.error}`);
		assert.equal(result.nodes['Extract rows'].items.length, rows.length, 'one item per CSV row');
		const items = result.nodes['Send campaign'].items;
		assert.equal(items.length, rows.length, 'one preview per CSV row');
		items.forEach((item, i) => {
			assertFields(
				item,
				{
					dryRun: true,
					mobile: expectedList[i].mobile,
					segments: 1,
					credits: 1,
					creditsNeeded: rows.length,
					balanceOk: true,
					request: { senderid: 'SENDER', type: 'text', routeid: '1', bulk_campaigm: [expectedList[i]] },
				},
				`preview ${i}`,
			);
			// Route 1 starts with 100,000 credits; the other examples running beside this one spend a few.
			assert.ok(item.balance > 99000 && item.balance <= 100000, `preview ${i}: balance ${item.balance} is not route 1's`);
		});
		assert.deepStrictEqual(await bulkSends(), [], 'a dry run sends nothing');
		assert.equal((await sim.requests('balance')).length, balanceReads + 1, 'Balance Guard read the balance once');
	});

	await runner.check(`${prefix} ${LABELS.bulkSend}`, async () => {
		const result = await n8n.execute(IDS.bulkSend);
		assert.ok(result.ok, `run failed: ${result.error}`);
		const sends = await bulkSends();
		assert.equal(sends.length, 1, `bulk POSTs: ${sends.length}`);
		const { bulk_campaigm: list, ...form } = sends[0].form;
		assert.deepStrictEqual(JSON.parse(list), expectedList, 'the personalised list is the CSV, row for row');
		assert.deepStrictEqual(form, { key: sim.apiKey, senderid: 'SENDER', type: 'text', routeid: '1' });
		const items = result.nodes['Send campaign'].items;
		assert.equal(items.length, rows.length);
		const shootIds = new Set(items.map((item) => item.shootId));
		assert.equal(shootIds.size, 1, 'every row went in the one request');
		items.forEach((item, i) => assertFields(item, { success: true, mobile: expectedList[i].mobile, heldForApproval: false }, `item ${i}`));
	});
	await runner.check(`${prefix} ${LABELS.bulkOutside}`, async () => {
		// Dry Run stays on in this copy: on 1.x it reads the file and previews, sending nothing.
		const result = await n8n.execute(IDS.bulkOutside);
		if (version.startsWith('1.')) {
			assert.ok(result.ok, `1.x run failed: ${result.error}`);
			assert.equal(result.nodes['Send campaign'].items.length, rows.length, 'previews');
			return;
		}
		assert.equal(result.ok, false, '2.x read a file outside ~/.n8n-files');
		assert.equal(result.nodes['Read CSV file'].error, 'Access to the file is not allowed.');
		assert.equal(result.nodes['Send campaign'], undefined, 'nothing after the refused read ran');
	});
}

async function runFollowUpCheck({ runner, n8n, sim, prefix, hookToken }) {
	await runner.check(`${prefix} ${LABELS.followUp}`, async () => {
		const dlrUrl = n8n.webhookUrl(FOLLOW_UP_WEBHOOK_ID, 'dlr', `token=${encodeURIComponent(hookToken)}`);
		await n8n.waitForWebhook(n8n.webhookUrl(FOLLOW_UP_WEBHOOK_ID, 'dlr'));
		const operatorSms = async () => (await sim.requests('send')).filter((r) => r.form.contacts === OPERATOR);

		const failedMobile = '919800000401';
		const after = await n8n.lastExecutionId();
		const failedShoot = await panelSend(sim, { contacts: failedMobile, msg: 'Your parcel is on its way', dlr_url: dlrUrl });
		const pushes = await sim.deliver(failedShoot, { outcome: 'failed' });
		assert.deepStrictEqual(pushes.map((p) => p.status), [200], `the panel's push answered ${JSON.stringify(pushes)}`);
		let runs = await n8n.waitForExecutions(IDS.followUp, 1, { afterId: after });
		assert.equal(runs.length, 1, `executions: ${runs.length}`);
		assert.equal(runs[0].status, 'success', `execution ${runs[0].id}: ${runs[0].error}`);
		const [notice] = await waitFor('the operator SMS', async () => {
			const found = await operatorSms();
			return found.length ? found : null;
		}, 5000);
		assert.deepStrictEqual(notice.form, {
			key: sim.apiKey,
			senderid: 'SENDER',
			type: 'text',
			contacts: OPERATOR,
			msg: `SMS to ${failedMobile} was not delivered: failed (UNDELIV). Shoot ID ${failedShoot}`,
		});

		const deliveredShoot = await panelSend(sim, { contacts: '919800000402', msg: 'Your parcel has arrived', dlr_url: dlrUrl });
		const afterFailed = runs[0].id;
		assert.deepStrictEqual((await sim.deliver(deliveredShoot, { outcome: 'delivered' })).map((p) => p.status), [200]);
		runs = await n8n.waitForExecutions(IDS.followUp, 1, { afterId: afterFailed });
		assert.equal(runs.length, 1, `executions after the delivered report: ${runs.length}`);
		assert.equal(runs[0].status, 'success');
		assert.deepStrictEqual(outputsOf(runs[0], 'Not delivered?').map((items) => items.length), [0, 1], 'the IF sends the report to its false output');
		assert.equal((await operatorSms()).length, 1, 'no operator SMS for a delivered report');
	});
}

/** The panel's getReplies: a handset's SMS forwarded to the Default MO URL with the README's template. */
async function runInboundCheck({ runner, n8n, sim, prefix, hookToken }) {
	await runner.check(`${prefix} ${LABELS.inbound}`, async () => {
		const url = n8n.webhookUrl(INBOUND_WEBHOOK_ID, 'dlr');
		await n8n.waitForWebhook(url);
		const defaultMoUrl = `${url}?token=${encodeURIComponent(hookToken)}&from=%p&text=%r&to=%v&id=%i&time=%t&keyword=%m`;
		const sendsTo = async (mobile) => (await sim.requests('send')).filter((r) => r.form.contacts === mobile);
		const after = await n8n.lastExecutionId();
		const stopper = '919800000601';
		const greeter = '919800000602';
		const calls = [
			...(await sim.receiveInbound({ from: `+${stopper}`, text: 'stop now', to: '56767', messageId: 'MO-601', defaultMoUrl })),
			...(await sim.receiveInbound({ from: greeter, text: 'Hello there', to: '56767', messageId: 'MO-602', defaultMoUrl })),
		];
		assert.deepStrictEqual(calls.map((call) => call.status), [200, 200], `the panel's GETs: ${JSON.stringify(calls)}`);
		const runs = await n8n.waitForExecutions(IDS.inbound, 2, { afterId: after });
		assert.equal(runs.length, 2, `executions: ${runs.length}`);
		for (const run of runs) assert.equal(run.status, 'success', `execution ${run.id}: ${run.error}`);
		const items = runs.map((run) => run.nodes['Inbound SMS'].items[0]).sort((a, b) => a.from.localeCompare(b.from));
		assertFields(items[0], { event: 'inboundSms', from: stopper, to: '56767', text: 'stop now', keyword: 'STOP', messageId: 'MO-601' }, 'the STOP item');
		assertFields(items[1], { event: 'inboundSms', from: greeter, text: 'Hello there', keyword: '', messageId: 'MO-602' }, 'the other item');
		const [confirmation] = await waitFor('the opt-out confirmation', async () => ((await sendsTo(stopper)).length ? sendsTo(stopper) : null), 5000);
		assert.equal(confirmation.form.msg, 'You are unsubscribed. You will get no more messages from us.');
		const [reply] = await waitFor('the reply', async () => ((await sendsTo(greeter)).length ? sendsTo(greeter) : null), 5000);
		assert.equal(reply.form.msg, 'Thanks, we got your message: "Hello there". Reply STOP to opt out.');
	});
}

async function runEscalationChecks({ runner, n8n, sim, prefix }) {
	const sendsTo = async (mobile) => (await sim.requests('send')).filter((r) => r.form.contacts === mobile);
	/** Starts the workflow and waits until its execution waits for the report; resolves the send. */
	const startWaiting = async (mobile, code) => {
		const answer = await postWebhook(n8n, 'login-code', { mobile, code });
		assert.equal(answer.status, 200, `webhook answered ${answer.status} ${JSON.stringify(answer.body)}`);
		const [send] = await waitFor(`the send to ${mobile}`, async () => {
			const found = await sendsTo(mobile);
			return found.length ? found : null;
		});
		assert.equal(send.form.msg, `Your login code is ${code}`);
		assert.equal(send.form.routeid, undefined, 'the first send uses the default route');
		const executionId = new URL(send.form.dlr_url).pathname.split('/').pop();
		const waiting = await waitFor(`execution ${executionId} to wait`, async () => {
			const row = (await n8n.executions({ workflowId: IDS.escalation })).find((r) => String(r.id) === executionId);
			return row && row.status === 'waiting' ? row : null;
		});
		const pending = waiting.nodes['Send code and wait'].items[0];
		assertFields(pending, { status: 'pending', mobile }, 'output while waiting');
		return { executionId, shootId: pending.shootId };
	};
	const finished = (executionId) =>
		waitFor(`execution ${executionId} to finish`, async () => {
			const row = (await n8n.executions({ workflowId: IDS.escalation })).find((r) => String(r.id) === executionId);
			// The status row and the run data are written apart: wait for the resumed node's output too.
			const resumed = row && row.nodes && row.nodes['Send code and wait'] && row.nodes['Send code and wait'].items[0];
			return row && FINAL.includes(row.status) && row.stoppedAt && resumed && resumed.status !== 'pending' ? row : null;
		});
	await Promise.all([
		runner.check(`${prefix} ${LABELS.escalate}`, async () => {
			const mobile = '919800000501';
			const { executionId, shootId } = await startWaiting(mobile, '482913');
			const pushes = await sim.deliver(shootId, { outcome: 'failed' });
			assert.deepStrictEqual(pushes.map((p) => p.status), [200], `the push to the resume URL answered ${JSON.stringify(pushes)}`);
			const row = await finished(executionId);
			assert.equal(row.status, 'success', `execution ${executionId}: ${row.error}`);
			assertFields(row.nodes['Send code and wait'].items[0], { status: 'failed', mobile, shootId }, 'the report the execution resumed with');
			const sends = await sendsTo(mobile);
			assert.equal(sends.length, 2, `sends to ${mobile}: ${sends.length}`);
			assert.deepStrictEqual(sends[1].form, { key: sim.apiKey, senderid: 'SENDER', type: 'text', routeid: '2', contacts: mobile, msg: 'Your login code is 482913' });
		}),
		runner.check(`${prefix} ${LABELS.delivered}`, async () => {
			const mobile = '919800000502';
			const { shootId, executionId } = await startWaiting(mobile, '731640');
			assert.deepStrictEqual((await sim.deliver(shootId, { outcome: 'delivered' })).map((p) => p.status), [200]);
			const row = await finished(executionId);
			assert.equal(row.status, 'success', `execution ${executionId}: ${row.error}`);
			assertFields(row.nodes['Send code and wait'].items[0], { status: 'delivered', mobile }, 'report');
			assert.equal(row.nodes.Done.items.length, 1, 'Done ran');
			assert.equal(row.nodes['Resend on backup route'], undefined, 'no escalation ran');
			assert.equal((await sendsTo(mobile)).length, 1, 'one send only');
		}),
	]);
}

/** Activates the webhook examples (through the REST API, as the editor does) and runs every check; the examples run side by side. */
async function runExampleChecks({ runner, n8n, sim, prefix, examples }) {
	await sim.reset();
	await sim.configure({ dlr: { autoPush: false, style: 'native' } });
	await activateViaRest(n8n, [IDS.otp, IDS.followUp, IDS.escalation, IDS.inbound]);
	await Promise.all([
		runOtpChecks({ runner, n8n, sim, prefix }),
		runBulkChecks({ runner, n8n, sim, prefix, version: n8n.version }),
		runFollowUpCheck({ runner, n8n, sim, prefix, hookToken: examples.hookToken }),
		runEscalationChecks({ runner, n8n, sim, prefix }),
		runInboundCheck({ runner, n8n, sim, prefix, hookToken: examples.hookToken }),
	]);
}

module.exports = { IDS, CHECK_LABELS, prepareExamples, runExampleChecks };
