/**
 * sendBulk's re-run guard through n8n's engine: n8n 1.x in queue mode runs an execution again
 * (same execution id) when the worker running it died. The guard records the run in n8n's
 * deduplication store before the first request and refuses a repeat. n8n's store is a table in
 * its database; here an in-memory stand-in with the same contract sits behind n8n-core's real
 * DataDeduplicationService (the real one is proven in `npm run test:e2e:queue` on n8n 1.123).
 */
import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

import { run, useSimulator } from './fixtures';

interface StoreCall {
	items: DeduplicationItemTypes[];
	scope: DeduplicationScope;
	context: string;
	options: ICheckProcessedOptions;
}

/** n8n's "entries" mode: one list of seen values per workflow and scope. */
class MemoryStore implements IDataDeduplicator {
	readonly seen = new Map<string, Set<string>>();

	readonly calls: StoreCall[] = [];

	failures = 0;

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		const context = `${contextData.workflow.id}|${scope === 'node' ? contextData.node?.id : ''}`;
		this.calls.push({ items, scope, context, options });
		if (this.failures > 0) {
			this.failures--;
			throw new Error('duplicate key value violates unique constraint "PK_processed_data"');
		}
		const seen = this.seen.get(context) ?? new Set<string>();
		this.seen.set(context, seen);
		const output: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			if (seen.has(String(item))) output.processed.push(item);
			else {
				seen.add(String(item));
				output.new.push(item);
			}
		}
		return output;
	}

	async removeProcessed(): Promise<void> {}

	async clearAllProcessedItems(): Promise<void> {}

	async getProcessedDataCount(): Promise<number> {
		return 0;
	}
}

const store = new MemoryStore();

beforeAll(async () => {
	await DataDeduplicationService.init(store);
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
		expect(repeat.error?.message).toBe('Bulk already submitted by an earlier attempt of execution 42; not sent again');
		expect(repeat.error?.description).toContain('check the messages in your SMS Handover panel');
		expect(repeat.error?.description).toContain('QUEUE_WORKER_MAX_STALLED_COUNT=0');
	});

	it('with Continue On Fail, a refused repeat gives every item a paired error', async () => {
		await run(ctx.sim, { parameters: bulk, items, executionId: '43' });
		const repeat = await run(ctx.sim, { parameters: bulk, items, executionId: '43', continueOnFail: true });

		expect(ctx.sim.requests).toHaveLength(1);
		expect(repeat.items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Bulk already submitted by an earlier attempt of execution 43; not sent again', { item: 0 }],
			['Bulk already submitted by an earlier attempt of execution 43; not sent again', { item: 1 }],
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
