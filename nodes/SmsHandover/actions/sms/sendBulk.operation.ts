import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { analyseForType, chooseSmsType } from '../../helpers/encoding';
import { bulkOptions, messageField, senderIdField } from '../common.descriptions';
import { forOperation } from '../displayOptions';
import { itemParameter } from '../itemParameters';
import { asNodeError, withDescription } from '../nodeError';
import { errorItem } from '../processItems';
import { accountSettings, usableTimeZone } from '../accountSettings';
import { addNeed, guardFields, readBalances, shortfall, type CreditNeeds } from './balanceGuard';
import { BatchPlanner, bulkBody, type Batch, type BulkMessages } from './bulkBatches';
import { assertFirstAttempt } from './rerunGuard';
import { toScheduleTime } from './scheduleInput';
import { toMessageText, toMobile, toRequiredText } from './smsInput';
import { commonSendFields, readRunOptions, readSmsOptions } from './smsOptions';
import { submitSms } from './submit';

export const description: INodeProperties[] = forOperation('sms', 'sendBulk', [
	senderIdField,
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.mobile }}',
		description:
			'Phone number of this item’s recipient, with country code. Map it from the input, e.g. by dragging a field here.',
	},
	{
		...messageField,
		placeholder: '=Hello {{ $json.name }}',
		description: `${messageField.description} Evaluated for each item, so every recipient gets a personal text.`,
	},
	bulkOptions,
]);

interface Sent {
	shootIds: Array<string | undefined>;
	heldBatches: Set<number>;
}

/**
 * Batches go out one after another; a failed batch stops the rest and nothing is sent twice.
 * Items of batches that did not go out get an error in `failures` (continueOnFail), or the node
 * error lists the batches already submitted.
 */
async function sendBatches(
	this: IExecuteFunctions,
	batches: Batch[],
	fieldsOf: (batch: Batch) => IDataObject,
	timeout: number | undefined,
	failures: Array<Error | undefined>,
): Promise<Sent> {
	const node = this.getNode();
	const result: Sent = { shootIds: [], heldBatches: new Set() };
	const sent: string[] = [];
	for (const [position, batch] of batches.entries()) {
		try {
			const { shootId, heldForApproval } = await submitSms.call(this, fieldsOf(batch), batch.itemIndexes[0], timeout);
			sent.push(`batch ${batch.number} (${batch.itemIndexes.length} messages, shoot id ${shootId})`);
			if (heldForApproval) result.heldBatches.add(batch.number);
			for (const itemIndex of batch.itemIndexes) result.shootIds[itemIndex] = shootId;
		} catch (error) {
			const failure = asNodeError(node, error, batch.itemIndexes[0]);
			const reason = failure.message;
			const alreadySent = sent.length
				? `Already submitted, do not send again: ${sent.join('; ')}.`
				: 'Nothing was submitted before this error.';
			if (!this.continueOnFail()) {
				throw withDescription(failure, `Batch ${batch.number} of ${batches.length} failed. ${alreadySent}`);
			}
			for (const later of batches.slice(position)) {
				// The failed batch keeps its cause's description: after a timeout or a 5xx its
				// messages may have gone out, which "not sent" would hide.
				const [problem, description] =
					later === batch
						? [`The request for batch ${batch.number} of ${batches.length} failed: ${reason}`, [failure.description, alreadySent].filter(Boolean).join(' ')]
						: [`Not sent: not attempted because batch ${batch.number} of ${batches.length} failed: ${reason}`, alreadySent];
				for (const itemIndex of later.itemIndexes) {
					failures[itemIndex] = new NodeOperationError(node, problem, { itemIndex, description });
				}
			}
			break;
		}
	}
	return result;
}

/**
 * All input items become personalised messages in as few POSTs as the provider allows: items are
 * grouped by sender ID and SMS type (auto mode sends GSM-7 texts apart from Unicode ones, so plain
 * texts are not billed at the Unicode rate), then cut into batches of at most the batch size.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const node = this.getNode();
	const continueOnFail = this.continueOnFail();
	if (items.length === 0) return [];

	// Request-wide settings: one POST carries one sender, type, route, campaign, DLR URL and time.
	const rawOptions = this.getNodeParameter('options', 0, {}) as IDataObject;
	const options = readSmsOptions(node, rawOptions, 0);
	const run = readRunOptions(node, rawOptions);
	const account = await accountSettings.call(this);
	const schedule = options.scheduleAt
		? toScheduleTime(node, options.scheduleAt, usableTimeZone(node, account.timeZone), 0, 'options.scheduleAt')
		: undefined;

	const senderIds = itemParameter(this, 'senderId', items);
	const mobileParameter = itemParameter(this, 'mobile', items);
	const messageParameter = itemParameter(this, 'message', items);

	const messages: BulkMessages = {
		mobiles: new Array<string>(items.length),
		texts: new Array<string>(items.length),
		types: new Array(items.length),
		analyses: new Array(items.length),
	};
	const failures = new Array<Error | undefined>(items.length);
	const planner = new BatchPlanner();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const senderId = toRequiredText(node, senderIds(itemIndex), itemIndex, 'senderId');
			messages.mobiles[itemIndex] = toMobile(node, mobileParameter(itemIndex), itemIndex);
			messages.texts[itemIndex] = toMessageText(node, messageParameter(itemIndex), itemIndex);
			messages.types[itemIndex] = chooseSmsType(options.type, messages.texts[itemIndex]);
			messages.analyses[itemIndex] = analyseForType(messages.types[itemIndex], messages.texts[itemIndex]);
			planner.add(itemIndex, senderId, messages.types[itemIndex]);
		} catch (error) {
			const failure = asNodeError(node, error, itemIndex);
			if (!continueOnFail) throw failure;
			failures[itemIndex] = failure;
		}
	}
	const batches = planner.batches(options.batchSize);
	const batchOf = new Array<Batch>(items.length);
	for (const batch of batches) for (const itemIndex of batch.itemIndexes) batchOf[itemIndex] = batch;
	const fieldsOf = (batch: Batch) => commonSendFields(batch.senderId, batch.type, options, schedule?.providerTime);
	const creditsOf = (itemIndex: number) => messages.analyses[itemIndex].segments * run.creditsPerSegment;

	let guard: IDataObject = {};
	if (run.balanceGuard && batches.length > 0) {
		const needs: CreditNeeds = new Map();
		for (const batch of batches) for (const itemIndex of batch.itemIndexes) addNeed(needs, options.routeId, creditsOf(itemIndex));
		const balances = await readBalances.call(this, needs, options.timeout);
		const short = shortfall.call(this, balances);
		if (short && !run.dryRun) {
			if (!continueOnFail) throw short;
			for (const batch of batches) for (const itemIndex of batch.itemIndexes) failures[itemIndex] = short;
		}
		guard = guardFields(balances.get(options.routeId));
	}

	let sent: Sent = { shootIds: [], heldBatches: new Set() };
	let sendable = batches.filter((batch) => !failures[batch.itemIndexes[0]]);
	if (!run.dryRun && sendable.length > 0) {
		try {
			await assertFirstAttempt.call(this);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(node, error);
			for (const batch of sendable) for (const itemIndex of batch.itemIndexes) failures[itemIndex] = error as Error;
			sendable = [];
		}
	}
	if (!run.dryRun && sendable.length > 0) {
		sent = await sendBatches.call(
			this,
			sendable,
			(batch) => ({ ...fieldsOf(batch), [account.bulkParameterName]: bulkBody(batch, messages) }),
			options.timeout,
			failures,
		);
	}

	const summary = {
		requests: batches.length,
		messages: batches.reduce((sum, batch) => sum + batch.itemIndexes.length, 0),
		totalSegments: batches.reduce(
			(sum, batch) => batch.itemIndexes.reduce((inner, itemIndex) => inner + messages.analyses[itemIndex].segments, sum),
			0,
		),
	};
	const output: INodeExecutionData[] = new Array(items.length);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const failure = failures[itemIndex];
		if (failure) {
			output[itemIndex] = errorItem(node, failure, itemIndex);
			continue;
		}
		const batch = batchOf[itemIndex];
		const analysis = messages.analyses[itemIndex];
		const message = {
			mobile: messages.mobiles[itemIndex],
			type: messages.types[itemIndex],
			encoding: analysis.encoding,
			characters: analysis.characters,
			segments: analysis.segments,
			batch: batch.number,
			batchCount: batches.length,
		};
		const json: IDataObject = run.dryRun
			? {
					dryRun: true,
					...message,
					credits: creditsOf(itemIndex),
					// This item's entry of the personalised list; the real list holds the whole batch.
					request: {
						...fieldsOf(batch),
						[account.bulkParameterName]: [{ mobile: messages.mobiles[itemIndex], msg: messages.texts[itemIndex] }],
					},
					summary,
					...guard,
				}
			: { success: true, shootId: sent.shootIds[itemIndex], heldForApproval: sent.heldBatches.has(batch.number), ...message };
		if (schedule) Object.assign(json, schedule);
		output[itemIndex] = { json, pairedItem: { item: itemIndex } };
	}
	return output;
}
