import type { IDataObject } from 'n8n-workflow';

import type { SimEndpoint, SimFailureMode } from '../simulator';
import { API_KEY, run, useSimulator, visibleText } from './fixtures';

const send = { resource: 'sms', operation: 'send', senderId: 'DEMO', contacts: '919876543210', message: 'Hi', options: { timeout: 1500 } };
const balance = { resource: 'account', operation: 'getBalance', options: { timeout: 1500 } };
const otpVerify = { resource: 'otp', operation: 'verify', reference: 'R', otp: '123456', options: { timeout: 1500 } };

const notSure = 'The messages may or may not have been submitted. Check the delivery reports or the panel before sending again: this node never resends on its own.';

describe('provider failures', () => {
	const ctx = useSimulator();

	it.each<[SimFailureMode, string, string | undefined]>([
		['http500', 'SMS Handover is unavailable (HTTP 500)', '500'],
		['http502', 'SMS Handover is unavailable (HTTP 502)', '502'],
		['http503', 'SMS Handover is unavailable (HTTP 503)', '503'],
		['http429', 'SMS Handover is rate limiting requests (HTTP 429, retry after 1 s)', '429'],
		['html', 'SMS Handover answered with a web page instead of API data', undefined],
		['malformedJson', 'SMS Handover sent a reply that is not valid JSON', undefined],
		['errText', 'SERVICE UNAVAILABLE', undefined],
		['errorJson', 'SERVICE UNAVAILABLE', undefined],
	])('a send answered with %s fails with "%s" and is not retried', async (mode, message, httpCode) => {
		ctx.sim.failNext('send', mode, { message: 'SERVICE UNAVAILABLE' });
		const result = await run(ctx.sim, { parameters: send });
		expect(result.error?.message).toBe(message);
		expect(result.error?.httpCode ?? undefined).toBe(httpCode);
		expect(ctx.sim.requests).toHaveLength(1);
		expect(visibleText(result)).not.toContain(API_KEY);
	});

	it('a hanging send times out with a warning that the SMS may have gone out', async () => {
		ctx.sim.failNext('send', 'hang');
		const result = await run(ctx.sim, { parameters: send });
		expect(result.error?.message).toBe('SMS Handover did not answer within 1500 ms');
		expect(result.error?.description).toContain(notSure);
		expect(ctx.sim.requests).toHaveLength(1);
	});

	it('a reset connection is reported as such', async () => {
		ctx.sim.failNext('send', 'reset');
		const result = await run(ctx.sim, { parameters: send });
		expect(result.error?.message).toMatch(/^SMS Handover closed the connection before answering|^Could not reach SMS Handover/);
		expect(result.error?.description).toContain(notSure);
	});

	it('a refused connection names the problem', async () => {
		const result = await run(ctx.sim, { parameters: otpVerify, credentials: { apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9' } });
		expect(result.error?.message).toBe('SMS Handover refused the connection');
		expect(result.error?.description).toBe('GET /verify-otp/index: ECONNREFUSED');
	});

	it.each<[SimEndpoint, IDataObject]>([
		['balance', balance],
		['otpVerify', otpVerify],
	])('errors on %s never show the key (it travels in the URL there)', async (endpoint, parameters) => {
		ctx.sim.failNext(endpoint, 'http500');
		const result = await run(ctx.sim, { parameters });
		expect(result.error?.message).toBe('SMS Handover is unavailable (HTTP 500)');
		expect(visibleText(result)).not.toContain(API_KEY);
	});

	it('with continueOnFail, a provider error becomes an error item paired to its input', async () => {
		ctx.sim.failNext('send', 'errorJson', { message: 'INVALID SENDER ID' });
		const result = await run(ctx.sim, {
			parameters: { ...send, contacts: '={{ $json.to }}' },
			items: [{ to: '919876543210' }, { to: '919876543211' }],
			continueOnFail: true,
		});
		expect(result.items.map((item) => [item.pairedItem, item.json.error ?? item.json.success])).toEqual([
			[{ item: 0 }, 'INVALID SENDER ID'],
			[{ item: 1 }, true],
		]);
	});

	it('without continueOnFail, the error lists the items already submitted', async () => {
		ctx.sim.failNext('send', 'http503', { after: 1 });
		const result = await run(ctx.sim, {
			parameters: { ...send, contacts: '={{ $json.to }}', options: { concurrency: 1 } },
			items: [{ to: '919876543210' }, { to: '919876543211' }, { to: '919876543212' }],
		});
		expect(ctx.sim.requests).toHaveLength(2);
		expect(result.error?.message).toBe('SMS Handover is unavailable (HTTP 503)');
		expect(result.error?.description).toMatch(/Already submitted before this error, do not send these again: item 1 \(shoot id [A-Za-z0-9]{16}\)\.$/);
	});
});

describe('the API key stays with the panel', () => {
	const ctx = useSimulator();

	it('a plain-http Base URL that is not this machine is refused before any request', async () => {
		const result = await run(ctx.sim, {
			parameters: { resource: 'sms', operation: 'send', senderId: 'DEMO', contacts: '919876543210', message: 'Hi', options: {} },
			credentials: { apiKey: API_KEY, baseUrl: 'http://panel.invalid' },
		});
		expect(result.error?.message).toBe(
			"The credential's Base URL (http://panel.invalid) uses plain http://: the API key, numbers and messages would cross the network unencrypted. Use the panel's https:// address, or turn on Allow Unencrypted HTTP in the credential if the panel serves no HTTPS.",
		);
		expect(result.error?.description).toBe('Nothing was submitted before this error.');
		expect(ctx.sim.requests).toEqual([]);
	});

	it('with Allow Unencrypted HTTP the request goes out (and here finds no such host)', async () => {
		const result = await run(ctx.sim, {
			parameters: { resource: 'account', operation: 'getBalance', options: { timeout: 3000 } },
			credentials: { apiKey: API_KEY, baseUrl: 'http://panel.invalid', allowUnencryptedHttp: true },
		});
		expect(result.error?.message).toMatch(/^The SMS Handover host name could not be resolved/);
	});

	it.each([307, 308, 301] as const)('a redirect (%i) is reported with its target host, never followed', async (status) => {
		ctx.sim.setFailure('send', 'redirect', { status, location: 'https://elsewhere.example:8443/smsapi/index?key=x' });
		const result = await run(ctx.sim, {
			parameters: { resource: 'sms', operation: 'send', senderId: 'DEMO', contacts: '919876543210', message: 'Hi', options: {} },
		});
		expect(result.error?.message).toBe(`SMS Handover answered with a redirect (HTTP ${status}) to elsewhere.example:8443`);
		expect(result.error?.description).toContain('Nothing was submitted: the panel answered with a redirect instead of taking the request.');
		expect(visibleText(result)).not.toContain(API_KEY);
		expect(ctx.sim.requests).toHaveLength(1);
	});
});
