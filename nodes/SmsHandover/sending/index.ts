/**
 * The send engine, the one way an SMS leaves this package (Send, Schedule, Send Bulk, Send and
 * Wait): items → messages → message plan → guards (dry run, balance, re-run) → submit → output,
 * one output item per input item, in input order, paired.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem, failEveryItem, itemError } from '../actions/shared/errors';
import { guardBalance, type Verdicts } from './balanceGuard';
import { messageReader, readRunSettings, type Message, type PlanKind, type RunSettings } from './messages';
import { previewItem } from './output';
import { planRequests } from './plan';
import { assertFirstAttempt } from './rerunGuard';
import type { Submission } from './submit';
import { submitPlan, type Outcome } from './submitPlan';

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
	afterSend?: (message: Message, submissions: Submission[]) => Promise<IDataObject>;
}

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
