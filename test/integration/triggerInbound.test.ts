// Two-way SMS: the panel forwards a handset's message (its getReplies) to the URL the user set, with
// the README's template; the trigger, with Trigger On "Inbound SMS", starts the workflow with one
// item. The simulator makes the panel's GETs, placeholders replaced as its code replaces them.
import type { INodeParameters } from 'n8n-workflow';

import { testKey } from '../harness/testKeys';
import { startTriggerEndpoint, type TriggerEndpoint } from '../harness/webhook';
import { nativePush, startSimulator, type Simulator } from '../simulator';

const TOKEN = testKey('inbound-secret-token', 6);
const TEMPLATE = `token=${TOKEN}&from=%p&text=%r&to=%v&id=%i&time=%t&keyword=%m`;

let sim: Simulator;
const endpoints: TriggerEndpoint[] = [];
beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(async () => await sim.close());
afterEach(async () => {
	sim.reset();
	await Promise.all(endpoints.splice(0).map(async (endpoint) => await endpoint.close()));
});

async function trigger(parameters: INodeParameters) {
	const endpoint = await startTriggerEndpoint(parameters, { typeVersion: 4, webhookCredential: { token: TOKEN }, timezone: 'Asia/Kolkata' });
	endpoints.push(endpoint);
	return endpoint;
}

const items = (endpoint: TriggerEndpoint) => endpoint.executions.map((call) => call.items);

it('a message to the Default MO URL becomes one item: sender, number, text, keyword, id, time', async () => {
	const endpoint = await trigger({ triggerOn: ['inboundSms'] });
	const [call] = await sim.receiveInbound({ from: '+919812345678', text: 'STOP now!', to: '56767', messageId: '991', defaultMoUrl: `${endpoint.url}?${TEMPLATE}` });
	expect(call.status).toBe(200);
	const [[item]] = items(endpoint);
	expect(item).toEqual({
		event: 'inboundSms',
		from: '919812345678',
		to: '56767',
		text: 'STOP now!',
		keyword: 'STOP',
		messageId: '991',
		receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/),
		raw: expect.objectContaining({ from: ' 919812345678', text: 'STOP now!', keyword: 'STOP' }),
	});
	// The panel's clock (no offset) read in the workflow's zone is the real instant.
	expect(Math.abs(Date.parse(String(item.receivedAt)) - call.at)).toBeLessThan(5_000);
	expect(JSON.stringify(item)).not.toContain(TOKEN);
});

it('a VMN or keyword trigger URL has no %m: the literal placeholder counts as no keyword; an empty id as none', async () => {
	const endpoint = await trigger({ triggerOn: ['inboundSms'] });
	await sim.receiveInbound({ from: '919812345678', text: 'Yes please', to: '919900000000', messageId: '', url: `${endpoint.url}?${TEMPLATE}` });
	expect(items(endpoint)).toEqual([[expect.objectContaining({ text: 'Yes please', keyword: '', messageId: null, to: '919900000000' })]]);
});

it('text with "+", "%" and non-Latin letters arrives decoded exactly once', async () => {
	const endpoint = await trigger({ triggerOn: ['inboundSms'] });
	const text = 'C++ 50% off %41 नमस्ते';
	await sim.receiveInbound({ from: '919812345678', text, to: '56767', defaultMoUrl: `${endpoint.url}?${TEMPLATE}` });
	expect(items(endpoint)[0][0].text).toBe(text);
});

it('a text that looks like a placeholder ("%m") is what the handset sent: the panel always replaces %r', async () => {
	const endpoint = await trigger({ triggerOn: ['inboundSms'] });
	for (const text of ['%m', '%P', '%t']) await sim.receiveInbound({ from: '919812345678', text, to: '56767', defaultMoUrl: `${endpoint.url}?${TEMPLATE}` });
	expect(items(endpoint).map(([item]) => item.text)).toEqual(['%m', '%P', '%t']);
});

it('the number it was sent to is normalised like the sender; a short code stays as is', async () => {
	const endpoint = await trigger({ triggerOn: ['inboundSms'] });
	await sim.receiveInbound({ from: '+919812345678', text: 'hi', to: '+447700900000', url: `${endpoint.url}?${TEMPLATE}` });
	await sim.receiveInbound({ from: '+919812345678', text: 'hi', to: '56767', url: `${endpoint.url}?${TEMPLATE}` });
	expect(items(endpoint).map(([item]) => [item.from, item.to])).toEqual([
		['919812345678', '447700900000'],
		['919812345678', '56767'],
	]);
});

it('with both URLs set the panel calls twice; Deduplicate keeps the first (same SMSC id)', async () => {
	const endpoint = await trigger({ triggerOn: ['inboundSms'], options: { deduplicate: true } });
	const calls = await sim.receiveInbound({
		from: '919812345678',
		text: 'INFO',
		to: '56767',
		messageId: '992',
		url: `${endpoint.url}?${TEMPLATE}`,
		defaultMoUrl: `${endpoint.url}?${TEMPLATE}`,
	});
	expect(calls.map((call) => [call.source, call.status])).toEqual([
		['trigger', 200],
		['defaultMo', 200],
	]);
	expect(items(endpoint).map((list) => list.map((item) => item.keyword))).toEqual([['']]);
});

it('the secret applies: without the token the message starts nothing (401)', async () => {
	const endpoint = await trigger({ triggerOn: ['inboundSms'] });
	const [call] = await sim.receiveInbound({ from: '919812345678', text: 'hi', to: '56767', defaultMoUrl: `${endpoint.url}?from=%p&text=%r` });
	expect(call.status).toBe(401);
	expect(endpoint.executions).toEqual([]);
});

it.each([
	[['deliveryReport'], 'an inbound SMS', 0],
	[['inboundSms'], 'a delivery report', 0],
	[[], 'a delivery report (nothing selected means delivery reports)', 1],
])('Trigger On %j: %s is answered 200 and starts %i executions', async (triggerOn, what, executions) => {
	const endpoint = await trigger({ triggerOn });
	if (what.startsWith('an inbound')) {
		const [call] = await sim.receiveInbound({ from: '919812345678', text: 'hi', to: '56767', defaultMoUrl: `${endpoint.url}?${TEMPLATE}` });
		expect(call.status).toBe(200);
	} else {
		const response = await fetch(`${endpoint.url}?token=${TOKEN}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(nativePush()) });
		expect(response.status).toBe(200);
	}
	expect(endpoint.executions).toHaveLength(executions);
});

it('both selected: one URL serves both, each item says which it is', async () => {
	const endpoint = await trigger({ triggerOn: ['deliveryReport', 'inboundSms'] });
	await sim.receiveInbound({ from: '919812345678', text: 'hi', to: '56767', defaultMoUrl: `${endpoint.url}?${TEMPLATE}` });
	await fetch(`${endpoint.url}?token=${TOKEN}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(nativePush()) });
	expect(items(endpoint).map((list) => list[0].event)).toEqual(['inboundSms', 'deliveryReport']);
});
