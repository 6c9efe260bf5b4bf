import { CredentialTestContext } from 'n8n-core';
import type { ICredentialTestFunctions } from 'n8n-workflow';

import { smsHandoverApiTest } from '../../nodes/SmsHandover/credentialTest';
import { SmsHandover } from '../../nodes/SmsHandover/SmsHandover.node';
import { API_KEY, useSimulator } from './fixtures';

/** The "Test" button of the credential, through n8n-core's real CredentialTestContext. */
describe('credential test', () => {
	const ctx = useSimulator();
	const test = async (data: Record<string, string>) => {
		const context = new CredentialTestContext({} as never) as unknown as ICredentialTestFunctions;
		return await smsHandoverApiTest.call(context, { id: '1', name: 'SMS Handover', type: 'smsHandoverApi', data });
	};

	it('is what the node names in testedBy', () => {
		const node = new SmsHandover();
		expect(node.description.credentials).toEqual([{ name: 'smsHandoverApi', required: true, testedBy: 'smsHandoverApiTest' }]);
		expect(node.methods.credentialTest.smsHandoverApiTest).toBe(smsHandoverApiTest);
	});

	it('succeeds with a good key and calls the balance endpoint', async () => {
		expect(await test({ apiKey: API_KEY, baseUrl: `${ctx.sim.baseUrl}/` })).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(ctx.sim.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([`GET /miscapi/${API_KEY}/getBalance/true/`]);
	});

	it('fails with the provider’s message when the key is wrong, although the answer is HTTP 200', async () => {
		const result = await test({ apiKey: 'BAD-KEY-123', baseUrl: ctx.sim.baseUrl });
		expect(result).toEqual({ status: 'Error', message: 'INVALID API KEY' });
	});

	it('fails clearly when the base URL serves a web page', async () => {
		ctx.sim.failNext('balance', 'html');
		const result = await test({ apiKey: API_KEY, baseUrl: ctx.sim.baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^SMS Handover answered with a web page instead of API data\. Check the Base URL/);
		expect(result.message).not.toContain(API_KEY);
	});

	it('is not retried: one request, and the panel\'s failure is the answer', async () => {
		ctx.sim.failNext('balance', 'http503');
		const result = await test({ apiKey: API_KEY, baseUrl: ctx.sim.baseUrl });
		expect(result).toEqual({ status: 'Error', message: 'SMS Handover is unavailable (HTTP 503). Reply: Service Temporarily Unavailable' });
		expect(ctx.sim.requests).toHaveLength(1);
	});

	it('fails clearly when nothing listens there, without showing the key', async () => {
		const result = await test({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Could not reach SMS Handover: /);
		expect(result.message).not.toContain(API_KEY);
	});
});
