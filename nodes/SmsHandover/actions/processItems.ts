import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { INode, NodeOperationError } from 'n8n-workflow';

import { asNodeError, withDescription } from './nodeError';

export const DEFAULT_CONCURRENCY = 5;
export const MAX_CONCURRENCY = 50;

export interface ItemWork<P> {
	/** Reads and validates one item's input. Runs for every item before any request is sent. */
	prepare: (itemIndex: number) => P | Promise<P>;
	/** Makes the request(s) for one prepared item. */
	perform: (prepared: P, itemIndex: number) => Promise<IDataObject | IDataObject[]>;
	/** How many items may have a request in flight at once. */
	concurrency?: number;
	/** Whether perform() submits SMS (an error then lists what was already submitted). */
	submitsMessages?: boolean;
	/**
	 * Runs once, after every item is prepared and before the first request (the balance guard).
	 * An error here stops the run before anything is sent: with continueOnFail every prepared
	 * item comes out as that error.
	 */
	beforeSending?: (prepared: Array<{ itemIndex: number; input: P }>) => Promise<void>;
}

type Outcome = { data: IDataObject[] } | { error: Error };

/**
 * An input item's error as an output item, paired with it: `{error, description}`. With "On Error:
 * Continue (using error output)" n8n moves an item to the error output only when its json looks
 * like `{error, message}` (1.x: exactly that, 2.x: keys among error, message, details), so there
 * the description goes under `message`. (Setting the item's `error` would route it too, but n8n
 * then replaces the json with the message alone and the description is lost.)
 */
export function errorItem(node: INode, error: Error, itemIndex: number): INodeExecutionData {
	const description = (error as NodeOperationError).description ?? undefined;
	const json: IDataObject = { error: error.message };
	if (description) json[node.onError === 'continueErrorOutput' ? 'message' : 'description'] = description;
	return { json, pairedItem: { item: itemIndex } };
}

function withItemIndex(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	const failure = asNodeError(context.getNode(), error, itemIndex);
	if (failure.context) failure.context.itemIndex ??= itemIndex;
	return failure;
}

function submittedSummary(outcomes: Array<Outcome | undefined>): string {
	const sent: string[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if (!outcome || !('data' in outcome)) return;
		const shootIds = outcome.data.map((entry) => entry.shootId).filter(Boolean);
		if (shootIds.length) sent.push(`item ${itemIndex} (shoot id ${shootIds.join(', ')})`);
	});
	return sent.length
		? `Already submitted before this error, do not send these again: ${sent.join('; ')}.`
		: 'Nothing was submitted before this error.';
}

/**
 * The per-item loop of every operation but sendBulk: validate all items first (bad input never
 * reaches the provider), then send with bounded concurrency, keep outputs in input order, pair
 * every output with its input, and honour continueOnFail.
 */
export async function processItems<P>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	work: ItemWork<P>,
): Promise<INodeExecutionData[]> {
	const continueOnFail = context.continueOnFail();
	const outcomes: Array<Outcome | undefined> = new Array(items.length);
	const prepared: Array<{ itemIndex: number; input: P }> = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push({ itemIndex, input: await work.prepare(itemIndex) });
		} catch (error) {
			const failure = withItemIndex(context, error, itemIndex);
			if (!continueOnFail) throw failure;
			outcomes[itemIndex] = { error: failure };
		}
	}

	if (work.beforeSending && prepared.length > 0) {
		try {
			await work.beforeSending(prepared);
		} catch (error) {
			const failure = asNodeError(context.getNode(), error);
			if (!continueOnFail) throw failure;
			for (const { itemIndex } of prepared) outcomes[itemIndex] = { error: failure };
			prepared.length = 0;
		}
	}

	const concurrency = Math.min(Math.max(1, Math.floor(work.concurrency ?? 1)), MAX_CONCURRENCY);
	let next = 0;
	let stopError: Error | undefined;
	const worker = async () => {
		while (next < prepared.length && !stopError) {
			const { itemIndex, input } = prepared[next++];
			try {
				const data = await work.perform(input, itemIndex);
				outcomes[itemIndex] = { data: Array.isArray(data) ? data : [data] };
			} catch (error) {
				const failure = withItemIndex(context, error, itemIndex);
				if (continueOnFail) outcomes[itemIndex] = { error: failure };
				else stopError ??= failure;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, prepared.length) }, worker));

	if (stopError) {
		const failure = asNodeError(context.getNode(), stopError);
		throw work.submitsMessages ? withDescription(failure, submittedSummary(outcomes)) : failure;
	}

	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if (!outcome) return;
		if ('error' in outcome) {
			output.push(errorItem(context.getNode(), outcome.error, itemIndex));
			return;
		}
		for (const json of outcome.data) output.push({ json, pairedItem: { item: itemIndex } });
	});
	return output;
}
