/**
 * The send engine, the one way an SMS leaves this package (Send, Schedule, Send Bulk, Send and
 * Wait): items → messages → message plan → guards (dry run, balance, re-run) → submit → output,
 * one output item per input item, in input order, paired.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runConcurrently } from '../actions/shared/concurrency';
import {
	asNodeError,
	errorItem,
	failEveryItem,
	failedBatch,
	itemError,
	notAttemptedBatch,
	stoppedAtBatch,
	submittedBatches,
	submittedContacts,
	submittedItems,
	withDescription,
	type NodeError,
} from '../actions/shared/errors';
import { guardBalance, type Verdicts } from './balanceGuard';
import { messageReader, readRunSettings, type Message, type PlanKind, type RunSettings } from './messages';
import { previewItem, sentItem } from './output';
import { formOf, planRequests, type Plan, type PlannedRequest } from './plan';
import { assertFirstAttempt } from './rerunGuard';
import { submitSms, type Submission } from './submit';

export type { Message, RunSettings } from './messages';
export type { Submission } from './submit';

/** What a sending operation adds to the engine. */
export interface SendingOperation {
	plan: PlanKind;
	/** Schedule: every item names its time, read in the account's time zone. */
	scheduled?: boolean;
	/** Run-wide checks of the operation (read from the first item); a throw refuses the whole run. */
	prepareRun?: (run: RunSettings) => void | Promise<void>;
	/** Checks an item's message further and completes it (Send and Wait: one number, its DLR URL). */
	completeMessage?: (message: Message) => Message;
	/** Fields added to each dry-run item. */
	previewFields?: () => IDataObject;
	/** The item a sent message ends as; the default is what was sent (Send and Wait: its report). */
	afterSend?: (message: Message, sent: IDataObject, submissions: Submission[]) => Promise<IDataObject>;
}

type Outcome = IDataObject | Error | undefined;

export async function sendMessages(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: SendingOperation,
): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	const continueOnFail = context.continueOnFail();
	if (items.length === 0) return [];

	// Whether this is a dry run is known only once the run's settings are read: any doubt sends nothing.
	let run: RunSettings;
	try {
		run = await readRunSettings(context, operation.plan, operation.scheduled === true);
		await operation.prepareRun?.(run);
	} catch (error) {
		return failEveryItem(node, continueOnFail, error, items.length);
	}

	const outcomes: Outcome[] = new Array(items.length);
	let messages: Message[] = [];
	const read = messageReader(context, items, operation.plan, run);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const message = read(itemIndex);
			messages.push(operation.completeMessage ? operation.completeMessage(message) : message);
		} catch (error) {
			const failure = itemError(node, error, itemIndex);
			if (!continueOnFail) throw failure;
			outcomes[itemIndex] = failure;
		}
	}

	let verdicts: Verdicts | undefined;
	if (messages.length > 0) {
		try {
			if (run.options.balanceGuard) verdicts = await guardBalance(context, messages, run.options);
			if (!run.options.dryRun) await assertFirstAttempt(context);
		} catch (error) {
			const failure = asNodeError(node, error);
			if (!continueOnFail) throw failure;
			for (const message of messages) outcomes[message.itemIndex] = failure;
			messages = [];
		}
	}

	const plan = planRequests(operation.plan, messages, run);
	if (run.options.dryRun) {
		const extra = operation.previewFields?.() ?? {};
		for (const message of messages) {
			const verdict = verdicts?.get(message.options.routeId);
			outcomes[message.itemIndex] = { ...previewItem(message, plan, run.options, verdict), ...extra };
		}
	} else {
		await submitPlan(context, plan, outcomes, operation, run.options.concurrency, continueOnFail);
	}

	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if (outcome instanceof Error) output.push(errorItem(node, outcome, itemIndex));
		else if (outcome) output.push({ json: outcome, pairedItem: { item: itemIndex } });
	});
	return output;
}

/**
 * Sends every unit of the plan (several at once up to Concurrency; a unit's requests one after
 * another). A failed request ends its unit; without Continue On Fail it ends the run, and the
 * error says what was already submitted. Nothing is ever sent twice.
 */
async function submitPlan(
	context: IExecuteFunctions,
	plan: Plan,
	outcomes: Outcome[],
	operation: SendingOperation,
	concurrency: number,
	continueOnFail: boolean,
): Promise<void> {
	const node = context.getNode();
	const sentItems: Array<{ itemIndex: number; shootIds: string[] }> = [];
	let stop: NodeError | undefined;

	const submitUnit = async (unit: PlannedRequest[]) => {
		const done: Array<{ request: PlannedRequest; submission: Submission }> = [];
		for (const request of unit) {
			const [head] = request.messages;
			try {
				const submission = await submitSms(context, formOf(plan, request), head.itemIndex, head.options.timeout);
				done.push({ request, submission });
				if (plan.kind === 'bulk') for (const message of request.messages) outcomes[message.itemIndex] = sentItem(message, plan, [submission]);
			} catch (error) {
				const failure = itemError(node, error, head.itemIndex);
				stop ??=
					plan.kind === 'bulk'
						? failBatches(context, unit, request, failure, done, outcomes, continueOnFail)
						: failContacts(failure, head, done, outcomes, continueOnFail);
				return;
			}
		}
		if (plan.kind === 'bulk') return;
		const message = unit[0].messages[0];
		const submissions = done.map(({ submission }) => submission);
		const record = { itemIndex: message.itemIndex, shootIds: submissions.map((submission) => submission.shootId) };
		sentItems.push(record);
		const sent = sentItem(message, plan, submissions);
		try {
			outcomes[message.itemIndex] = operation.afterSend ? await operation.afterSend(message, sent, submissions) : sent;
		} catch (error) {
			// Sent, then the operation failed (Send and Wait could not start waiting).
			const failure = itemError(node, error, message.itemIndex);
			if (continueOnFail) outcomes[message.itemIndex] = withDescription(failure, submittedItems([record]));
			else stop ??= failure;
		}
	};

	await runConcurrently(plan.units, plan.kind === 'bulk' ? 1 : concurrency, submitUnit, () => stop !== undefined);
	if (!stop) return;
	if (plan.kind === 'bulk') throw stop;
	throw withDescription(stop, submittedItems(sentItems.sort((a, b) => a.itemIndex - b.itemIndex)));
}

/** An item's requests stopped at a failure: the error says which of its contacts went out before. */
function failContacts(
	failure: NodeError,
	message: Message,
	done: Array<{ submission: Submission; request: PlannedRequest }>,
	outcomes: Outcome[],
	continueOnFail: boolean,
): NodeError | undefined {
	if (done.length > 0) {
		const sentContacts = done.reduce((sum, { request }) => sum + request.recipients.length, 0);
		const shootIds = done.map(({ submission }) => submission.shootId);
		withDescription(failure, submittedContacts(sentContacts, message.recipients.length, shootIds));
	}
	if (!continueOnFail) return failure;
	outcomes[message.itemIndex] = failure;
	return undefined;
}

/**
 * A Send Bulk batch failed: later batches are not attempted. With Continue On Fail the failed
 * batch's items keep its cause (after a timeout or a 5xx its messages may have gone out, which
 * "not sent" would hide) and later ones say they were not sent; otherwise the run stops.
 */
function failBatches(
	context: IExecuteFunctions,
	batches: PlannedRequest[],
	failed: PlannedRequest,
	failure: NodeError,
	done: Array<{ request: PlannedRequest; submission: Submission }>,
	outcomes: Outcome[],
	continueOnFail: boolean,
): NodeError | undefined {
	const alreadySent = submittedBatches(
		done.map(({ request, submission }) => ({ batch: request.number, messages: request.messages.length, shootId: submission.shootId })),
	);
	const count = batches.length;
	if (!continueOnFail) return withDescription(failure, `${stoppedAtBatch(failed.number, count)} ${alreadySent}`);
	for (const batch of batches.slice(failed.number - 1)) {
		const [message, description] =
			batch === failed
				? [failedBatch(failed.number, count, failure.message), [failure.description, alreadySent].filter(Boolean).join(' ')]
				: [notAttemptedBatch(failed.number, count, failure.message), alreadySent];
		for (const { itemIndex } of batch.messages) {
			outcomes[itemIndex] = new NodeOperationError(context.getNode(), message, { itemIndex, description });
		}
	}
	return undefined;
}
