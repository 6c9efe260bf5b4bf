'use strict';
// n8n asks for an owner account before the editor opens. Local instances (dev and e2e) get this
// fixed one; it is not a secret: the instances listen on loopback and hold sandbox data only.

const DEV_OWNER = { email: 'dev@smshandover.local', password: 'SmsHandover-dev1', firstName: 'Dev', lastName: 'Owner' };

/** Creates the owner on a fresh instance. Resolves 'created' or 'existing'. */
async function ensureOwner(baseUrl, owner = DEV_OWNER) {
	const res = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
		signal: AbortSignal.timeout(30000),
	});
	const text = await res.text();
	if (res.ok) return 'created';
	if (/already/i.test(text)) return 'existing';
	throw new Error(`owner setup answered ${res.status}: ${text.slice(0, 300)}`);
}

/**
 * What the editor's "Test" button of a credential does: signs the owner in (the cookie is bound to
 * a `browser-id` header) and calls `POST /rest/credentials/test` with the credential's id, type
 * and form data, which n8n merges over the stored credential. Resolves n8n's { status, message }.
 */
async function testCredentialViaRest(n8n, credential, owner = DEV_OWNER) {
	await ensureOwner(n8n.baseUrl, owner);
	const headers = { 'content-type': 'application/json', 'browser-id': 'e2e-credential-test' };
	const login = await fetch(`${n8n.baseUrl}/rest/login`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		signal: AbortSignal.timeout(30000),
	});
	if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
	const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	const res = await fetch(`${n8n.baseUrl}/rest/credentials/test`, {
		method: 'POST',
		headers: { ...headers, cookie },
		body: JSON.stringify({ credentials: credential }),
		signal: AbortSignal.timeout(60000),
	});
	const text = await res.text();
	if (res.status !== 200) throw new Error(`credentials/test: ${res.status} ${text}`);
	return JSON.parse(text).data;
}

module.exports = { DEV_OWNER, ensureOwner, testCredentialViaRest };
