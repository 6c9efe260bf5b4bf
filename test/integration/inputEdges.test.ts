// Input that reaches the edges of what can be sent: each is refused before any request, with an
// error naming the item and the field, instead of failing halfway or going out altered.
import type { IDataObject } from 'n8n-workflow';

import { testKey } from '../harness/testKeys';
import { credentialsFor, run, useSimulator } from './fixtures';

const ctx = useSimulator();

const send = (overrides: IDataObject = {}, options: IDataObject = {}) => ({
	resource: 'sms',
	operation: 'send',
	senderId: 'DEMO',
	contacts: '={{ $json.to }}',
	message: '={{ $json.text }}',
	options: { concurrency: 1, ...options },
	...overrides,
});
const ITEMS = [
	{ to: '919876543210', text: 'a' },
	{ to: '919876543211', text: 'b\uDFFF' },
	{ to: '919876543212', text: 'c' },
];
const BROKEN = 'Item 2, field "message": has a broken character at position 2 (half of an emoji or other symbol)';

describe('half of an emoji (an unpaired UTF-16 surrogate)', () => {
	it('in a message fails the run before any SMS leaves', async () => {
		const result = await run(ctx.sim, { parameters: send(), items: ITEMS });
		expect(result.error?.message).toBe(BROKEN);
		expect(ctx.sim.requests).toEqual([]);
	});

	it('under Continue On Fail is that item\'s error; the others are sent', async () => {
		const result = await run(ctx.sim, { parameters: send(), items: ITEMS, continueOnFail: true });
		expect(result.items.map((item) => [item.json.error ?? item.json.shootId !== undefined, item.pairedItem])).toEqual([
			[true, { item: 0 }],
			[BROKEN, { item: 1 }],
			[true, { item: 2 }],
		]);
		expect(ctx.sim.requests).toHaveLength(2);
	});

	it('a whole emoji is fine', async () => {
		const result = await run(ctx.sim, { parameters: send(), items: [{ to: '919876543210', text: 'Hi 😀' }] });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].form.msg).toBe('Hi 😀');
	});

	it('in an Extra Parameter value, named with its parameter', async () => {
		const parameters = send({}, { extraParameters: { parameter: [{ name: 'pe_id', value: 'x\uD800' }] } });
		const result = await run(ctx.sim, { parameters, items: [ITEMS[0]] });
		expect(result.error?.message).toBe('Item 1, field "options.extraParameters": the value of "pe_id" has a broken character at position 2 (half of an emoji or other symbol)');
		expect(ctx.sim.requests).toEqual([]);
	});
});

describe('options at their limits', () => {
	it.each([
		['a Timeout beyond what a timer can wait', { timeout: 3e9 }, 'Item 1, field "options.timeout": must be at most 2147483647 milliseconds (about 24 days)'],
		['a DLR URL that is no URL', { dlrUrl: 'https://[::1' }, 'Item 1, field "options.dlrUrl": "https://[::1" is not an http(s) URL'],
		['a DLR URL longer than the panel keeps', { dlrUrl: `https://n8n.example.com/webhook/${'a'.repeat(240)}` }, 'Item 1, field "options.dlrUrl": is 272 characters; SMS Handover keeps at most 255'],
	])('%s is refused before anything is sent', async (_label, options, message) => {
		const result = await run(ctx.sim, { parameters: send({}, options), items: [ITEMS[0]] });
		expect(result.error?.message).toBe(message);
		expect(ctx.sim.requests).toEqual([]);
	});

	it('a DLR URL the trigger token makes too long is refused, and the token is not shown', async () => {
		const token = testKey('edge-token-0123456789', 4);
		const dlrUrl = `https://n8n.example.com/webhook/${'a'.repeat(200)}/dlr`;
		const result = await run(ctx.sim, { parameters: send({}, { dlrUrl, addTriggerToken: true }), items: [ITEMS[0]], webhookCredential: { token } });
		expect(result.error?.message).toMatch(/^Item 1, field "options\.dlrUrl": is \d+ characters with the trigger's token; SMS Handover keeps at most 255$/);
		expect(JSON.stringify({ message: result.error?.message, description: result.error?.description })).not.toContain(token);
		expect(ctx.sim.requests).toEqual([]);
	});
});

describe('numbers and ids', () => {
	it.each([
		['Send Bulk', { resource: 'sms', operation: 'sendBulk', senderId: 'DEMO', mobile: '={{ $json.to }}', message: 'Hi', options: {} }],
		['OTP Send', { resource: 'otp', operation: 'send', channelId: '5', mobile: '={{ $json.to }}' }],
	])('%s refuses a negative number as a mobile', async (_label, parameters) => {
		const result = await run(ctx.sim, { parameters, items: [{ to: -919876543210 }] });
		expect(result.error?.message).toBe('Item 1, field "mobile": "-919876543210" is not a phone number');
		expect(ctx.sim.requests).toEqual([]);
	});

	it.each(['.', '..'])('Delivery Report → Get refuses the shoot ID "%s", which would change the request\'s path', async (shootId) => {
		const result = await run(ctx.sim, { parameters: { resource: 'deliveryReport', operation: 'get', shootId, options: {} } });
		expect(result.error?.message).toBe(`Item 1, field "shootId": "${shootId}" is not a shoot ID`);
		expect(ctx.sim.requests).toEqual([]);
	});

	it('an unknown shoot ID is quoted shortened in the error', async () => {
		const shootId = 'S'.repeat(5000);
		const result = await run(ctx.sim, { parameters: { resource: 'deliveryReport', operation: 'get', shootId, options: {} } });
		expect(result.error?.message).toBe(`SMS Handover does not know the shoot ID "${'S'.repeat(60)}…"`);
	});

	it('By Message ID given by an expression as the text "true" asks by message id (JSON API)', async () => {
		const credentials = credentialsFor(ctx.sim, { apiVersion: 'v2' });
		const parameters = { resource: 'deliveryReport', operation: 'get', shootId: 'some-sms-id', options: { byMessageId: 'true' } };
		await run(ctx.sim, { credentials, parameters });
		expect(ctx.sim.requests.map((request) => request.query)).toEqual([{ sms_id: 'some-sms-id' }]);
	});

	it('OTP Verify refuses an empty Code Length instead of switching the check off', async () => {
		const parameters = { resource: 'otp', operation: 'verify', reference: 'REF1', otp: 'abc', options: { codeLength: '' } };
		const result = await run(ctx.sim, { parameters });
		expect(result.error?.message).toBe('Item 1, field "options.codeLength": must be a whole number, 0 or more');
		expect(ctx.sim.requests).toEqual([]);
	});
});
