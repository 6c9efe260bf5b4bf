#!/usr/bin/env node
'use strict';
// Browser check: headless Chromium (Debian's /usr/bin/chromium driven by playwright-core) signs in
// to a running n8n 2.x editor, adds the SMS Handover Trigger and the SMS Handover node through the
// node creator the way a user does, and saves screenshots of both parameter panels into
// test/e2e/screenshots/. Fails when a node is missing or a panel shows an error.
//
// run.js calls runBrowserCheck() and suite/sandboxPage.js's check on its n8n 2.41.1 instance. Standalone, both checks:
//   node test/e2e/browser.js [--url http://localhost:5678] [--email E --password P] [--sandbox URL --sandbox-key K]
//     against `npm run dev` (its sandbox: http://127.0.0.1:4010, key sandbox-key);
//   node test/e2e/browser.js --fresh
//     against its own sandbox and n8n 2.41.1 (the suite's cached install, a fresh user folder), about a minute.
const fs = require('fs');
const path = require('path');
const { DEV_OWNER, ensureOwner } = require('./lib/owner');

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(__dirname, 'screenshots');
// From /work/shared/n8n-runtime.md: without the networking flags Chromium keeps dialing out.
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
// What n8n shows when a node type is not loaded or its panel breaks.
const PANEL_ERRORS = [
	/install this node/i,
	/unknown node/i,
	/not currently installed/i,
	/node is not installed/i,
	/problem loading/i,
	/could not be loaded/i,
	/there was a problem/i,
	/error loading/i,
];

/**
 * Clicks the trigger's first event entry about delivery reports in the node creator. n8n names these entries
 * after the trigger's first multi-select ("On delivered" while that was Events, "On Delivery Report" since
 * Trigger On): whichever it is now, it adds the trigger. Resolves the entry's text.
 */
async function clickTriggerEvent(page, timeout = 15000) {
	const items = page.locator('[data-test-id="item-iterator-item"]', { hasText: /^\s*On /i });
	try {
		await items.first().waitFor({ state: 'visible', timeout });
	} catch {
		const seen = await page.locator('[data-test-id="item-iterator-item"]').allInnerTexts();
		throw new Error(`the node creator offers no "On …" trigger event; it lists: ${JSON.stringify(seen)}`);
	}
	const texts = (await items.allInnerTexts()).map((t) => t.trim());
	const index = Math.max(0, texts.findIndex((t) => /deliver/i.test(t)));
	await items.nth(index).click();
	return texts[index];
}

async function clickItem(page, text, timeout = 15000) {
	const item = page.locator('[data-test-id="item-iterator-item"]', { hasText: text }).first();
	await item.waitFor({ state: 'visible', timeout });
	await item.click();
}

/** The node creator list after typing `query`: fails when no entry is named `name`. */
async function searchNodeCreator(page, query, name) {
	await page.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input').first().waitFor({ timeout: 15000 });
	await page.keyboard.type(query, { delay: 20 });
	const entry = page.locator('[data-test-id="node-creator-item-name"]', { hasText: new RegExp(`^${name}$`) }).first();
	try {
		await entry.waitFor({ state: 'visible', timeout: 15000 });
	} catch {
		const seen = await page.locator('[data-test-id="item-iterator-item"]').allInnerTexts();
		throw new Error(`node creator has no "${name}" for "${query}"; it lists: ${JSON.stringify(seen)}`);
	}
	await entry.click();
}

/** Checks the open node details view, saves its screenshot, closes it. */
async function checkPanel(page, { title, mustShow, mustHaveValues = [], docsUrl, file, log }) {
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor({ state: 'visible', timeout: 15000 });
	await page.locator('[data-test-id="node-parameters"]').waitFor({ state: 'visible', timeout: 15000 });
	await page.waitForTimeout(800); // let lazy parameter inputs render before the screenshot
	const text = await ndv.innerText();
	const problems = [];
	if (!text.includes(title)) problems.push(`title "${title}" not shown`);
	for (const expected of mustShow) if (!text.includes(expected)) problems.push(`"${expected}" not shown`);
	for (const re of PANEL_ERRORS) if (re.test(text)) problems.push(`panel shows ${re}`);
	// Selected options and the credential are input values, not text.
	const values = await ndv.locator('input').evaluateAll((inputs) => inputs.map((i) => i.value));
	for (const expected of mustHaveValues) {
		const found = values.some((v) => (expected instanceof RegExp ? expected.test(v) : v === expected));
		if (!found) problems.push(`no field shows ${expected} (fields: ${JSON.stringify(values.filter(Boolean))})`);
	}
	// The panel's Docs link opens the node's documentationUrl as it is (no query appended after an anchor).
	if (docsUrl) {
		const href = await ndv.locator('a', { hasText: /^\s*Docs\s*$/ }).first().getAttribute('href', { timeout: 5000 }).catch(() => null);
		if (href !== docsUrl) problems.push(`Docs link is ${JSON.stringify(href)}, expected ${docsUrl}`);
	}
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	const target = path.join(SCREENSHOTS, file);
	await page.screenshot({ path: target });
	log(`screenshot ${path.relative(process.cwd(), target)}`);
	if (problems.length) throw new Error(`${title} panel: ${problems.join('; ')}\n--- panel text ---\n${text.slice(0, 1500)}`);
	await page.locator('[data-test-id="ndv-close-button"]').first().click();
	await ndv.waitFor({ state: 'hidden', timeout: 10000 });
}

/** Headless Chromium; playwright gives it a fresh temporary profile (its own --user-data-dir). */
function launchBrowser() {
	const { chromium } = require('playwright-core');
	return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Signs `owner` in through n8n's sign-in form. */
async function signIn(page, baseUrl, owner, log) {
	const t = Date.now();
	await page.goto(`${baseUrl}/signin`);
	await page.fill('[data-test-id="emailOrLdapLoginId"] input', owner.email);
	await page.fill('[data-test-id="password"] input', owner.password);
	await page.click('[data-test-id="form-submit-button"]');
	await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30000 });
	log(`signed in (${Date.now() - t} ms)`);
}

/**
 * @param {object} o { baseUrl, owner?, log?, setupOwner? (true: create the owner if missing) }
 */
async function runBrowserCheck({ baseUrl, owner = DEV_OWNER, log = console.log, setupOwner = true }) {
	if (setupOwner) log(`owner account: ${await ensureOwner(baseUrl, owner)}`);
	const browser = await launchBrowser();
	const pageErrors = [];
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		page.setDefaultTimeout(30000);
		page.on('pageerror', (err) => pageErrors.push(err.message));
		await signIn(page, baseUrl, owner, log);

		let t = Date.now();
		await page.goto(`${baseUrl}/workflow/new`);
		await page.locator('[data-test-id="canvas-add-button"]').click();
		// First step: the creator offers triggers; our entry opens its trigger events: one per kind
		// of event, "any status" said outright (a per-status list pushed users into a filter).
		await searchNodeCreator(page, 'SMS Handover', 'SMS Handover');
		const entries = (await page.locator('[data-test-id="item-iterator-item"]', { hasText: /^\s*On /i }).allInnerTexts()).map(
			(text) => text.split('\n')[0].trim(),
		);
		fs.mkdirSync(SCREENSHOTS, { recursive: true });
		await page.screenshot({ path: path.join(SCREENSHOTS, 'node-creator-trigger-entries.png') });
		for (const expected of ['On delivery report (any status)', 'On inbound SMS']) {
			if (!entries.includes(expected)) throw new Error(`the node list's trigger entries lack "${expected}": ${JSON.stringify(entries)}`);
		}
		if (entries.some((entry) => /^On (delivered|failed)$/i.test(entry))) throw new Error(`per-status entries are back: ${JSON.stringify(entries)}`);
		log(`trigger added through "${(await clickTriggerEvent(page)).split('\n')[0]}"`);
		await page.locator('[data-test-id="ndv"]').waitFor({ state: 'visible' });
		// Show the production URL, the one the user copies into dlrUrl.
		await page.getByText('Webhook URLs').first().click();
		await page.getByText('Production URL').first().click();
		await checkPanel(page, {
			title: 'SMS Handover Trigger',
			// The notice says how to test; Events shows All Reports, its default, not an empty box.
			mustShow: ['SMS Handover has no API to register this URL', 'Listen for test event', 'Test URL', 'Credential', 'All Reports', 'Options', '/webhook/', '/dlr'],
			docsUrl: 'https://www.npmjs.com/package/n8n-nodes-smshandover#delivery-reports',
			file: 'sms-handover-trigger.png',
			log,
		});
		log(`trigger added and checked (${Date.now() - t} ms)`);

		t = Date.now();
		await page.locator('[data-test-id="canvas-handle-plus-wrapper"]').first().click();
		// "What happens next?": n8n shows the package's one entry with the trigger's description,
		// which must not make sending look impossible.
		await page.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input').first().waitFor({ timeout: 15000 });
		await page.keyboard.type('SMS Handover', { delay: 20 });
		const entry = page.locator('[data-test-id="item-iterator-item"]', { hasText: /SMS Handover/ }).first();
		await entry.waitFor({ state: 'visible', timeout: 15000 });
		const entryText = await entry.innerText();
		await page.screenshot({ path: path.join(SCREENSHOTS, 'node-creator-what-happens-next.png') });
		if (!/Send SMS/.test(entryText)) throw new Error(`"What happens next?" shows SMS Handover as: ${JSON.stringify(entryText)}`);
		await entry.locator('[data-test-id="node-creator-item-name"]').first().click();
		await clickItem(page, 'Send an SMS');
		await checkPanel(page, {
			title: 'Send an SMS',
			mustShow: ['Credential', 'Resource', 'Operation', 'Sender ID', 'Contacts', 'Message', 'Options'],
			mustHaveValues: ['SMS', 'Send', /^SMS Handover \(/],
			docsUrl: 'https://www.npmjs.com/package/n8n-nodes-smshandover#operations',
			file: 'sms-handover-node.png',
			log,
		});
		log(`action node added and checked (${Date.now() - t} ms)`);
		const ours = pageErrors.filter((m) => /sms ?handover/i.test(m));
		if (ours.length) throw new Error(`page errors mentioning our nodes: ${ours.join('; ')}`);
	} finally {
		await browser.close();
	}
}

function readArgs(argv) {
	const args = {};
	for (let i = 0; i < argv.length; i++) {
		const name = argv[i].replace(/^--/, '');
		if (name === 'fresh') args.fresh = true;
		else args[name] = argv[++i];
	}
	return args;
}

/** Both browser checks against one n8n and its sandbox; resolves the runner (PASS/FAIL lines, counts). */
async function runAll({ baseUrl, sandbox, owner, log, checkExecution }) {
	const { CheckRunner } = require('./lib/checks');
	const sandboxPage = require('./suite/sandboxPage');
	const runner = new CheckRunner({ out: (line) => console.log(`[browser] ${line}`) });
	await runner.check('browser: editor shows both nodes and their panels without errors', () => runBrowserCheck({ baseUrl, owner, log }));
	await runner.check(sandboxPage.LABEL, () => sandboxPage.runSandboxPageCheck({ baseUrl, sandbox, owner, log, checkExecution }));
	return runner;
}

/** Its own sandbox and n8n 2.41.1 (the suite's cached install, a fresh user folder), stopped afterwards. */
async function withFreshInstance(log, run) {
	const h = require('./lib');
	const stops = [];
	const stopAll = async () => {
		while (stops.length) await stops.pop()().catch(() => {});
	};
	h.installSignalCleanup(stopAll);
	try {
		const packed = await h.buildAndPack({ log });
		const sim = await h.startSimulatorProcess({});
		stops.push(() => sim.stop());
		// The SMS Handover node picks the only API credential, as it does in the suite and in `npm run dev`.
		const credentials = [h.credential({ apiKey: sim.apiKey, baseUrl: sim.baseUrl })];
		const n8n = await h.prepareN8n({ version: '2.41.1', packed, credentials, log });
		stops.push(() => n8n.dispose());
		await n8n.start();
		return await run({ baseUrl: n8n.baseUrl, sandbox: { baseUrl: sim.baseUrl, apiKey: sim.apiKey } });
	} finally {
		await stopAll();
	}
}

if (require.main === module) {
	const args = readArgs(process.argv.slice(2));
	const owner = { ...DEV_OWNER, ...(args.email ? { email: args.email } : {}), ...(args.password ? { password: args.password } : {}) };
	const log = (l) => console.log(`[browser] ${l}`);
	const sandbox = { baseUrl: args.sandbox || 'http://127.0.0.1:4010', apiKey: args['sandbox-key'] || 'sandbox-key' };
	const checks = (target) => runAll({ ...target, owner, log });
	(args.fresh ? withFreshInstance(log, checks) : checks({ baseUrl: args.url || 'http://localhost:5678', sandbox }))
		.then((runner) => {
			console.log(`[browser] ${runner.summary()}`);
			process.exitCode = runner.failed ? 1 : 0;
		})
		.catch((error) => {
			console.error(`[browser] FAIL ${error.stack || error.message}`);
			process.exit(1);
		});
}

module.exports = { runBrowserCheck, runAll, launchBrowser, signIn, CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS };
