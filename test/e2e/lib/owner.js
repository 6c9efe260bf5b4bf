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

module.exports = { DEV_OWNER, ensureOwner };
