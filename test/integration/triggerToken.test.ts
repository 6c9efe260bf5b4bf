// Add Trigger Token: the SMS Handover node appends the token of its Webhook credential (the
// trigger's secret) to the DLR URL when it sends, so the token never sits in the workflow; a dry
// run and every error show it as token=***.
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { testKey } from '../harness/testKeys';
import { run, useSimulator, visibleText } from './fixtures';

const ctx = useSimulator({ dlr: { autoPush: false } });
const TOKEN = testKey('trigger-secret-token', 5);
const TRIGGER_URL = 'https://n8n.example.com/webhook/3f1c/dlr';

const send = (options: IDataObject, operation = 'send'): IDataObject =>
	operation === 'sendBulk'
		? { resource: 'sms', operation, senderId: 'DEMO', mobile: '919876543210', message: 'Hi', options }
		: { resource: 'sms', operation, senderId: 'DEMO', contacts: '919876543210', message: 'Hi', options };

it.each(['send', 'sendBulk'])('%s: the DLR URL the panel gets carries the token; the workflow does not', async (operation) => {
	const parameters = send({ dlrUrl: TRIGGER_URL, addTriggerToken: true }, operation);
	const result = await run(ctx.sim, { parameters, webhookCredential: { token: TOKEN } });
	expect(result.error).toBeUndefined();
	expect(ctx.sim.requests[0].form.dlr_url).toBe(`${TRIGGER_URL}?token=${TOKEN}`);
	expect(JSON.stringify(parameters)).not.toContain(TOKEN);
	expect(visibleText(result)).not.toContain(TOKEN);
});

it('keeps what the URL already asks for, adding the token after it', async () => {
	await run(ctx.sim, { parameters: send({ dlrUrl: `${TRIGGER_URL}?client=a%20b`, addTriggerToken: true }), webhookCredential: { token: TOKEN } });
	expect(ctx.sim.requests[0].form.dlr_url).toBe(`${TRIGGER_URL}?client=a+b&token=${TOKEN}`);
});

it('a dry run shows the token as ***', async () => {
	const result = await run(ctx.sim, { parameters: send({ dlrUrl: TRIGGER_URL, addTriggerToken: true, dryRun: true }), webhookCredential: { token: TOKEN } });
	expect((result.items[0].json.request as IDataObject).dlr_url).toBe(`${TRIGGER_URL}?token=***`);
	expect(visibleText(result)).not.toContain(TOKEN);
	expect(ctx.sim.requests).toHaveLength(0);
});

it('without the option the DLR URL goes as given', async () => {
	await run(ctx.sim, { parameters: send({ dlrUrl: TRIGGER_URL }), webhookCredential: { token: TOKEN } });
	expect(ctx.sim.requests[0].form.dlr_url).toBe(TRIGGER_URL);
});

it.each<[string, IDataObject, ICredentialDataDecryptedObject | undefined, string]>([
	['no DLR URL', { addTriggerToken: true }, { token: TOKEN }, 'Item 1, field "options.addTriggerToken": needs a DLR URL'],
	['no Webhook credential on the node', { dlrUrl: TRIGGER_URL, addTriggerToken: true }, undefined, 'Item 1, field "options.addTriggerToken": needs an SMS Handover Webhook API credential on this node'],
	[
		'a credential token the trigger would refuse',
		{ dlrUrl: TRIGGER_URL, addTriggerToken: true },
		{ token: 'short' },
		'Item 1, field "options.addTriggerToken": the Webhook credential\'s token cannot be used: The secret token has 5 characters; use at least 16',
	],
	['a token already in the URL', { dlrUrl: `${TRIGGER_URL}?token=old-token-typed-by-hand`, addTriggerToken: true }, { token: TOKEN }, 'Item 1, field "options.dlrUrl": already carries a token'],
])('refuses %s before anything is sent', async (_label, options, webhookCredential, message) => {
	const result = await run(ctx.sim, { parameters: send(options), webhookCredential });
	expect(result.error?.message).toBe(message);
	expect(`${result.error?.message} ${result.error?.description}`).not.toContain('old-token-typed-by-hand');
	expect(ctx.sim.requests).toHaveLength(0);
});

it('a malformed DLR URL is quoted with its token hidden', async () => {
	const result = await run(ctx.sim, { parameters: send({ dlrUrl: 'n8n.example.com/dlr?token=typed-in-by-hand-0123' }) });
	expect(result.error?.message).toBe('Item 1, field "options.dlrUrl": "n8n.example.com/dlr?token=***" is not an http(s) URL');
});
