'use strict';
// Browser check of the sandbox's control page (test/simulator/controlPage.js) on n8n 2.x, the way a user gets a
// first test report. Editor tab: a workflow with an SMS Handover Trigger (version 4, a Webhook credential, Trigger
// On Delivery Report); the Test URL read from its panel (Webhook URLs → Test URL, before listening: n8n locks the
// panel while it listens); "Execute step" (listen for a test event). Second tab: the sandbox page; the Test URL
// pasted with a wrong token (the page shows n8n's 401, n8n keeps listening), then with the right one; Delivered for
// a message the sandbox received; then its Inbound SMS form, answered with n8n's 404 (the Test URL took its one report).
// Editor tab: the trigger's output shows that report, status delivered.
// Nodes and fields are found by their names and labels, not by position.
const crypto = require('crypto');
const path = require('path');
const { launchBrowser, signIn, SCREENSHOTS } = require('../browser');
const { DEV_OWNER, ensureOwner } = require('../lib/owner');
const { NODE_TYPES } = require('../lib/workflows');

const LABEL = 'browser: a Delivered report pushed from the sandbox page reaches a listening trigger';
const TRIGGER_NAME = 'SMS Handover Trigger';
const WORKFLOW_NAME = 'Sandbox page check (browser)';
const CREDENTIAL_NAME = 'SMS Handover Webhook (browser check)';
const MOBILE = '919812345678';
const SCREENSHOT_PAGE = 'sandbox-page.png';
const SCREENSHOT_EDITOR = 'sandbox-trigger-output.png';

/** n8n's REST API from the signed-in editor tab (its session cookie is bound to the browser-id header). */
async function rest(page, method, route, body) {
	const answer = await page.evaluate(
		async (request) => {
			const headers = { 'content-type': 'application/json', 'browser-id': globalThis.localStorage.getItem('n8n-browserId') || '' };
			const init = { method: request.method, headers };
			if (request.body !== undefined) init.body = JSON.stringify(request.body);
			const response = await fetch(request.route, init);
			return { status: response.status, text: await response.text() };
		},
		{ method, route, body },
	);
	if (answer.status !== 200) throw new Error(`n8n ${method} ${route}: ${answer.status} ${answer.text.slice(0, 300)}`);
	return JSON.parse(answer.text).data;
}

/** Removes what an earlier, interrupted run of this check left behind (same names). */
async function removeLeftovers(page) {
	const filter = encodeURIComponent(JSON.stringify({ name: WORKFLOW_NAME }));
	for (const workflow of await rest(page, 'GET', `/rest/workflows?filter=${filter}`)) {
		if (workflow.name !== WORKFLOW_NAME) continue;
		if (!workflow.isArchived) await rest(page, 'POST', `/rest/workflows/${workflow.id}/archive`, {});
		await rest(page, 'DELETE', `/rest/workflows/${workflow.id}`);
	}
	for (const credential of await rest(page, 'GET', '/rest/credentials')) {
		if (credential.name === CREDENTIAL_NAME) await rest(page, 'DELETE', `/rest/credentials/${credential.id}`);
	}
}

/** A Webhook credential with a fresh secret and a workflow of one trigger (version 4) that uses it. */
async function createTriggerWorkflow(page) {
	const token = `browser-check-${crypto.randomBytes(12).toString('hex')}`;
	const credential = await rest(page, 'POST', '/rest/credentials', { name: CREDENTIAL_NAME, type: 'smsHandoverWebhookApi', data: { token } });
	const webhookId = crypto.randomUUID();
	const trigger = {
		id: crypto.randomUUID(),
		name: TRIGGER_NAME,
		type: NODE_TYPES.trigger,
		typeVersion: 4,
		position: [0, 0],
		webhookId,
		// A parameter the installed node does not know is dropped by n8n when it loads the workflow.
		parameters: { triggerOn: ['deliveryReport'] },
		credentials: { smsHandoverWebhookApi: { id: credential.id, name: credential.name } },
	};
	const workflow = await rest(page, 'POST', '/rest/workflows', {
		name: WORKFLOW_NAME,
		nodes: [trigger],
		connections: {},
		settings: { executionOrder: 'v1' },
		active: false,
	});
	return { workflowId: workflow.id, credentialId: credential.id, webhookId, token };
}

async function removeTriggerWorkflow(page, { workflowId, credentialId }) {
	if (workflowId) {
		await rest(page, 'POST', `/rest/workflows/${workflowId}/archive`, {});
		await rest(page, 'DELETE', `/rest/workflows/${workflowId}`);
	}
	if (credentialId) await rest(page, 'DELETE', `/rest/credentials/${credentialId}`);
}

/** One SMS through the sandbox's send endpoint with its API key, as the SMS Handover node sends; its shoot id. */
async function sendThroughSandbox(sandbox) {
	const response = await fetch(`${sandbox.baseUrl}/smsapi/index`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ key: sandbox.apiKey, senderid: 'SANDBOX', contacts: MOBILE, msg: 'Your first test report' }).toString(),
		signal: AbortSignal.timeout(10000),
	});
	const text = await response.text();
	const answer = JSON.parse(text);
	if (answer.result !== 'success') throw new Error(`the sandbox refused the send: ${text}`);
	return answer.sms_shoot_id;
}

/** Opens the trigger's panel by the node's name; reads its Test URL; starts listening for a test event. */
async function listenOnTestUrl(page, baseUrl, workflowId, webhookId) {
	await page.goto(`${baseUrl}/workflow/${workflowId}`);
	await page.locator('[data-test-id="canvas-node"]', { hasText: TRIGGER_NAME }).first().dblclick();
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor({ state: 'visible' });
	await ndv.getByText('Webhook URLs', { exact: true }).first().click();
	await ndv.getByRole('radio', { name: 'Test URL' }).click();
	const shown = ndv.getByText(new RegExp(`/webhook-test/${webhookId}/dlr`)).first();
	await shown.waitFor({ state: 'visible' });
	const testUrl = (await shown.innerText()).trim();
	if (!new RegExp(`^https?://[^/]+/webhook-test/${webhookId}/dlr$`).test(testUrl)) throw new Error(`the panel shows the Test URL as ${JSON.stringify(testUrl)}`);
	// n8n 2.x labels it "Execute step" (1.x: "Listen for test event").
	const listen = ndv.locator('[data-test-id="trigger-execute-button"]').or(ndv.getByRole('button', { name: /^(Execute step|Listen for test event)$/ }));
	await listen.first().click();
	await ndv.locator('[data-test-id="trigger-listening"]').or(ndv.getByText('Listening for test event')).first().waitFor({ state: 'visible' });
	return testUrl;
}

/** Pastes `url` into the page, clicks Delivered for the message; resolves with what the page says the URL answered. */
async function pushDelivered(tab, url, shootId) {
	await tab.getByLabel('Send reports and messages to').fill(url);
	await tab.getByRole('button', { name: `Delivered report for ${MOBILE}, shoot ID ${shootId}` }).click();
	const answer = tab.locator('#result[data-kind="ok"], #result[data-kind="error"]');
	await answer.waitFor({ state: 'visible', timeout: 30000 });
	return (await answer.innerText()).trim();
}

/**
 * The page's Inbound SMS form with its prefilled values (from 919812345678, to 15550100, "YES please"): resolves with
 * what the page says the pasted URL answered.
 */
async function sendInboundFromPage(tab) {
	await tab.getByRole('button', { name: 'Send inbound SMS' }).click();
	const answer = tab.locator('#result[data-kind="ok"], #result[data-kind="error"]');
	await answer.waitFor({ state: 'visible', timeout: 30000 });
	return (await answer.innerText()).trim();
}

/**
 * @param {object} o { baseUrl (n8n), sandbox: { baseUrl, apiKey }, owner?, log?, setupOwner?,
 *   checkExecution?({ workflowId, shootId }) — run before the workflow is removed (e.g. read n8n's database) }
 */
async function runSandboxPageCheck({ baseUrl, sandbox, owner = DEV_OWNER, log = console.log, setupOwner = true, checkExecution }) {
	if (setupOwner) await ensureOwner(baseUrl, owner);
	const browser = await launchBrowser();
	const pageErrors = [];
	let created = {};
	let page;
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		page = await context.newPage();
		page.setDefaultTimeout(30000);
		// n8n's own page errors are its business; ours would name the package.
		page.on('pageerror', (err) => /sms ?handover/i.test(err.message) && pageErrors.push(`editor: ${err.message}`));
		await signIn(page, baseUrl, owner, log);
		await removeLeftovers(page);
		created = await createTriggerWorkflow(page);
		log(`workflow ${created.workflowId}: ${TRIGGER_NAME} v4 with a new Webhook credential`);

		let t = Date.now();
		const testUrl = await listenOnTestUrl(page, baseUrl, created.workflowId, created.webhookId);
		log(`listening for a test event on ${testUrl} (${Date.now() - t} ms)`);
		const shootId = await sendThroughSandbox(sandbox);
		log(`the sandbox received shoot ${shootId}`);

		t = Date.now();
		const tab = await context.newPage();
		tab.setDefaultTimeout(30000);
		tab.on('pageerror', (err) => pageErrors.push(`sandbox page: ${err.message}`));
		await tab.setViewportSize({ width: 1000, height: 900 });
		await tab.goto(`${sandbox.baseUrl}/__sim/ui`);
		const refused = await pushDelivered(tab, `${testUrl}?token=not-the-secret-0000`, shootId);
		if (!/ answered HTTP 401: /.test(refused)) throw new Error(`with a wrong token the page says: ${refused}`);
		const accepted = await pushDelivered(tab, `${testUrl}?token=${created.token}`, shootId);
		if (!/ answered HTTP 200 /.test(accepted)) throw new Error(`with the secret the page says: ${accepted}`);
		log(`page: "${refused}", then "${accepted}" (${Date.now() - t} ms)`);
		await tab.screenshot({ path: path.join(SCREENSHOTS, SCREENSHOT_PAGE), fullPage: true });
		const inbound = await sendInboundFromPage(tab);
		if (!new RegExp(`&from=${MOBILE}&text=YES\\+please&to=15550100&id=&time=[^ ]+&keyword=YES answered HTTP 404: The requested webhook .* is not registered`).test(inbound)) {
			throw new Error(`an inbound SMS to the Test URL nobody listens on any more: the page says ${inbound}`);
		}
		log(`page, Inbound SMS once n8n stopped listening: "${inbound.slice(0, 160)}…"`);
		await tab.reload();
		const remembered = await tab.getByLabel('Send reports and messages to').inputValue();
		if (remembered !== `${testUrl}?token=${created.token}`) throw new Error(`after a reload the page remembers ${JSON.stringify(remembered)}`);

		await page.bringToFront();
		const output = page.locator('[data-test-id="output-panel"]');
		await output.getByText(shootId).first().waitFor({ state: 'visible', timeout: 30000 });
		const shown = await output.innerText();
		for (const expected of [MOBILE, /\bdelivered\b/]) {
			const found = typeof expected === 'string' ? shown.includes(expected) : expected.test(shown);
			if (!found) throw new Error(`the trigger's output lacks ${expected}:\n${shown.slice(0, 1500)}`);
		}
		await page.mouse.move(5, 5);
		await page.screenshot({ path: path.join(SCREENSHOTS, SCREENSHOT_EDITOR) });
		log(`the editor shows the trigger's item (shoot ${shootId}, delivered); screenshots ${SCREENSHOT_PAGE}, ${SCREENSHOT_EDITOR}`);
		if (checkExecution) await checkExecution({ workflowId: created.workflowId, shootId });
		if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join('; ')}`);
	} finally {
		if (page && (created.workflowId || created.credentialId)) await removeTriggerWorkflow(page, created).catch((error) => log(`cleanup: ${error.message}`));
		await browser.close();
	}
}

module.exports = { runSandboxPageCheck, LABEL, MOBILE };
