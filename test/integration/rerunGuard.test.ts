/**
 * sendBulk's re-run guard through n8n's engine: n8n 1.x in queue mode runs an execution again
 * (same execution id) when the worker running it died. The guard records the run in n8n's
 * deduplication store before the first request and refuses a repeat. n8n's store is a table in
 * its database; here an in-memory stand-in with the same contract sits behind n8n-core's real
 * DataDeduplicationService (the real one is proven in `npm run test:e2e:queue` on n8n 1.123).
 */
import type { IDataObject } from 'n8n-workflow';

import { useDedupStore, type MemoryStore } from '../harness/dedupStore';

import { run, useSimulator } from './fixtures';

let store: MemoryStore;

beforeAll(async () => {
	store = await useDedupStore();
});

beforeEach(() => {
	store.seen.clear();
	store.calls.length = 0;
	store.failures = 0;
});

const bulk = {
	resource: 'sms',
	operation: 'sendBulk',
	senderId: 'DEMO',
	mobile: '={{ $json.mobile }}',
	message: 'Sale today',
	options: {},
};
const items = [{ mobile: '919876543210' }, { mobile: '918009000000' }];

describe('sms: sendBulk re-run guard', () => {
	const ctx = useSimulator();

	it('sends on the first attempt and records it under the node', async () => {
		const first = await run(ctx.sim, { parameters: bulk, items, executionId: '41' });

		expect(first.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
		expect(store.calls).toEqual([
			{ items: ['41:0'], scope: 'node', context: 'test-workflow|b3f9a3d4-0000-4000-8000-000000000001', options: { mode: 'entries', maxEntries: 1000 } },
		]);
	});

	it('a second attempt of the same execution sends nothing and says why', async () => {
		await run(ctx.sim, { parameters: bulk, items, executionId: '42' });
		const repeat = await run(ctx.sim, { parameters: bulk, items, executionId: '42' });

		expect(ctx.sim.requests).toHaveLength(1);
		expect(repeat.items).toEqual([]);
		expect(repeat.error?.message).toBe('Already submitted by an earlier attempt of execution 42; not sent again');
		expect(repeat.error?.description).toContain('check them in your SMS Handover panel');
		expect(repeat.error?.description).toContain('QUEUE_WORKER_MAX_STALLED_COUNT=0');
	});

	it('with Continue On Fail, a refused repeat gives every item a paired error', async () => {
		await run(ctx.sim, { parameters: bulk, items, executionId: '43' });
		const repeat = await run(ctx.sim, { parameters: bulk, items, executionId: '43', continueOnFail: true });

		expect(ctx.sim.requests).toHaveLength(1);
		expect(repeat.items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Already submitted by an earlier attempt of execution 43; not sent again', { item: 0 }],
			['Already submitted by an earlier attempt of execution 43; not sent again', { item: 1 }],
		]);
	});

	it('another execution of the same node sends normally', async () => {
		await run(ctx.sim, { parameters: bulk, items, executionId: '44' });
		const next = await run(ctx.sim, { parameters: bulk, items, executionId: '45' });

		expect(next.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(2);
	});

	it('retries once when recording fails (two first runs creating the record at once), then sends', async () => {
		store.failures = 1;
		const result = await run(ctx.sim, { parameters: bulk, items, executionId: '46' });

		expect(result.error).toBeUndefined();
		expect(store.calls).toHaveLength(2);
		expect(ctx.sim.requests).toHaveLength(1);
	});

	it('when n8n cannot record the attempt at all, the bulk is sent as without the guard', async () => {
		store.failures = 5;
		const result = await run(ctx.sim, { parameters: bulk, items, executionId: '47' });

		expect(result.error).toBeUndefined();
		expect(store.calls).toHaveLength(2);
		expect(ctx.sim.requests).toHaveLength(1);
	});
});

describe('every operation that sends has the guard', () => {
	const ctx = useSimulator();
	const operations: Array<[string, IDataObject]> = [
		['sms send', { resource: 'sms', operation: 'send', senderId: 'DEMO', contacts: '919876543210', message: 'Hi', options: {} }],
		['sms schedule', { resource: 'sms', operation: 'schedule', senderId: 'DEMO', contacts: '919876543210', message: 'Hi', scheduleAt: '2099-01-01T10:00:00Z', options: {} }],
		['sms send and wait', { resource: 'sms', operation: 'sendAndWaitForDelivery', senderId: 'DEMO', contacts: '919876543210', message: 'Hi', waitMethod: 'push', maxWaitMinutes: 5, options: {} }],
		['otp send', { resource: 'otp', operation: 'send', channelId: '1', mobile: '919876543210' }],
	];

	it.each(operations)('%s: a second attempt of the same execution sends nothing', async (_label, parameters) => {
		await run(ctx.sim, { parameters, executionId: `${_label}-1` });
		const sent = ctx.sim.requests.length;
		const repeat = await run(ctx.sim, { parameters, executionId: `${_label}-1` });
		expect(repeat.error?.message).toBe(`Already submitted by an earlier attempt of execution ${_label}-1; not sent again`);
		expect(ctx.sim.requests).toHaveLength(sent);
	});

	it('a dry run records nothing, so the real run after it sends', async () => {
		const [, send] = operations[0];
		await run(ctx.sim, { parameters: { ...send, options: { dryRun: true } }, executionId: 'dry-1' });
		const real = await run(ctx.sim, { parameters: send, executionId: 'dry-1' });
		expect(real.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
	});
});
