import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { analyseForType, chooseSmsType, type SmsType } from '../../helpers/encoding';
import { itemParameter } from '../itemParameters';
import { asNodeError, withDescription } from '../nodeError';
import { processItems } from '../processItems';
import { BULK_LIMIT } from './bulkLimit';
import { accountTimeZone } from '../accountSettings';
import { toScheduleTime, type ScheduleTime } from './scheduleInput';
import { toContacts, toMessageText, toRequiredText } from './smsInput';
import { commonSendFields, readSmsOptions, type SmsOptions } from './smsOptions';
import { submitSms } from './submit';

interface PreparedSend {
	senderId: string;
	contacts: string[];
	text: string;
	type: SmsType;
	options: SmsOptions;
	schedule?: ScheduleTime;
}

/** Recipients in the provider's per-request limit, in order. */
function chunksOf<T>(values: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
	return chunks;
}

async function submitToAll(this: IExecuteFunctions, input: PreparedSend, itemIndex: number) {
	const base = commonSendFields(input.senderId, input.type, input.options, input.schedule?.providerTime);
	const shootIds: string[] = [];
	let providerMessage = '';
	let heldForApproval = false;
	const chunks = chunksOf(input.contacts, BULK_LIMIT);
	for (const [chunkIndex, chunk] of chunks.entries()) {
		try {
			const submission = await submitSms.call(
				this,
				{ ...base, contacts: chunk.join(','), msg: input.text },
				itemIndex,
				input.options.timeout,
			);
			shootIds.push(submission.shootId);
			providerMessage = submission.providerMessage;
			heldForApproval ||= submission.heldForApproval;
		} catch (error) {
			const failure = asNodeError(this.getNode(), error, itemIndex);
			if (!shootIds.length) throw failure;
			throw withDescription(
				failure,
				`Contacts 1 to ${chunkIndex * BULK_LIMIT} of ${input.contacts.length} were already submitted (shoot ids ${shootIds.join(', ')}): do not send them again.`,
			);
		}
	}
	return { shootIds, providerMessage, heldForApproval };
}

/** `send` and `schedule`: one SMS text to a list of contacts per input item. */
export async function sendMessages(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	scheduled: boolean,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const senderIds = itemParameter(this, 'senderId', items);
	const contacts = itemParameter(this, 'contacts', items);
	const messages = itemParameter(this, 'message', items);
	const scheduleAts = scheduled ? itemParameter(this, 'scheduleAt', items) : undefined;
	const timeZone = scheduled ? await accountTimeZone.call(this) : undefined;
	// Concurrency applies to the whole run: take it from the first item whose options are valid
	// (an invalid item is reported by prepare() below, with continueOnFail honoured).
	const optionsOf = (itemIndex: number) =>
		readSmsOptions(node, this.getNodeParameter('options', itemIndex, {}) as IDataObject, itemIndex);
	let firstOptions: SmsOptions | undefined;
	try {
		firstOptions = items.length ? optionsOf(0) : undefined;
	} catch {
		firstOptions = undefined;
	}

	return await processItems(this, items, {
		concurrency: firstOptions?.concurrency,
		submitsMessages: true,
		prepare: (itemIndex): PreparedSend => {
			const options = itemIndex === 0 && firstOptions ? firstOptions : optionsOf(itemIndex);
			const text = toMessageText(node, messages(itemIndex), itemIndex);
			return {
				senderId: toRequiredText(node, senderIds(itemIndex), itemIndex, 'senderId'),
				contacts: toContacts(node, contacts(itemIndex), itemIndex),
				text,
				type: chooseSmsType(options.type, text),
				options,
				schedule:
					scheduleAts && timeZone
						? toScheduleTime(node, scheduleAts(itemIndex), timeZone, itemIndex)
						: undefined,
			};
		},
		perform: async (input, itemIndex) => {
			const { shootIds, providerMessage, heldForApproval } = await submitToAll.call(this, input, itemIndex);
			const analysis = analyseForType(input.type, input.text);
			const output: IDataObject = {
				success: true,
				shootId: shootIds[0],
				...(shootIds.length > 1 ? { shootIds } : {}),
				providerMessage,
				heldForApproval,
				contacts: input.contacts,
				contactCount: input.contacts.length,
				type: input.type,
				encoding: analysis.encoding,
				characters: analysis.characters,
				segments: analysis.segments,
			};
			if (input.schedule) Object.assign(output, input.schedule);
			return output;
		},
	});
}
