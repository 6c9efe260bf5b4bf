// No silent open doors: a trigger without a usable secret says so in n8n's log, once per process
// and situation, and version 4 refuses every request until it has the Webhook credential. Each
// situation is met for the first time in this file (a fresh module per test file).
import { n8nLogger } from '../harness/n8nLog';
import { testKey } from '../harness/testKeys';
import { startTriggerEndpoint, type TriggerEndpoint, type TriggerEndpointOptions } from '../harness/webhook';

const REPORT = { sms_shoot_id: 'SHOOT-1', mobile: '919765600001', status: 'DELIVRD' };
const endpoints: TriggerEndpoint[] = [];
let warnings: string[] = [];

beforeEach(() => {
	warnings = [];
	jest.spyOn(n8nLogger(), 'warn').mockImplementation((message: string) => {
		warnings.push(message);
	});
});
afterEach(async () => {
	jest.restoreAllMocks();
	await Promise.all(endpoints.splice(0).map(async (endpoint) => await endpoint.close()));
});

async function twoRequests(parameters: Record<string, unknown>, options: TriggerEndpointOptions, token?: string) {
	const endpoint = await startTriggerEndpoint(parameters as never, options);
	endpoints.push(endpoint);
	const url = token === undefined ? endpoint.url : `${endpoint.url}?token=${token}`;
	const answers = [];
	for (let i = 0; i < 2; i++) {
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(REPORT) });
		answers.push([response.status, await response.text()]);
	}
	return { endpoint, answers };
}

it('versions 1–3 without a secret accept the request, and say once that anyone with the URL can start the workflow', async () => {
	const { endpoint, answers } = await twoRequests({}, { typeVersion: 3 });
	expect(answers.map(([status]) => status)).toEqual([200, 200]);
	expect(endpoint.executions).toHaveLength(2);
	expect(warnings).toEqual([
		expect.stringMatching(/^SMS Handover Trigger ".+" of workflow .+ has no secret token: anyone who has its URL can start the workflow\. Add an SMS Handover Webhook API credential\./),
	]);
});

it('version 4 without the credential refuses every request (401) and says why once', async () => {
	const { endpoint, answers } = await twoRequests({}, { typeVersion: 4 });
	const refused = [401, 'Unauthorized: this trigger needs an SMS Handover Webhook API credential'];
	expect(answers).toEqual([refused, refused]);
	expect(endpoint.executions).toEqual([]);
	expect(warnings).toEqual([expect.stringContaining('refuses every request: it has no SMS Handover Webhook API credential, which its version requires')]);
});

it('the deprecated Secret Token still works, and the log says once to move it to the credential (without the token)', async () => {
	const token = testKey('param-secret-token', 4);
	const { endpoint, answers } = await twoRequests({ options: { secretToken: token } }, { typeVersion: 2 }, token);
	expect(answers.map(([status]) => status)).toEqual([200, 200]);
	expect(endpoint.executions).toHaveLength(2);
	expect(warnings).toEqual([expect.stringContaining('uses the deprecated Secret Token option, which is stored in clear in the workflow')]);
	expect(warnings.join('\n')).not.toContain(token);
});

it("a credential token that breaks the credential's own rule is refused at run time, with the rule in the log (not the token)", async () => {
	const token = 'too-short';
	const { endpoint, answers } = await twoRequests({}, { typeVersion: 4, webhookCredential: { token } }, token);
	const refused = [401, "Unauthorized: this trigger's secret token is not usable; see n8n's log"];
	expect(answers).toEqual([refused, refused]);
	expect(endpoint.executions).toEqual([]);
	expect(warnings).toEqual([expect.stringContaining('The secret token has 9 characters; use at least 16')]);
	expect(warnings.join('\n')).not.toContain(token);
});
