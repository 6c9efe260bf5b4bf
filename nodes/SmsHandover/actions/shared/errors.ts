/**
 * Every error the operations make, and every sentence that tells a user what was already sent.
 * (The transport makes the panel's and the network's errors: transport/index.ts.)
 */
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type NodeError = NodeApiError | NodeOperationError;

/** A value as it can be quoted in an error (shortened). */
export function describeValue(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Text with half of a UTF-16 pair, refused before anything is sent: it has no UTF-8 form. */
export function brokenCharacterError(node: INode, itemIndex: number, field: string, at: number, name?: string) {
	return inputError(
		node,
		itemIndex,
		field,
		`${name === undefined ? 'has' : `the value of "${name}" has`} a broken character at position ${at + 1} (half of an emoji or other symbol)`,
		'Such text cannot be sent; it often comes from text cut in the middle of an emoji. Nothing was sent for this item.',
	);
}

/**
 * Bad input: the message names the item and the field, so the user finds it at once. Items are
 * counted from 1 in the text, as n8n's tables show them; `itemIndex` stays n8n's 0-based index.
 */
export function inputError(node: INode, itemIndex: number, field: string, problem: string, description?: string) {
	return new NodeOperationError(node, `Item ${itemIndex + 1}, field "${field}": ${problem}`, {
		itemIndex,
		description,
	});
}

/** n8n shows only its own error types with item and node context: keep them, wrap anything else. */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** As asNodeError, and the error names the item when it did not already. */
export function itemError(node: INode, error: unknown, itemIndex: number): NodeError {
	const failure = asNodeError(node, error, itemIndex);
	if (failure.context) failure.context.itemIndex ??= itemIndex;
	return failure;
}

/** Adds a sentence to an error's description (what was already sent, for instance). */
export function withDescription<E extends NodeError>(error: E, sentence: string): E {
	error.description = [error.description, sentence].filter(Boolean).join(' ');
	return error;
}

/** The panel said "success" but left out what the operation needs (a shoot id, a reference...). */
export function unexpectedReply(node: INode, message: string, reply: unknown, itemIndex: number, hint = '') {
	return new NodeApiError(
		node,
		{ message },
		{ message, description: `Reply: ${JSON.stringify(reply)?.slice(0, 200)}.${hint ? ` ${hint}` : ''}`, itemIndex },
	);
}

/** A panel answer an operation knows better words for; `cause` is the panel's own text. */
export function panelRefusal(node: INode, cause: string, message: string, description: string, itemIndex: number) {
	return new NodeApiError(node, { message: cause }, { message, description, itemIndex });
}

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

/**
 * The one rule for a failure that concerns the whole run (a bad option read from the first item,
 * a guard that refused): with Continue On Fail one error item per input item, else the error.
 */
export function failEveryItem(node: INode, continueOnFail: boolean, error: unknown, itemCount: number): INodeExecutionData[] {
	const failure = asNodeError(node, error, 0);
	if (!continueOnFail) throw failure;
	return Array.from({ length: itemCount }, (_, itemIndex) => errorItem(node, failure, itemIndex));
}

// What was already sent when a send fails: the user must not send it again.

/** After a failed item of Send, Schedule or OTP Send: the items that went out before it. */
export function submittedItems(sent: Array<{ itemIndex: number; shootIds: string[]; idName?: string }>): string {
	const listed = sent.map(({ itemIndex, shootIds, idName }) => `item ${itemIndex + 1} (${idName ?? 'shoot id'} ${shootIds.join(', ')})`);
	return listed.length
		? `Already submitted before this error, do not send these again: ${listed.join('; ')}.`
		: 'Nothing was submitted before this error.';
}

/** After a failed request for the contacts of one item beyond the panel's per-request limit. */
export function submittedContacts(sentContacts: number, total: number, shootIds: string[]): string {
	return `Contacts 1 to ${sentContacts} of ${total} were already submitted (shoot ids ${shootIds.join(', ')}): do not send them again.`;
}

/** After a failed batch of Send Bulk: the batches that went out before it. */
export function submittedBatches(sent: Array<{ batch: number; messages: number; shootId: string }>): string {
	const listed = sent.map(({ batch, messages, shootId }) => `batch ${batch} (${messages} messages, shoot id ${shootId})`);
	return listed.length
		? `Already submitted, do not send again: ${listed.join('; ')}.`
		: 'Nothing was submitted before this error.';
}

export const failedBatch = (batch: number, batches: number, reason: string) =>
	`The request for batch ${batch} of ${batches} failed: ${reason}`;

export const notAttemptedBatch = (batch: number, batches: number, reason: string) =>
	`Not sent: not attempted because batch ${batch} of ${batches} failed: ${reason}`;

export const stoppedAtBatch = (batch: number, batches: number) => `Batch ${batch} of ${batches} failed.`;

/** A re-run of an execution that already sent (n8n 1.x in queue mode, after a worker died). */
export function alreadySubmittedByEarlierAttempt(node: INode, executionId: string) {
	return new NodeOperationError(node, `Already submitted by an earlier attempt of execution ${executionId}; not sent again`, {
		description:
			'n8n started this execution a second time after the worker running it stopped (queue mode). ' +
			'The first attempt may have submitted some or all messages: check them in your SMS Handover panel ' +
			'before sending the rest. QUEUE_WORKER_MAX_STALLED_COUNT=0 stops n8n 1.x from re-running executions.',
	});
}
