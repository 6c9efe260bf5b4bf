/**
 * n8n's deduplication store (a table in its database, behind n8n-core's DataDeduplicationService)
 * as an in-memory stand-in with the same contract, so the engine runs nodes that use it (the
 * re-run guard of every sending operation). The real store is proven in the queue-mode suite.
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

export interface StoreCall {
	items: DeduplicationItemTypes[];
	scope: DeduplicationScope;
	context: string;
	options: ICheckProcessedOptions;
}

/** n8n's "entries" mode: one list of seen values per workflow and scope. */
export class MemoryStore implements IDataDeduplicator {
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

export const dedupStore = new MemoryStore();
let ready: Promise<void> | undefined;

/** Puts the in-memory store behind n8n-core's service once per test process. */
export async function useDedupStore(): Promise<MemoryStore> {
	ready ??= DataDeduplicationService.init(dedupStore);
	await ready;
	return dedupStore;
}
