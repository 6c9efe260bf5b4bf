import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runConcurrently } from '../actions/shared/concurrency';
import {
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
import type { SendingOperation } from './index';
import type { Message } from './messages';
import { sentBulkItem, sentItem } from './output';
import { smsIdsInOrder } from './messageIds';
import { formOf, type Plan, type PlannedRequest } from './plan';
import { submitSms, type Submission } from './submit';

/** What became of an input item: its output json, its error, or nothing yet. */
export type Outcome = IDataObject | Error | undefined;

/**
 * Sends every unit of the plan (several at once up to Concurrency; a unit's requests one after
 * another). A failed request ends its unit; without Continue On Fail it ends the run, and the
 * error says what was already submitted. Nothing is ever sent twice.
 */
export async function submitPlan(
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
				const submission = await submitSms(context, plan.api, formOf(plan, request), head.itemIndex, head.options.timeout);
				done.push({ request, submission });
				if (plan.kind === 'bulk') {
					const smsIds = smsIdsInOrder(request.messages.map((message) => message.recipients[0]), submission.messageIds ?? []);
					request.messages.forEach((message, i) => {
						outcomes[message.itemIndex] = sentBulkItem(message, plan, request, submission, smsIds[i]);
					});
				}
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
		try {
			outcomes[message.itemIndex] = operation.afterSend
				? await operation.afterSend(message, submissions)
				: sentItem(message, plan, submissions);
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
