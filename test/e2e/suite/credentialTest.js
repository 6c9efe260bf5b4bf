'use strict';
// The credential's "Test" button in real n8n, while `n8n start` runs.
//
// Why the REST endpoint: the editor's button sends `POST /rest/credentials/test` with the
// credential's id and the form's data; n8n merges that over the stored credential and runs its
// CredentialsTester, which for our declarative `test` sends the request through RoutingNode and
// evaluates the `rules`. Calling that endpoint is the smallest path that goes through all of n8n's
// own code and nothing of ours but the package: the tester lives in the `n8n` package and needs
// its DI container and database, so an in-process call would rebuild half of n8n. It needs a
// signed-in user, hence the owner setup and login (cookie bound to a `browser-id` header).
//
// The admin key is answered by a tiny local server (the simulator has no admin key): the panel
// answers it `INFO: ADMIN HAS UNLIMITED BALANCE AND VALIDITY` with HTTP 200.
const http = require('node:http');
const { assert } = require('../lib/checks');
const { DEV_OWNER, ensureOwner } = require('../lib/owner');

const BROWSER_ID = 'e2e-credential-test';
const ADMIN_ANSWER = 'INFO: ADMIN HAS UNLIMITED BALANCE AND VALIDITY';
const BAD_KEY_MESSAGE = 'SMS Handover rejected the API key (ERR: INVALID API KEY). Copy it again from the API section of your panel.';

const CREDENTIAL_TEST_CHECKS = [
	'credential test (POST /rest/credentials/test): good key OK, one balance GET, nothing else sent',
	'credential test: wrong key fails with our message although the panel answers HTTP 200',
	'credential test: admin key (INFO text) OK',
];

async function signIn(baseUrl) {
	await ensureOwner(baseUrl);
	const res = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
		body: JSON.stringify({ emailOrLdapLoginId: DEV_OWNER.email, password: DEV_OWNER.password }),
		signal: AbortSignal.timeout(30000),
	});
	const cookie = (res.headers.getSetCookie() || []).map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
	if (!res.ok || !cookie) throw new Error(`login answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
	return cookie;
}

/** What the editor's "Test" button sends; resolves n8n's { status, message }. */
async function pressTest(baseUrl, cookie, cred, data) {
	const res = await fetch(`${baseUrl}/rest/credentials/test`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID, cookie },
		body: JSON.stringify({ credentials: { id: cred.id, name: cred.name, type: cred.type, data: { ...cred.data, ...data } } }),
		signal: AbortSignal.timeout(60000),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`POST /rest/credentials/test answered ${res.status}: ${text.slice(0, 300)}`);
	const body = JSON.parse(text);
	return body.data ?? body;
}

async function withAdminPanel(fn) {
	const seen = [];
	const server = http.createServer((req, res) => {
		seen.push(`${req.method} ${req.url}`);
		res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
		res.end(ADMIN_ANSWER);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		return await fn(`http://127.0.0.1:${server.address().port}`, seen);
	} finally {
		await new Promise((resolve) => server.close(resolve));
	}
}

async function runCredentialTestChecks({ runner, n8n, sim, cred, prefix }) {
	const cookie = await signIn(n8n.baseUrl);
	const label = (i) => `${prefix} ${CREDENTIAL_TEST_CHECKS[i]}`;
	const seenBySim = async () => (await sim.requests()).map((r) => `${r.method} ${r.path}`);

	await runner.check(label(0), async () => {
		await sim.reset();
		const result = await pressTest(n8n.baseUrl, cookie, cred, {});
		assert.deepStrictEqual(result, { status: 'OK', message: 'Connection successful!' });
		assert.deepStrictEqual(await seenBySim(), [`GET /miscapi/${sim.apiKey}/getBalance/true/`]);
	});
	await runner.check(label(1), async () => {
		await sim.reset();
		const result = await pressTest(n8n.baseUrl, cookie, cred, { apiKey: 'BAD-KEY-123' });
		assert.deepStrictEqual(result, { status: 'Error', message: BAD_KEY_MESSAGE });
		assert.deepStrictEqual(await seenBySim(), ['GET /miscapi/BAD-KEY-123/getBalance/true/']);
	});
	await runner.check(label(2), async () => {
		await withAdminPanel(async (baseUrl, seen) => {
			const result = await pressTest(n8n.baseUrl, cookie, cred, { apiKey: 'admin-key-1', baseUrl });
			assert.deepStrictEqual(result, { status: 'OK', message: 'Connection successful!' });
			assert.deepStrictEqual(seen, ['GET /miscapi/admin-key-1/getBalance/true/']);
		});
	});
}

module.exports = { CREDENTIAL_TEST_CHECKS, runCredentialTestChecks };
