// The trigger fed by the simulator's panel pushes (native, batch, ntapi, the empty object), end to end from a real send.
import { n8nLogger } from '../harness/n8nLog';
import { testKey } from '../harness/testKeys';
import { startTriggerEndpoint, type TriggerEndpoint } from '../harness/webhook';
import type { DlrStyle } from '../simulator';
import { run, useSimulator } from './fixtures';

const ctx = useSimulator({ dlr: { autoPush: false, retryDelayMs: 20 } });
let endpoint: TriggerEndpoint;
beforeEach(async () => {
	endpoint = await startTriggerEndpoint({} as never, { timezone: 'Asia/Kolkata' });
});
afterEach(async () => await endpoint.close());

async function sendTo(style: DlrStyle, contacts: string, message = 'Hello') {
	ctx.sim.configure({ dlr: { style } });
	const sent = await run(ctx.sim, {
		parameters: { resource: 'sms', operation: 'send', senderId: 'SMSHND', contacts, message, options: { dlrUrl: endpoint.url, routeId: '1' } },
	});
	return sent.items[0].json.shootId as string;
}

describe('native push', () => {
	it('one execution per recipient, one item each, with the shoot id and the panel fields', async () => {
		ctx.sim.configure({ dlr: { outcomeByNumber: { '919876543211': 'failed' } } });
		const shootId = await sendTo('native', '919876543210,919876543211', 'x'.repeat(200));
		const pushes = await ctx.sim.deliver(shootId);
		expect(pushes.map((push) => [push.status, push.attempt])).toEqual([
			[200, 1],
			[200, 1],
		]);
		const items = endpoint.executions.map((call) => call.items);
		expect(items.map((list) => list.length)).toEqual([1, 1]);
		const byMobile: Record<string, Record<string, unknown>> = Object.fromEntries(items.map(([item]) => [String(item.mobile), item]));
		expect(byMobile['919876543210']).toMatchObject({
			shootId,
			status: 'delivered',
			providerStatus: 'DELIVERED',
			reason: 'DELIVRD',
			senderId: 'SMSHND',
			parts: 2,
			route: { id: '1', name: 'Transactional' },
			attempt: 1,
		});
		expect(byMobile['919876543210'].messageIds).toHaveLength(3);
		expect(byMobile['919876543211']).toMatchObject({ shootId, status: 'failed', providerStatus: 'FAILED', reason: 'UNDELIV' });
		for (const item of Object.values(byMobile)) {
			expect(Date.parse(String(item.deliveredAt))).toBeGreaterThanOrEqual(Date.parse(String(item.sentAt)));
		}
	});
});

describe('batch push', () => {
	it('one execution carrying one item per recipient', async () => {
		const contacts = Array.from({ length: 25 }, (_, i) => String(919800000000 + i));
		const shootId = await sendTo('batch', contacts.join(','));
		await ctx.sim.deliver(shootId);
		expect(endpoint.executions).toHaveLength(1);
		expect(endpoint.executions[0].items.map((item) => [item.shootId, item.mobile, item.status])).toEqual(
			contacts.map((mobile) => [shootId, mobile, 'delivered']),
		);
	});
});

describe('ntapi push', () => {
	it('an item with the number, the message id and the status from DETAIL', async () => {
		const shootId = await sendTo('ntapi', '919876543210');
		await ctx.sim.deliver(shootId, { outcome: 'expired' });
		expect(endpoint.executions.map((call) => call.items)).toEqual([
			[expect.objectContaining({ shootId: null, mobile: '919876543210', status: 'expired', providerStatus: 'EXPIRED', messageIds: [expect.any(String)] })],
		]);
	});
});

describe('the empty push', () => {
	it('is answered 200 (the panel posts it once), starts nothing, and warns once per process', async () => {
		const warnings: string[] = [];
		const spy = jest.spyOn(n8nLogger(), 'warn').mockImplementation((message: string) => {
			warnings.push(message);
		});
		try {
			const first = await sendTo('empty', '919876543210,919876543211');
			const pushes = await ctx.sim.deliver(first);
			expect(pushes.map((push) => [push.body, push.status])).toEqual([
				['{}', 200],
				['{}', 200],
			]);
			expect(endpoint.calls.map((call) => [call.status, call.executed])).toEqual([
				[200, false],
				[200, false],
			]);
			expect(warnings.filter((line) => line.includes('empty delivery report'))).toHaveLength(1);
			expect(warnings[0]).toContain('batch mode');
			expect(warnings[0]).toContain('Delivery Report → Get');
		} finally {
			spy.mockRestore();
		}
	});
});

describe('a refused push', () => {
	it('is posted again by the panel, up to four times, and never starts anything', async () => {
		const guarded = await startTriggerEndpoint({ options: {} } as never, { timezone: 'UTC', webhookCredential: { token: testKey('a-secret-token') } } as never);
		try {
			ctx.sim.configure({ dlr: { style: 'native' } });
			const sent = await run(ctx.sim, {
				parameters: { resource: 'sms', operation: 'send', senderId: 'S', contacts: '919876543210', message: 'x', options: { dlrUrl: guarded.url } },
			});
			const pushes = await ctx.sim.deliver(sent.items[0].json.shootId as string);
			expect(pushes.map((push) => [push.status, push.attempt])).toEqual([
				[401, 1],
				[401, 2],
				[401, 3],
				[401, 4],
			]);
			expect(guarded.executions).toHaveLength(0);
		} finally {
			await guarded.close();
		}
	});
});
