// The trigger's secret from the SMS Handover Webhook API credential, through n8n-core's real
// WebhookContext and getCredentials; the deprecated Secret Token parameter still works.
import { NodeHelpers, type INode, type INodeParameters } from 'n8n-workflow';

import { SmsHandoverTrigger } from '../../nodes/SmsHandover/SmsHandoverTrigger.node';
import { n8nLogger } from '../harness/n8nLog';
import { testKey } from '../harness/testKeys';
import { startTriggerEndpoint, type TriggerEndpoint, type TriggerEndpointOptions } from '../harness/webhook';

const CREDENTIAL_TOKEN = 'cred-Secret_token.0123~xyz';
const PARAMETER_TOKEN = testKey('param-secret-token', 3);
/** The token with its last character changed. */
const nearMiss = (token: string) => `${token.slice(0, -1)}${token.endsWith('7') ? '8' : '7'}`;
const REPORT = { sms_shoot_id: 'SHOOT-9', mobile: '919765600009', status: 'DELIVRD', error_code: '000' };
const UNAUTHORIZED =
	"Unauthorized: missing or wrong token. This trigger starts only on requests that carry its Webhook credential's secret token, as ?token=<secret> or the X-SMSHandover-Token header: turn on Add Trigger Token in the SMS Handover node that sends, or append ?token=<secret> to the URL given to the panel.";

const endpoints: TriggerEndpoint[] = [];
afterEach(async () => {
	await Promise.all(endpoints.splice(0).map(async (endpoint) => await endpoint.close()));
});

async function trigger(parameters: INodeParameters, options: TriggerEndpointOptions) {
	const endpoint = await startTriggerEndpoint(parameters, options);
	endpoints.push(endpoint);
	return endpoint;
}

async function post(url: string, token?: string, header?: string) {
	const target = token === undefined ? url : `${url}?${new URLSearchParams({ token })}`;
	const response = await fetch(target, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...(header ? { 'X-SMSHandover-Token': header } : {}) },
		body: JSON.stringify(REPORT),
	});
	return { status: response.status, body: await response.text() };
}

const withCredential = (typeVersion: 1 | 2 | 3 = 3): TriggerEndpointOptions => ({
	typeVersion,
	webhookCredential: { token: CREDENTIAL_TOKEN },
});

describe('webhook secret from the credential', () => {
	it('accepts the credential token in the query string; the token is not in the items', async () => {
		const endpoint = await trigger({}, withCredential());
		expect((await post(endpoint.url, CREDENTIAL_TOKEN)).status).toBe(200);
		expect(endpoint.executions.map((call) => call.items.map((item) => [item.shootId, item.status]))).toEqual([
			[['SHOOT-9', 'delivered']],
		]);
		const seen = JSON.stringify(endpoint.calls.map((call) => [call.items, call.responseBody]));
		expect(seen).toContain('SHOOT-9');
		expect(seen).not.toContain(CREDENTIAL_TOKEN);
	});

	it('accepts the credential token in the X-SMSHandover-Token header', async () => {
		const endpoint = await trigger({}, withCredential());
		expect((await post(endpoint.url, undefined, CREDENTIAL_TOKEN)).status).toBe(200);
		expect(endpoint.executions).toHaveLength(1);
	});

	it.each<[string, string | undefined, string | undefined]>([
		['missing', undefined, undefined],
		['wrong', 'cred-Secret_token.0123~xyZ', undefined],
		['a prefix of it', 'cred-Secret_token', undefined],
		['wrong in the header', undefined, 'nope'],
	])('answers 401 and starts nothing when the token is %s', async (_label, token, header) => {
		const endpoint = await trigger({}, withCredential());
		const answer = await post(endpoint.url, token, header);
		expect(answer).toEqual({ status: 401, body: UNAUTHORIZED });
		expect(endpoint.executions).toEqual([]);
		expect(endpoint.calls.map((call) => call.thrown)).toEqual([undefined]);
	});

	it('wins over the deprecated parameter when both are set', async () => {
		const endpoint = await trigger({ options: { secretToken: PARAMETER_TOKEN } }, withCredential(2));
		expect(await post(endpoint.url, PARAMETER_TOKEN)).toEqual({ status: 401, body: UNAUTHORIZED });
		expect((await post(endpoint.url, CREDENTIAL_TOKEN)).status).toBe(200);
		expect(endpoint.executions).toHaveLength(1);
	});

	it.each([
		['no token', '', 'The secret token is empty'],
		['a token shorter than the rule allows', 'short-token', 'The secret token has 11 characters; use at least 16'],
		['a token with a character that cannot travel in a URL', 'a token with spaces inside', 'The secret token may only contain letters'],
	])('refuses every request (401, nothing started) when the credential has %s, and says why once in the log', async (_label, token, rule) => {
		const warnings: string[] = [];
		const spy = jest.spyOn(n8nLogger(), 'warn').mockImplementation((message: string, meta?: object) => {
			warnings.push(`${message} ${JSON.stringify(meta)}`);
		});
		try {
			const endpoint = await trigger({ options: { secretToken: PARAMETER_TOKEN } }, { typeVersion: 3, webhookCredential: { token } });
			const refused = { status: 401, body: "Unauthorized: this trigger's secret token is not usable; see n8n's log" };
			expect(await post(endpoint.url, PARAMETER_TOKEN)).toEqual(refused);
			expect(token ? await post(endpoint.url, token) : await post(endpoint.url)).toEqual(refused);
			expect(endpoint.executions).toEqual([]);
			const said = warnings.filter((line) => line.includes('cannot be used'));
			expect(said.length).toBeLessThanOrEqual(1);
			if (said.length) expect(said[0]).toContain(rule);
			expect(warnings.join('\n')).not.toContain(PARAMETER_TOKEN);
			if (token) expect(warnings.join('\n')).not.toContain(token);
		} finally {
			spy.mockRestore();
		}
	});
});

describe('without the credential', () => {
	it.each<1 | 2>([1, 2])('the deprecated parameter alone still works (typeVersion %i)', async (typeVersion) => {
		const endpoint = await trigger({ options: { secretToken: PARAMETER_TOKEN } }, { typeVersion });
		const refused = await post(endpoint.url, nearMiss(PARAMETER_TOKEN));
		expect(refused).toEqual({ status: 401, body: UNAUTHORIZED });
		expect(refused.body).not.toContain(PARAMETER_TOKEN);
		expect((await post(endpoint.url, PARAMETER_TOKEN)).status).toBe(200);
		expect(endpoint.executions).toHaveLength(1);
		expect(JSON.stringify(endpoint.executions[0].items)).not.toContain(PARAMETER_TOKEN);
	});

	it('version 3 has no such parameter: n8n drops a value put there by hand, only the credential counts', async () => {
		const endpoint = await trigger({ options: { secretToken: PARAMETER_TOKEN } }, { typeVersion: 3 });
		expect((await post(endpoint.url)).status).toBe(200);
		const secured = await trigger({ options: { secretToken: PARAMETER_TOKEN } }, withCredential(3));
		expect((await post(secured.url, PARAMETER_TOKEN)).status).toBe(401);
	});

	it('no secret configured: every request is accepted', async () => {
		const endpoint = await trigger({}, { typeVersion: 3 });
		expect((await post(endpoint.url)).status).toBe(200);
		expect((await post(endpoint.url, 'anything-at-all-here')).status).toBe(200);
		expect(endpoint.executions).toHaveLength(2);
	});
});

describe('what the editor shows', () => {
	const nodeType = new SmsHandoverTrigger();
	const { description } = nodeType;
	/** The option names n8n's displayParameter lets the editor show for the node at this version. */
	const optionNames = (typeVersion: number) => {
		const node = { typeVersion, parameters: {} } as unknown as INode;
		return description.properties
			.filter((property) => property.name === 'options')
			.filter((property) => NodeHelpers.displayParameter({}, property, node, description))
			.map((property) => (property.options ?? []).map((option) => ('name' in option ? option.name : '')));
	};

	it('new nodes are version 4, without the Secret Token option', () => {
		expect(description.defaultVersion).toBe(4);
		expect(optionNames(3)).toEqual([['deduplicate', 'deduplicateWindow']]);
		expect(optionNames(4)).toEqual([['deduplicate', 'deduplicateWindow']]);
	});

	it.each([
		[1, ['notice', 'openDoorNotice']],
		[3, ['notice', 'openDoorNotice']],
		[4, ['notice', 'secretRequiredNotice']],
	])('version %i shows the notices %j', (typeVersion, notices) => {
		const node = { typeVersion, parameters: {} } as unknown as INode;
		const shown = description.properties
			.filter((property) => property.type === 'notice')
			.filter((property) => NodeHelpers.displayParameter({}, property, node, description))
			.map((property) => property.name);
		expect(shown).toEqual(notices);
	});

	it.each([1, 2])('version %i nodes keep the deprecated option', (typeVersion) => {
		expect(optionNames(typeVersion)).toEqual([['deduplicate', 'deduplicateWindow', 'secretToken']]);
	});

	it('the credential is optional on every version and tested by the node', () => {
		expect(description.credentials).toEqual([
			{ name: 'smsHandoverWebhookApi', required: false, testedBy: 'smsHandoverWebhookApiTest' },
		]);
		expect(typeof nodeType.methods.credentialTest.smsHandoverWebhookApiTest).toBe('function');
	});
});
