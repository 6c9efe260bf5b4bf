#!/usr/bin/env node
'use strict';
// `npm run dev`: build the package, start the SMS Handover sandbox (local simulator of the API)
// and real n8n 2.41 on http://localhost:5678 with our nodes installed and a ready
// "SMS Handover (sandbox)" credential. Ctrl-C stops both.
//
// The first run installs n8n 2.41.1 and Node 24 into the cache (~/.cache/n8n-nodes-smshandover,
// or $SMSHANDOVER_E2E_CACHE); later runs reuse them. n8n's data (workflows you build, the owner
// account) persists in <cache>/dev-home across runs.
// Environment: N8N_PORT (5678), SANDBOX_PORT (4010), N8N_LISTEN_ADDRESS (127.0.0.1).
const fs = require('fs');
const path = require('path');
const h = require('../test/e2e/lib');
const { DEV_OWNER, ensureOwner } = require('../test/e2e/lib/owner');

const VERSION = '2.41.1';
const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT || 4010);
const SANDBOX_KEY = 'sandbox-key';
const CREDENTIAL = { id: 'smsHandoverSbx01', name: 'SMS Handover (sandbox)' };
// A Webhook credential for the trigger, so a first test report needs nothing to be created first.
// Local only: its token is printed in the banner.
const WEBHOOK_CREDENTIAL = {
	id: 'smsHandoverSbxWh',
	name: 'SMS Handover Webhook (sandbox)',
	type: 'smsHandoverWebhookApi',
	data: { token: 'sandbox-trigger-token-2026' },
};

const log = (line) => console.log(`[dev] ${line}`);
let sim = null;
let n8n = null;

async function stopAll() {
	if (n8n) {
		log('stopping n8n ...');
		await n8n.stop();
	}
	if (sim) {
		log('stopping the sandbox ...');
		await sim.stop();
	}
}

async function portFree(port) {
	const net = require('net');
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

/**
 * Imports the sandbox credential (same id every run, so a re-import overwrites it). Skipped
 * when the database still has it and it was imported with the same base URL: saves an n8n CLI
 * start (~5 s) on every later run.
 */
async function ensureSandboxCredential(n8n, userFolder, baseUrl) {
	const marker = path.join(userFolder, 'sandbox-credential.json');
	const wanted = JSON.stringify({ id: CREDENTIAL.id, baseUrl, apiKey: SANDBOX_KEY, webhook: WEBHOOK_CREDENTIAL.id });
	let previous = null;
	try {
		previous = fs.readFileSync(marker, 'utf8');
	} catch {
		// first run
	}
	if (previous === wanted) {
		const rows = await n8n.query('SELECT id FROM credentials_entity WHERE id = ?', [CREDENTIAL.id]);
		if (rows.length) return;
	}
	await n8n.importCredentials([h.credential({ ...CREDENTIAL, apiKey: SANDBOX_KEY, baseUrl }), WEBHOOK_CREDENTIAL]);
	fs.writeFileSync(marker, wanted);
}

async function main() {
	const started = Date.now();
	h.installSignalCleanup(async (sig) => {
		log(`${sig}: shutting down`);
		await stopAll();
		log('stopped');
	});
	for (const [name, port] of [
		['n8n', N8N_PORT],
		['sandbox', SANDBOX_PORT],
	]) {
		if (!(await portFree(port))) throw new Error(`port ${port} (${name}) is in use: stop what runs there, or set ${name === 'n8n' ? 'N8N_PORT' : 'SANDBOX_PORT'}`);
	}

	log('building the package (npm run build + npm pack) ...');
	const packed = await h.buildAndPack({ log });

	log(`starting the sandbox on port ${SANDBOX_PORT} ...`);
	sim = await h.startSimulatorProcess({ port: SANDBOX_PORT, key: SANDBOX_KEY, script: path.join(h.REPO, 'scripts', 'sandbox.js') });
	log(`sandbox: ${sim.baseUrl} (API key ${sim.apiKey})`);

	const check = await h.checkN8n(VERSION);
	if (!check.ok) {
		log(`first run: installing n8n ${VERSION} with Node 24 into ${h.cacheRoot()}`);
		log('this takes about 6 minutes on 2 cores (npm install ~4 min, compiling sqlite3 ~2 min); later runs start in about 20 s');
	}
	const installed = await h.ensureN8n(VERSION, { log });

	const userFolder = path.join(h.cacheRoot(), 'dev-home');
	fs.mkdirSync(userFolder, { recursive: true });
	n8n = new h.N8nInstance(installed, {
		userFolder,
		log,
		env: { N8N_PORT: String(N8N_PORT), WEBHOOK_URL: `http://localhost:${N8N_PORT}/`, N8N_LISTEN_ADDRESS: process.env.N8N_LISTEN_ADDRESS || '127.0.0.1' },
	});
	await n8n.installPackage(packed);
	log(`installed ${packed.name}@${packed.version} into ${userFolder}/.n8n/nodes (as Settings → Community Nodes would)`);
	await ensureSandboxCredential(n8n, userFolder, sim.baseUrl);
	log(`credentials "${CREDENTIAL.name}" (base URL ${sim.baseUrl}) and "${WEBHOOK_CREDENTIAL.name}" ready`);

	const logFile = path.join(userFolder, 'n8n.log');
	log(`starting n8n ${VERSION} (its log: ${logFile}) ...`);
	await n8n.start({ logFile });
	const owner = await ensureOwner(n8n.baseUrl);
	const url = `http://localhost:${N8N_PORT}`;
	console.log(
		[
			'',
			`  n8n ${VERSION} with n8n-nodes-smshandover is running: ${url}`,
			`  Sign in as ${DEV_OWNER.email} / ${DEV_OWNER.password}  (local dev owner, ${owner === 'created' ? 'created now' : 'created on an earlier run'})`,
			'  Add a node → search "SMS Handover"; pick the credential "SMS Handover (sandbox)".',
			`  The sandbox (${sim.baseUrl}, key ${SANDBOX_KEY}) answers like the provider; nothing is really sent.`,
			`    Its control page:   ${sim.baseUrl}/__sim/ui  (messages it received; push a report or an inbound SMS)`,
			`    What it received:   curl ${sim.baseUrl}/__sim/requests`,
			`    An OTP it "sent":   curl ${sim.baseUrl}/__sim/otp/<reference>`,
			`  A first test report: add an SMS Handover Trigger with the credential "${WEBHOOK_CREDENTIAL.name}", copy its Test URL (Webhook URLs) and add ?token=${WEBHOOK_CREDENTIAL.data.token};`,
			'  click "Listen for test event" (n8n 2.x: "Execute step"), paste the URL into the control page, click Delivered. Or use the Production URL once the workflow is active.',
			'  Reports without the page: put the trigger\'s URL into the SMS Handover node\'s DLR URL option; the sandbox pushes one per recipient.',
			`  Ready in ${h.formatMs(Date.now() - started)}. Press Ctrl-C to stop n8n and the sandbox.`,
			'',
		].join('\n'),
	);

	// Stay up until a signal; report if n8n dies on its own.
	for (;;) {
		await h.sleep(1000);
		if (n8n.server && n8n.server.exited) {
			const tail = n8n.serverLog().trim().split('\n').slice(-20).join('\n');
			log(`n8n exited (${JSON.stringify(n8n.server.exited)}):\n${tail}`);
			n8n.server = null;
			await stopAll();
			process.exit(1);
		}
	}
}

main().catch(async (error) => {
	console.error(`[dev] ${error.message}`);
	await stopAll().catch(() => {});
	process.exit(1);
});
