import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runConcurrently } from './concurrency';
import { asNodeError, errorItem, itemError, submittedItems, withDescription } from './errors';

export interface ItemWork<P> {
	/** Reads and validates one item's input. Runs for every item before any request is sent. */
	prepare: (itemIndex: number) => P | Promise<P>;
	/** Makes the request(s) for one prepared item. */
	perform: (prepared: P, itemIndex: number) => Promise<IDataObject | IDataObject[]>;
	/** How many items may have a request in flight at once. */
	concurrency?: number;
	/** Whether perform() submits messages (an error then lists what was already submitted). */
	submitsMessages?: boolean;
	/** Runs once, after every item is prepared and before the first request (the re-run guard). */
	beforeSending?: () => Promise<void>;
}

type Outcome = { data: IDataObject[] } | { error: Error };

/**
 * The per-item loop of the operations that make one request per item (Account, Delivery Report,
 * OTP; sending operations go through the send engine, sending/): validate all items first (bad
 * input never reaches the provider), then make the requests with bounded concurrency, keep outputs
 * in input order, pair every output with its input, and honour Continue On Fail.
 */
export async function processItems<P>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	work: ItemWork<P>,
): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	const continueOnFail = context.continueOnFail();
	const outcomes: Array<Outcome | undefined> = new Array(items.length);
	let prepared: Array<{ itemIndex: number; input: P }> = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push({ itemIndex, input: await work.prepare(itemIndex) });
		} catch (error) {
			const failure = itemError(node, error, itemIndex);
			if (!continueOnFail) throw failure;
			outcomes[itemIndex] = { error: failure };
		}
	}

	if (work.beforeSending && prepared.length > 0) {
		try {
			await work.beforeSending();
		} catch (error) {
			const failure = asNodeError(node, error);
			if (!continueOnFail) throw failure;
			for (const { itemIndex } of prepared) outcomes[itemIndex] = { error: failure };
			prepared = [];
		}
	}

	let stopError: Error | undefined;
	await runConcurrently(
		prepared,
		work.concurrency ?? 1,
		async ({ itemIndex, input }) => {
			try {
				const data = await work.perform(input, itemIndex);
				outcomes[itemIndex] = { data: Array.isArray(data) ? data : [data] };
			} catch (error) {
				const failure = itemError(node, error, itemIndex);
				if (continueOnFail) outcomes[itemIndex] = { error: failure };
				else stopError ??= failure;
			}
		},
		() => stopError !== undefined,
	);

	if (stopError) {
		const failure = asNodeError(node, stopError);
		if (!work.submitsMessages) throw failure;
		// What went out is named by its shoot id (SMS) or its reference (OTP).
		const sent = outcomes.flatMap((outcome, itemIndex) => {
			const data = outcome && 'data' in outcome ? outcome.data : [];
			const shootIds = data.map((entry) => entry.shootId as string).filter(Boolean);
			if (shootIds.length) return [{ itemIndex, shootIds }];
			const references = data.map((entry) => entry.reference as string).filter(Boolean);
			return references.length ? [{ itemIndex, shootIds: references, idName: 'OTP reference' }] : [];
		});
		throw withDescription(failure, submittedItems(sent));
	}

	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if (!outcome) return;
		if ('error' in outcome) output.push(errorItem(node, outcome.error, itemIndex));
		else for (const json of outcome.data) output.push({ json, pairedItem: { item: itemIndex } });
	});
	return output;
}
