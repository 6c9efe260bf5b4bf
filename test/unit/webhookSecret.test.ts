import { CredentialTestContext } from 'n8n-core';
import type { ICredentialTestFunctions } from 'n8n-workflow';

import { SmsHandoverWebhookApi } from '../../credentials/SmsHandoverWebhookApi.credentials';
import { smsHandoverWebhookApiTest, tokenFormProblem } from '../../nodes/SmsHandover/trigger/secret';

describe('tokenFormProblem', () => {
	it.each<[string, unknown, string | null]>([
		['16 URL-safe characters', 'abcdefghijklmnop', null],
		['every allowed character', 'AZaz09-._~AZaz09', null],
		['256 characters', 'a'.repeat(256), null],
		['a long random hex token', 'f3a9c1d2e4b5a6978877665544332211', null],
		['empty', '', 'The secret token is empty'],
		['missing', undefined, 'The secret token is empty'],
		['15 characters', 'abcdefghijklmno', 'The secret token has 15 characters; use at least 16'],
		['257 characters', 'a'.repeat(257), 'The secret token has 257 characters; use at most 256'],
		[
			'a space',
			'abcdefgh ijklmnop',
			'The secret token may only contain letters, digits, "-", ".", "_" and "~" (it travels in a URL); check for spaces or a pasted line break',
		],
		['a pasted line break', 'abcdefghijklmnop\n', expect.stringContaining('may only contain') as unknown as string],
		['&, which would end the query parameter', 'abcdefgh&ijklmnop', expect.stringContaining('may only contain') as unknown as string],
		['+, which a query string reads as a space', 'abcdefgh+ijklmnop', expect.stringContaining('may only contain') as unknown as string],
		['non-ASCII letters', 'äbcdefghijklmnopq', expect.stringContaining('may only contain') as unknown as string],
	])('%s', (_label, token, problem) => {
		expect(tokenFormProblem(token)).toEqual(problem);
	});
});

describe('credential test of SMS Handover Webhook API', () => {
	/** n8n-core's real context, with helpers that fail if anything tries to send a request. */
	const context = () => {
		const real = new CredentialTestContext({} as never) as unknown as ICredentialTestFunctions;
		const helpers = new Proxy(
			{},
			{
				get(_target, name) {
					throw new Error(`the credential test used helpers.${String(name)}`);
				},
			},
		);
		return Object.assign(Object.create(real) as ICredentialTestFunctions, { helpers });
	};
	const test = async (token: unknown) =>
		await smsHandoverWebhookApiTest.call(context(), {
			id: '1',
			name: 'Webhook secret',
			type: 'smsHandoverWebhookApi',
			data: token === undefined ? {} : { token: token as string },
		});

	it('accepts a good token without sending anything', async () => {
		expect(await test('e2e-secret-token-7f3a')).toEqual({
			status: 'OK',
			message: 'The token can be used (checked here, nothing was sent)',
		});
	});

	it.each([
		['short-token', 'The secret token has 11 characters; use at least 16'],
		['', 'The secret token is empty'],
		[undefined, 'The secret token is empty'],
	])('refuses %p with the reason', async (token, message) => {
		expect(await test(token)).toEqual({ status: 'Error', message });
	});

	it('never quotes the token in its message', async () => {
		const token = 'my secret token value';
		const result = await test(token);
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain('secret token value');
	});
});

describe('credential type', () => {
	it('is one encrypted password field', () => {
		const credential = new SmsHandoverWebhookApi();
		expect(credential.name).toBe('smsHandoverWebhookApi');
		expect(credential.properties.map(({ name, type, typeOptions, required }) => ({ name, type, typeOptions, required }))).toEqual([
			{ name: 'token', type: 'string', typeOptions: { password: true }, required: true },
		]);
	});
});
