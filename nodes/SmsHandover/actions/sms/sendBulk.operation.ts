import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { analyseForType, chooseSmsType, type MessageAnalysis, type SmsType } from '../../helpers/encoding';
import { bulkOptions, messageField, senderIdField } from '../common.descriptions';
import { forOperation } from '../displayOptions';
import { itemParameter } from '../itemParameters';
import { asNodeError, withDescription } from '../nodeError';
import { errorItem } from '../processItems';
import { BULK_PARAMETER } from './bulkLimit';
import { refuseRepeatedRun } from './rerunGuard';
import { accountTimeZone, toScheduleTime } from './scheduleInput';
import { commonSendFields, readSmsOptions, toMessageText, toMobile, toRequiredText } from './smsInput';
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

interface Batch {
	senderId: string;
	type: SmsType;
	itemIndexes: number[];
}

/**
 * Personalised bulk JSON for one batch, built in one pass over the batch only. Mobiles are
 * normalised digits, so only the text needs JSON escaping.
 */
function bulkBody(batch: Batch, mobiles: string[], texts: string[]): string {
	const entries = new Array<string>(batch.itemIndexes.length);
	batch.itemIndexes.forEach((itemIndex, position) => {
		entries[position] = `{"mobile":"${mobiles[itemIndex]}","msg":${JSON.stringify(texts[itemIndex])}}`;
	});
	return `[${entries.join(',')}]`;
}

/**
 * All input items become personalised messages in as few POSTs as the provider allows: items are
 * grouped by sender ID and SMS type (auto mode sends GSM-7 texts apart from Unicode ones, so plain
 * texts are not billed at the Unicode rate), then cut into batches of at most the batch size.
 * Batches go out one after another; a failed batch stops the rest and nothing is sent twice.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const node = this.getNode();
	const continueOnFail = this.continueOnFail();
	if (items.length === 0) return [];

	// Request-wide settings: one POST carries one sender, type, route, campaign, DLR URL and time.
	const options = readSmsOptions(node, this.getNodeParameter('options', 0, {}) as IDataObject, 0);
	const schedule = options.scheduleAt
		? toScheduleTime(node, options.scheduleAt, await accountTimeZone.call(this), 0, 'options.scheduleAt')
		: undefined;

	const senderIds = itemParameter(this, 'senderId', items);
	const mobileParameter = itemParameter(this, 'mobile', items);
	const messageParameter = itemParameter(this, 'message', items);

	const mobiles = new Array<string>(items.length);
	const texts = new Array<string>(items.length);
	const types = new Array<SmsType>(items.length);
	const analyses = new Array<MessageAnalysis>(items.length);
	const failures = new Array<Error | undefined>(items.length);
	const groups = new Map<string, Batch>();

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const senderId = toRequiredText(node, senderIds(itemIndex), itemIndex, 'senderId');
			mobiles[itemIndex] = toMobile(node, mobileParameter(itemIndex), itemIndex);
			texts[itemIndex] = toMessageText(node, messageParameter(itemIndex), itemIndex);
			types[itemIndex] = chooseSmsType(options.type, texts[itemIndex]);
			analyses[itemIndex] = analyseForType(types[itemIndex], texts[itemIndex]);
			const key = `${senderId}\u0000${types[itemIndex]}`;
			let group = groups.get(key);
			if (!group) groups.set(key, (group = { senderId, type: types[itemIndex], itemIndexes: [] }));
			group.itemIndexes.push(itemIndex);
		} catch (error) {
			const failure = asNodeError(node, error, itemIndex);
			if (!continueOnFail) throw failure;
			failures[itemIndex] = failure;
		}
	}

	const batches: Batch[] = [];
	for (const group of groups.values()) {
		for (let start = 0; start < group.itemIndexes.length; start += options.batchSize) {
			batches.push({ ...group, itemIndexes: group.itemIndexes.slice(start, start + options.batchSize) });
		}
	}

	const repeated = await refuseRepeatedRun.call(this, items);
	if (repeated) return repeated;

	const shootIds = new Array<string | undefined>(items.length);
	const batchOf = new Array<number>(items.length);
	const sent: string[] = [];
	for (const [batchIndex, batch] of batches.entries()) {
		try {
			const form = {
				...commonSendFields(batch.senderId, batch.type, options, schedule?.providerTime),
				[BULK_PARAMETER]: bulkBody(batch, mobiles, texts),
			};
			const { shootId } = await submitSms.call(this, form, batch.itemIndexes[0], options.timeout);
			sent.push(`batch ${batchIndex + 1} (${batch.itemIndexes.length} messages, shoot id ${shootId})`);
			for (const itemIndex of batch.itemIndexes) {
				shootIds[itemIndex] = shootId;
				batchOf[itemIndex] = batchIndex + 1;
			}
		} catch (error) {
			const reason = (error as Error).message;
			const alreadySent = sent.length
				? `Already submitted, do not send again: ${sent.join('; ')}.`
				: 'Nothing was submitted before this error.';
			if (!continueOnFail) {
				throw withDescription(
					asNodeError(node, error, batch.itemIndexes[0]),
					`Batch ${batchIndex + 1} of ${batches.length} failed. ${alreadySent}`,
				);
			}
			for (const [laterIndex, later] of batches.slice(batchIndex).entries()) {
				const problem =
					laterIndex === 0
						? `Not sent: the request for batch ${batchIndex + 1} of ${batches.length} failed: ${reason}`
						: `Not sent: not attempted because batch ${batchIndex + 1} of ${batches.length} failed: ${reason}`;
				for (const itemIndex of later.itemIndexes) {
					failures[itemIndex] = new NodeOperationError(node, problem, { itemIndex, description: alreadySent });
				}
			}
			break;
		}
	}

	const output: INodeExecutionData[] = new Array(items.length);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const failure = failures[itemIndex];
		if (failure) {
			output[itemIndex] = errorItem(failure, itemIndex);
			continue;
		}
		const analysis = analyses[itemIndex];
		const json: IDataObject = {
			success: true,
			shootId: shootIds[itemIndex],
			mobile: mobiles[itemIndex],
			type: types[itemIndex],
			encoding: analysis.encoding,
			characters: analysis.characters,
			segments: analysis.segments,
			batch: batchOf[itemIndex],
			batchCount: batches.length,
		};
		if (schedule) Object.assign(json, schedule);
		output[itemIndex] = { json, pairedItem: { item: itemIndex } };
	}
	return output;
}
