#!/usr/bin/env node
'use strict';
// Browser check: headless Chromium (Debian's /usr/bin/chromium driven by playwright-core) signs in
// to a running n8n 2.x editor, adds the SMS Handover Trigger and the SMS Handover node through the
// node creator the way a user does, and saves screenshots of both parameter panels into
// test/e2e/screenshots/. Fails when a node is missing or a panel shows an error.
//
// run.js calls runBrowserCheck() on its n8n 2.41.1 instance. Standalone, against `npm run dev`:
//   node test/e2e/browser.js [--url http://localhost:5678] [--email E --password P]
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
async function checkPanel(page, { title, mustShow, mustHaveValues = [], file, log }) {
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
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	const target = path.join(SCREENSHOTS, file);
	await page.screenshot({ path: target });
	log(`screenshot ${path.relative(process.cwd(), target)}`);
	if (problems.length) throw new Error(`${title} panel: ${problems.join('; ')}\n--- panel text ---\n${text.slice(0, 1500)}`);
	await page.locator('[data-test-id="ndv-close-button"]').first().click();
	await ndv.waitFor({ state: 'hidden', timeout: 10000 });
}

/**
 * @param {object} o { baseUrl, owner?, log?, setupOwner? (true: create the owner if missing) }
 */
async function runBrowserCheck({ baseUrl, owner = DEV_OWNER, log = console.log, setupOwner = true }) {
	const { chromium } = require('playwright-core');
	if (setupOwner) log(`owner account: ${await ensureOwner(baseUrl, owner)}`);
	// playwright gives the browser a fresh temporary profile (its own --user-data-dir).
	const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
	const pageErrors = [];
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		page.setDefaultTimeout(30000);
		page.on('pageerror', (err) => pageErrors.push(err.message));

		let t = Date.now();
		await page.goto(`${baseUrl}/signin`);
		await page.fill('[data-test-id="emailOrLdapLoginId"] input', owner.email);
		await page.fill('[data-test-id="password"] input', owner.password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30000 });
		log(`signed in (${Date.now() - t} ms)`);

		t = Date.now();
		await page.goto(`${baseUrl}/workflow/new`);
		await page.locator('[data-test-id="canvas-add-button"]').click();
		// First step: the creator offers triggers; our entry opens its trigger events.
		await searchNodeCreator(page, 'SMS Handover', 'SMS Handover');
		await clickItem(page, 'On delivered');
		await page.locator('[data-test-id="ndv"]').waitFor({ state: 'visible' });
		// Show the production URL, the one the user copies into dlrUrl.
		await page.getByText('Webhook URLs').first().click();
		await page.getByText('Production URL').first().click();
		await checkPanel(page, {
			title: 'SMS Handover Trigger',
			mustShow: ['SMS Handover has no API to register this URL', 'Credential', 'Events', 'Delivered', 'Options', '/webhook/', '/dlr'],
			file: 'sms-handover-trigger.png',
			log,
		});
		log(`trigger added and checked (${Date.now() - t} ms)`);

		t = Date.now();
		await page.locator('[data-test-id="canvas-handle-plus-wrapper"]').first().click();
		await searchNodeCreator(page, 'SMS Handover', 'SMS Handover');
		await clickItem(page, 'Send an SMS');
		await checkPanel(page, {
			title: 'Send an SMS',
			mustShow: ['Credential', 'Resource', 'Operation', 'Sender ID', 'Contacts', 'Message', 'Options'],
			mustHaveValues: ['SMS', 'Send', /^SMS Handover \(/],
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
	for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
	return args;
}

if (require.main === module) {
	const args = readArgs(process.argv.slice(2));
	const owner = { ...DEV_OWNER, ...(args.email ? { email: args.email } : {}), ...(args.password ? { password: args.password } : {}) };
	runBrowserCheck({ baseUrl: args.url || 'http://localhost:5678', owner, log: (l) => console.log(`[browser] ${l}`) })
		.then(() => console.log('[browser] PASS'))
		.catch((error) => {
			console.error(`[browser] FAIL ${error.message}`);
			process.exit(1);
		});
}

module.exports = { runBrowserCheck, CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS };
