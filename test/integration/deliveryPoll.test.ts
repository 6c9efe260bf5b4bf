// The poll loop on its own, with a short deadline (the operation's shortest wait is a minute).
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { placeApiKey } from '../../credentials/SmsHandoverApi.credentials';
import { pollForDelivery } from '../../nodes/SmsHandover/waiting/poll';
import { credentialsFor, run, useSimulator } from './fixtures';

const ctx = useSimulator({ dlr: { autoPush: false } });

/** The parts of an execute context the poll uses, talking to the simulator for real. */
function contextFor(signal?: AbortSignal, timeZone = 'UTC'): IExecuteFunctions {
	return {
		getNode: () => ({ name: 'SMS Handover', type: 'n8n-nodes-smshandover.smsHandover', typeVersion: 1, parameters: {} }),
		getExecutionCancelSignal: () => signal,
		getTimezone: () => timeZone,
		getCredentials: async () => credentialsFor(ctx.sim),
		logger: { info: () => {}, warn: () => {} },
		helpers: {
			async httpRequestWithAuthentication(_type: string, options: IHttpRequestOptions) {
				const request = await placeApiKey(credentialsFor(ctx.sim), options);
				const response = await fetch(`${request.baseURL}${request.url}`);
				return { statusCode: response.status, headers: {}, body: await response.text() };
			},
		},
	} as unknown as IExecuteFunctions;
}

async function sent(): Promise<string> {
	const result = await run(ctx.sim, { parameters: { resource: 'sms', operation: 'send', senderId: 'S', contacts: '919876543210', message: 'x', options: {} } });
	return result.items[0].json.shootId as string;
}

it('ends with a timeout item that keeps what it knew and what it last saw', async () => {
	const shootId = await sent();
	const report = await pollForDelivery(contextFor(undefined, 'Asia/Kolkata'), {
		shootId,
		mobile: '919876543210',
		deadline: Date.now() + 4_000,
		itemIndex: 0,
		known: { senderId: 'S', parts: 1, sentAt: '2026-11-30T04:50:31.000Z' },
	});
	expect(report).toMatchObject({
		shootId,
		mobile: '919876543210',
		status: 'timeout',
		providerStatus: 'Operator Submitted',
		reason: 'SMSC SUBMIT',
		waitMethod: 'poll',
		senderId: 'S',
		parts: 1,
		sentAt: '2026-11-30T04:50:31.000Z',
	} as IDataObject);
	expect(ctx.sim.requests.filter((request) => request.endpoint === 'dlr')).toHaveLength(2);
});

it('keeps polling through a failed pull and says why when nothing was ever read', async () => {
	const shootId = await sent();
	ctx.sim.setFailure('dlr', 'errText', { message: 'INVALID SHOOT ID' });
	const report = await pollForDelivery(contextFor(), { shootId, mobile: '919876543210', deadline: Date.now() + 4_000, itemIndex: 0 });
	expect(report).toMatchObject({ status: 'timeout', reason: `SMS Handover does not know the shoot ID "${shootId}"` });
	expect(ctx.sim.requests.filter((request) => request.endpoint === 'dlr')).toHaveLength(2);
});

it('stops within seconds when the execution is cancelled', async () => {
	const shootId = await sent();
	const controller = new AbortController();
	const started = Date.now();
	const polling = pollForDelivery(contextFor(controller.signal), { shootId, mobile: '919876543210', deadline: Date.now() + 60_000, itemIndex: 0 });
	controller.abort();
	expect((await polling).status).toBe('timeout');
	expect(Date.now() - started).toBeLessThan(30_000);
	expect(ctx.sim.requests.filter((request) => request.endpoint === 'dlr')).toHaveLength(0);
});
