'use strict';
// The "Test" button of the SMS Handover API credential in real n8n, while `n8n start` runs.
//
// Why the REST endpoint: the editor's button sends `POST /rest/credentials/test` with the
// credential's id and the form's data; n8n merges that over the stored credential and runs its
// CredentialsTester, which for our declarative `test` sends the request through RoutingNode and
// evaluates the `rules`. Calling that endpoint is the smallest path that goes through all of n8n's
// own code and nothing of ours but the package: the tester lives in the `n8n` package and needs
// its DI container and database, so an in-process call would rebuild half of n8n.
// The simulator answers like the panel: the admin key (user 1) gets
// `INFO: ADMIN HAS UNLIMITED BALANCE AND VALIDITY`, a wrong key `ERR: INVALID API KEY`, both HTTP 200.
const { assert } = require('../lib/checks');
const { testCredentialViaRest } = require('../lib/owner');

const BAD_KEY_MESSAGE = 'SMS Handover rejected the API key (ERR: INVALID API KEY). Copy it again from the API section of your panel.';

const CREDENTIAL_TEST_CHECKS = [
	'credential test (POST /rest/credentials/test): good key OK, one balance GET, nothing else sent',
	'credential test: wrong key fails with our message although the panel answers HTTP 200',
	'credential test: admin key (INFO text) OK',
	'credential test: a time zone n8n does not know ("IST India") fails with our message, nothing sent',
	'credential test (JSON API v2): good key OK through GET api/v2/credits with the Bearer header; a wrong key (HTTP 403) and an HTTP 500 of another shape fail',
];

const V2_REFUSED = "SMS Handover refused the API key (HTTP 403). Copy it again from the API section of your panel, and check the credential's API.";
const V2_UNAVAILABLE = 'SMS Handover is unavailable (HTTP 500). Try the Test again later.';

/**
 * An HTTP error's result: n8n 2.x reads its status, so our `responseCode` rule names it; n8n 1.x's
 * tester finds no status on the error RoutingNode throws and gives its own words. Either way it fails.
 */
function assertHttpFailure(result, version, ours) {
	if (version.startsWith('2.')) return assert.deepStrictEqual(result, { status: 'Error', message: ours });
	assert.strictEqual(result.status, 'Error', JSON.stringify(result));
	assert.ok(result.message && result.message !== 'Connection successful!', JSON.stringify(result));
}

async function runCredentialTestChecks({ runner, n8n, sim, cred, prefix, version }) {
	const label = (i) => `${prefix} ${CREDENTIAL_TEST_CHECKS[i]}`;
	const pressTest = (data) => testCredentialViaRest(n8n, { ...cred, data: { ...cred.data, ...data } });
	const keyChecks = [
		[label(0), {}, sim.apiKey, { status: 'OK', message: 'Connection successful!' }],
		[label(1), { apiKey: 'BAD-KEY-123' }, 'BAD-KEY-123', { status: 'Error', message: BAD_KEY_MESSAGE }],
		[label(2), { apiKey: sim.adminKey }, sim.adminKey, { status: 'OK', message: 'Connection successful!' }],
	];
	for (const [checkLabel, data, key, expected] of keyChecks) {
		await runner.check(checkLabel, async () => {
			assert.ok(key, 'the simulator printed no key for this check');
			await sim.reset();
			assert.deepStrictEqual(await pressTest(data), expected);
			const seen = (await sim.requests()).map((r) => `${r.method} ${r.path}`);
			assert.deepStrictEqual(seen, [`GET /miscapi/${key}/getBalance/true/`]);
		});
	}
	await runner.check(label(3), async () => {
		await sim.reset();
		assert.deepStrictEqual(await pressTest({ timeZone: 'IST India' }), {
			status: 'Error',
			message: 'The credential\'s Account Time Zone "IST India" is not a time zone n8n knows. Pick the account\'s zone from the list (for example Asia/Kolkata or Europe/London).',
		});
		assert.deepStrictEqual(await sim.requests(), []);
	});
	await runner.check(label(4), async () => {
		await sim.reset();
		assert.deepStrictEqual(await pressTest({ apiVersion: 'v2' }), { status: 'OK', message: 'Connection successful!' });
		assertHttpFailure(await pressTest({ apiVersion: 'v2', apiKey: 'BAD-KEY-123' }), version, V2_REFUSED);
		// A 500 whose body is not in the v2 error shape (a web server's own JSON) fails too.
		await sim.fail({ endpoint: 'v2Credits', mode: 'frameworkError', status: 500, message: 'Server Error' });
		assertHttpFailure(await pressTest({ apiVersion: 'v2' }), version, V2_UNAVAILABLE);
		const seen = (await sim.requests()).map((r) => [r.method, r.path, r.headers.authorization]);
		assert.deepStrictEqual(seen, [
			['GET', '/api/v2/credits', `Bearer ${sim.apiKey}`],
			['GET', '/api/v2/credits', 'Bearer BAD-KEY-123'],
			['GET', '/api/v2/credits', `Bearer ${sim.apiKey}`],
		]);
	});
}

module.exports = { CREDENTIAL_TEST_CHECKS, runCredentialTestChecks };
