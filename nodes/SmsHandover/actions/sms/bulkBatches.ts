import type { MessageAnalysis, SmsType } from '../../helpers/encoding';

/** The validated personalised messages of a Send Bulk run, indexed by input item. */
export interface BulkMessages {
	mobiles: string[];
	texts: string[];
	types: SmsType[];
	analyses: MessageAnalysis[];
}

/** Items that go out in one request: one sender ID and SMS type per POST. */
export interface Batch {
	/** 1-based, as shown to users. */
	number: number;
	senderId: string;
	type: SmsType;
	itemIndexes: number[];
}

/** Groups items by sender ID and type, in input order, then cuts each group into batches. */
export class BatchPlanner {
	private readonly groups = new Map<string, Omit<Batch, 'number'>>();

	add(itemIndex: number, senderId: string, type: SmsType): void {
		const key = `${senderId}\u0000${type}`;
		let group = this.groups.get(key);
		if (!group) this.groups.set(key, (group = { senderId, type, itemIndexes: [] }));
		group.itemIndexes.push(itemIndex);
	}

	batches(size: number): Batch[] {
		const batches: Batch[] = [];
		for (const group of this.groups.values()) {
			for (let start = 0; start < group.itemIndexes.length; start += size) {
				batches.push({ ...group, number: batches.length + 1, itemIndexes: group.itemIndexes.slice(start, start + size) });
			}
		}
		return batches;
	}
}

/**
 * Personalised bulk JSON for one batch, built in one pass over the batch only. Mobiles are
 * normalised digits, so only the text needs JSON escaping.
 */
export function bulkBody(batch: Batch, messages: BulkMessages): string {
	const entries = new Array<string>(batch.itemIndexes.length);
	batch.itemIndexes.forEach((itemIndex, position) => {
		entries[position] = `{"mobile":"${messages.mobiles[itemIndex]}","msg":${JSON.stringify(messages.texts[itemIndex])}}`;
	});
	return `[${entries.join(',')}]`;
}
