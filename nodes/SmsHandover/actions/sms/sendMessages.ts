import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { analyseForType, chooseSmsType, type MessageAnalysis, type SmsType } from '../../helpers/encoding';
import { accountTimeZone } from '../accountSettings';
import { itemParameter } from '../itemParameters';
import { asNodeError, withDescription } from '../nodeError';
import { errorItem, processItems } from '../processItems';
import { addNeed, guardFields, readBalances, shortfall, type CreditNeeds, type RouteBalance } from './balanceGuard';
import { BULK_LIMIT } from './bulkLimit';
import { assertFirstAttempt } from './rerunGuard';
import { toScheduleTime, type ScheduleTime } from './scheduleInput';
import { toContacts, toMessageText, toRequiredText } from './smsInput';
import { commonSendFields, readRunOptions, readSmsOptions, type RunOptions, type SmsOptions } from './smsOptions';
import { submitSms } from './submit';

export interface PreparedSend {
	senderId: string;
	contacts: string[];
	text: string;
	type: SmsType;
	analysis: MessageAnalysis;
	options: SmsOptions;
	schedule?: ScheduleTime;
}

/** Recipients in the provider's per-request limit, in order. */
function chunksOf<T>(values: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
	return chunks;
}

/** The form of each request an item makes (more than one only beyond 50,000 contacts); no key. */
function requestForms(input: PreparedSend): IDataObject[] {
	const base = commonSendFields(input.senderId, input.type, input.options, input.schedule?.providerTime);
	return chunksOf(input.contacts, BULK_LIMIT).map((chunk) => ({ ...base, contacts: chunk.join(','), msg: input.text }));
}

export async function submitToAll(this: IExecuteFunctions, input: PreparedSend, itemIndex: number) {
	const shootIds: string[] = [];
	let providerMessage = '';
	let heldForApproval = false;
	for (const [chunkIndex, form] of requestForms(input).entries()) {
		try {
			const submission = await submitSms.call(this, form, itemIndex, input.options.timeout);
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

export const creditsOf = (input: PreparedSend, run: RunOptions) =>
	input.analysis.segments * input.contacts.length * run.creditsPerSegment;

/** Reads and checks one item's send parameters (no request). */
export function sendPreparer(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	scheduled?: { timeZone: string },
): (itemIndex: number) => PreparedSend {
	const node = this.getNode();
	const senderIds = itemParameter(this, 'senderId', items);
	const contacts = itemParameter(this, 'contacts', items);
	const messages = itemParameter(this, 'message', items);
	const scheduleAts = scheduled ? itemParameter(this, 'scheduleAt', items) : undefined;
	return (itemIndex) => {
		const options = readSmsOptions(node, this.getNodeParameter('options', itemIndex, {}) as IDataObject, itemIndex);
		const text = toMessageText(node, messages(itemIndex), itemIndex);
		const type = chooseSmsType(options.type, text);
		return {
			senderId: toRequiredText(node, senderIds(itemIndex), itemIndex, 'senderId'),
			contacts: toContacts(node, contacts(itemIndex), itemIndex),
			text,
			type,
			analysis: analyseForType(type, text),
			options,
			schedule:
				scheduleAts && scheduled ? toScheduleTime(node, scheduleAts(itemIndex), scheduled.timeZone, itemIndex) : undefined,
		};
	};
}

/** The guard's per-route needs of a run, and its verdicts once read (one balance request). */
export async function guardBalances(
	this: IExecuteFunctions,
	inputs: PreparedSend[],
	run: RunOptions,
): Promise<Map<string | undefined, RouteBalance>> {
	const needs: CreditNeeds = new Map();
	for (const input of inputs) addNeed(needs, input.options.routeId, creditsOf(input, run));
	const balances = await readBalances.call(this, needs, inputs[0].options.timeout);
	const short = shortfall.call(this, balances);
	if (short && !run.dryRun) throw short;
	return balances;
}

/** What a send would be, for a dry run: the item's figures and its request without the key. */
export function previewJson(input: PreparedSend, run: RunOptions, verdict: RouteBalance | undefined): IDataObject {
	const forms = requestForms(input);
	return {
		dryRun: true,
		...figures(input),
		credits: creditsOf(input, run),
		request: forms[0],
		requestCount: forms.length,
		...(input.schedule ?? {}),
		...guardFields(verdict),
	};
}

function figures(input: PreparedSend): IDataObject {
	return {
		contacts: input.contacts,
		contactCount: input.contacts.length,
		type: input.type,
		encoding: input.analysis.encoding,
		characters: input.analysis.characters,
		segments: input.analysis.segments,
	};
}

/** `send` and `schedule`: one SMS text to a list of contacts per input item. */
export async function sendMessages(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	scheduled: boolean,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	if (items.length === 0) return [];
	let run: RunOptions;
	try {
		run = readRunOptions(node, this.getNodeParameter('options', 0, {}) as IDataObject);
	} catch (error) {
		// Whether this is a dry run is unknown: send nothing.
		if (!this.continueOnFail()) throw asNodeError(node, error, 0);
		return items.map((_, itemIndex) => errorItem(node, asNodeError(node, error, 0), itemIndex));
	}
	const prepare = sendPreparer.call(this, items, scheduled ? { timeZone: await accountTimeZone.call(this) } : undefined);
	let balances: Map<string | undefined, RouteBalance> | undefined;

	return await processItems(this, items, {
		concurrency: run.concurrency,
		submitsMessages: !run.dryRun,
		prepare,
		beforeSending: async (prepared) => {
			if (run.balanceGuard) balances = await guardBalances.call(this, prepared.map(({ input }) => input), run);
			if (!run.dryRun) await assertFirstAttempt.call(this);
		},
		perform: async (input, itemIndex) => {
			if (run.dryRun) return previewJson(input, run, balances?.get(input.options.routeId));
			const { shootIds, providerMessage, heldForApproval } = await submitToAll.call(this, input, itemIndex);
			return {
				success: true,
				shootId: shootIds[0],
				...(shootIds.length > 1 ? { shootIds } : {}),
				providerMessage,
				heldForApproval,
				...figures(input),
				...(input.schedule ?? {}),
			};
		},
	});
}
