import { startTriggerEndpoint, type TriggerEndpoint } from '../harness/webhook';
import type { DlrStyle } from '../simulator';
import { run, useSimulator } from './fixtures';

/**
 * The whole loop a user wires up: the SMS Handover node sends with its DLR URL set to the
 * trigger's production URL, the provider (simulator) pushes reports, the trigger emits items.
 */
describe('send with dlrUrl → provider pushes → SMS Handover Trigger', () => {
	const ctx = useSimulator({ dlr: { delayMs: 5 } });
	let trigger: TriggerEndpoint;

	beforeEach(async () => {
		trigger = await startTriggerEndpoint({ events: [], options: { secretToken: 's3cret-token' } });
	});
	afterEach(async () => await trigger.close());

	const sendWithDlr = async (dlrUrl: string) => {
		const result = await run(ctx.sim, {
			parameters: {
				resource: 'sms',
				operation: 'send',
				senderId: 'DEMO',
				contacts: '919876543210, 919812345678',
				message: 'Your order has shipped',
				options: { dlrUrl },
			},
		});
		expect(result.error).toBeUndefined();
		return result.items[0].json.shootId as string;
	};

	it.each<[DlrStyle, number, string]>([
		['query', 2, 'GET'],
		['form', 2, 'POST'],
		['json', 2, 'POST'],
		['jsonArray', 1, 'POST'],
	])('reports pushed as %s reach the workflow as items (%i request(s), %s)', async (style, requests, method) => {
		ctx.sim.configure({ dlr: { style } });
		const shootId = await sendWithDlr(`${trigger.url}?token=s3cret-token`);

		const calls = await trigger.waitForCalls(requests, 5000);
		expect(calls.map((call) => [call.method, call.status, call.executed])).toEqual(
			Array.from({ length: requests }, () => [method, 200, true]),
		);
		const items = calls.flatMap((call) => call.items);
		expect(items.map((item) => [item.shootId, item.mobile, item.status, item.providerStatus, item.errorCode]).sort()).toEqual([
			[shootId, '919812345678', 'delivered', 'DELIVRD', '000'],
			[shootId, '919876543210', 'delivered', 'DELIVRD', '000'],
		]);
		for (const item of items) {
			expect(item.deliveredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
			expect(item.raw).toMatchObject({ sms_shoot_id: shootId });
			expect(JSON.stringify(item.raw)).not.toContain('s3cret-token');
		}
	});

	it('failed deliveries come through as failed', async () => {
		ctx.sim.configure({ dlr: { style: 'json', status: 'UNDELIV', errorCode: '001' } });
		await sendWithDlr(`${trigger.url}?token=s3cret-token`);
		const calls = await trigger.waitForCalls(2, 5000);
		expect(calls.flatMap((call) => call.items).map((item) => [item.status, item.errorCode])).toEqual([
			['failed', '001'],
			['failed', '001'],
		]);
	});

	it('a DLR URL with the wrong token is answered 401 and starts nothing', async () => {
		ctx.sim.configure({ dlr: { style: 'json' } });
		await sendWithDlr(`${trigger.url}?token=not-the-token`);
		const pushes = await ctx.sim.waitForDlrPushes(2, 5000);
		expect(pushes.map((push) => push.status)).toEqual([401, 401]);
		expect(trigger.executions).toEqual([]);
	});
});

describe("the panel's nested report shape, pushed and pulled", () => {
	const ctx = useSimulator({ dlr: { delayMs: 5 } });
	let trigger: TriggerEndpoint;
	beforeEach(async () => {
		trigger = await startTriggerEndpoint({ events: [], options: { secretToken: 's3cret-token' } }, { timezone: 'Asia/Kolkata' });
	});
	afterEach(async () => await trigger.close());

	const send = async (options: Record<string, unknown>) => {
		const result = await run(ctx.sim, {
			parameters: { resource: 'sms', operation: 'send', senderId: 'DEMO', contacts: '919876543210, 919812345678', message: 'Hi', options },
		});
		return result.items[0].json.shootId as string;
	};

	it.each<[DlrStyle, number]>([
		['nested', 2],
		['nestedBatch', 1],
	])('pushed as %s: one item per message, status and times from its dlr object', async (style, requests) => {
		ctx.sim.configure({ dlr: { style, outcomeByNumber: { '919812345678': 'failed' } } });
		const shootId = await send({ dlrUrl: `${trigger.url}?token=s3cret-token` });
		const calls = await trigger.waitForCalls(requests, 5000);
		const items = calls.flatMap((call) => call.items);
		expect(items.map((item) => [item.shootId, item.mobile, item.status]).sort()).toEqual([
			[shootId, '919812345678', 'failed'],
			[shootId, '919876543210', 'delivered'],
		]);
		for (const item of items) {
			expect(Math.abs(Date.parse(String(item.deliveredAt)) - Date.now())).toBeLessThan(60_000);
			expect(item.sentAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		}
	});

	it('as the getDLR answer: Delivery Report → Get reads the records', async () => {
		ctx.sim.configure({ dlr: { getDlrStyle: 'nested', outcomeByNumber: { '919812345678': 'blacklisted' } } });
		const shootId = await send({});
		const result = await run(ctx.sim, { parameters: { resource: 'deliveryReport', operation: 'get', shootId }, timezone: 'Asia/Kolkata' });
		expect(result.items.map((item) => [item.json.mobile, item.json.status]).sort()).toEqual([
			['919812345678', 'rejected'],
			['919876543210', expect.stringMatching(/^(delivered|pending)$/)],
		]);
	});
});
