/**
 * The first step of the send engine: each input item's message, read and checked before anything
 * is sent, and the settings of the whole run.
 */
import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import { tokenFormProblem, WEBHOOK_CREDENTIAL_TYPE } from '../../../credentials/SmsHandoverWebhookApi.credentials';
import { accountSettings, accountTimeZone } from '../actions/shared/accountSettings';
import { inputError } from '../actions/shared/errors';
import { toContacts, toMessageText, toMobile, toSenderId } from '../actions/shared/input';
import { itemParameter } from '../actions/shared/itemParameters';
import { readRunOptions, readSmsOptions, type RunOptions, type SmsOptions } from '../actions/shared/options';
import { toScheduleTime, type ScheduleTime } from '../actions/shared/scheduleInput';
import { analyseForType, chooseSmsType, type MessageAnalysis, type SmsType } from '../helpers/encoding';
import { TOKEN_QUERY_PARAMETER } from '../helpers/dlr';
import { MAX_DLR_URL_LENGTH, type BulkParameterName } from '../helpers/panelLimits';
import type { ApiVersion } from '../transport';
import { fillFields, readTemplateParameters, type TemplateParameters } from './templateParameters';

/** One input item's SMS: one text from one sender to one or more numbers. */
export interface Message {
	itemIndex: number;
	senderId: string;
	recipients: string[];
	text: string;
	type: SmsType;
	analysis: MessageAnalysis;
	/** Request options: the item's own (Send, Schedule, Send and Wait) or the run's (Send Bulk). */
	options: SmsOptions;
	schedule?: ScheduleTime;
	/** Send Bulk with a Template ID (JSON API): the values of the template's #name# fields. */
	parameters?: TemplateParameters;
	/** False when the panel composes the text (a template): its length, parts and price are unknown here. */
	priced: boolean;
}

/**
 * How the messages go out: `contacts`, each item's text to the numbers it lists (Send, Schedule,
 * Send and Wait); `bulk`, one personalised text per item, gathered into as few requests as the
 * panel allows (Send Bulk).
 */
export type PlanKind = 'contacts' | 'bulk';

/** What applies to the whole run, read from the first item (and the credential) before any item. */
export interface RunSettings {
	options: RunOptions;
	bulkParameterName: BulkParameterName;
	/** Send Bulk: the request options of every message, and its Schedule At. */
	requestOptions?: SmsOptions;
	schedule?: ScheduleTime;
	/** Schedule: the zone every item's Schedule At is read in (the account's). */
	scheduleTimeZone?: string;
	/** The token of the node's Webhook credential, for Add Trigger Token (never shown). */
	triggerToken?: string;
	/** Whether the panel decodes a text a second time (the credential's Panel Decodes Messages). */
	messageDecoding: 'once' | 'twice';
	/** The classic API, or the JSON API (v2): the request's form and what its answer holds. */
	api: ApiVersion;
}

export async function readRunSettings(
	context: IExecuteFunctions,
	plan: PlanKind,
	scheduled: boolean,
): Promise<RunSettings> {
	const options = readRunOptions(context);
	const triggerToken = await webhookToken(context);
	const account = await accountSettings(context);
	const { messageDecoding, api } = account;
	if (plan === 'contacts') {
		const scheduleTimeZone = scheduled ? accountTimeZone(context, account) : undefined;
		return { options, bulkParameterName: account.bulkParameterName, scheduleTimeZone, triggerToken, messageDecoding, api };
	}
	const requestOptions = dlrUrlWithToken(context, readSmsOptions(context, 0, api), triggerToken, 0);
	const schedule = requestOptions.scheduleAt
		? toScheduleTime(context.getNode(), requestOptions.scheduleAt, accountTimeZone(context, account), 0, 'options.scheduleAt')
		: undefined;
	return { options, bulkParameterName: account.bulkParameterName, requestOptions, schedule, triggerToken, messageDecoding, api };
}

/** The token of the Webhook credential selected on this node, if any (for Add Trigger Token). */
async function webhookToken(context: IExecuteFunctions): Promise<string | undefined> {
	if (!context.getNode().credentials?.[WEBHOOK_CREDENTIAL_TYPE]) return undefined;
	const token = (await context.getCredentials(WEBHOOK_CREDENTIAL_TYPE)).token;
	return typeof token === 'string' ? token : '';
}

/**
 * The DLR URL with the trigger's token when Add Trigger Token is on. Refused, naming the item,
 * when there is no URL, no usable token, or a token already in the URL.
 */
function dlrUrlWithToken(context: IExecuteFunctions, options: SmsOptions, token: string | undefined, itemIndex: number): SmsOptions {
	if (!options.addTriggerToken) return options;
	const node = context.getNode();
	const field = 'options.addTriggerToken';
	if (!options.dlrUrl) throw inputError(node, itemIndex, field, 'needs a DLR URL', "Paste the SMS Handover Trigger's Production URL into DLR URL.");
	if (token === undefined) {
		throw inputError(node, itemIndex, field, 'needs an SMS Handover Webhook API credential on this node', 'Select the same Webhook credential as in the SMS Handover Trigger.');
	}
	const problem = tokenFormProblem(token);
	if (problem) throw inputError(node, itemIndex, field, `the Webhook credential's token cannot be used: ${problem}`);
	const url = new URL(options.dlrUrl);
	if (url.searchParams.has(TOKEN_QUERY_PARAMETER)) {
		throw inputError(node, itemIndex, 'options.dlrUrl', 'already carries a token', 'Remove "token=…" from the DLR URL: Add Trigger Token adds the trigger\'s.');
	}
	url.searchParams.set(TOKEN_QUERY_PARAMETER, token);
	const withToken = url.toString();
	if (withToken.length > MAX_DLR_URL_LENGTH) {
		throw inputError(node, itemIndex, 'options.dlrUrl', `is ${withToken.length} characters with the trigger's token; SMS Handover keeps at most ${MAX_DLR_URL_LENGTH}`, 'The panel would cut the URL, token included. Use a shorter n8n address or webhook path.');
	}
	return { ...options, dlrUrl: withToken };
}

function message(
	itemIndex: number,
	options: SmsOptions,
	senderId: string,
	recipients: string[],
	text: string,
	schedule: ScheduleTime | undefined,
	parameters?: TemplateParameters,
): Message {
	const type = chooseSmsType(options.type, text);
	const priced = options.templateId === undefined;
	// One object per item, built in place: Send Bulk makes 100,000 of these.
	return { itemIndex, senderId, recipients, text, type, analysis: analyseForType(type, text), options, schedule, parameters, priced };
}

/** The Message field: required, unless a Template ID (JSON API) gives the text. */
function messageText(node: INode, raw: unknown, itemIndex: number, options: SmsOptions): string {
	if (options.templateId !== undefined && (raw === undefined || raw === null || String(raw).trim() === '')) return '';
	return toMessageText(node, raw, itemIndex);
}

/** Reads one item's message; throws an input error naming the item and the field. */
export type MessageReader = (itemIndex: number) => Message;

/** Send, Schedule, Send and Wait: Sender ID, Contacts, Message (and Schedule At) of each item. */
function contactMessages(context: IExecuteFunctions, items: INodeExecutionData[], run: RunSettings): MessageReader {
	const node = context.getNode();
	const senderIds = itemParameter(context, 'senderId', items);
	const contacts = itemParameter(context, 'contacts', items);
	const texts = itemParameter(context, 'message', items);
	const scheduleAts = run.scheduleTimeZone ? itemParameter(context, 'scheduleAt', items) : undefined;
	return (itemIndex) => {
		// In the order the fields were always checked: the first error an item shows stays the same.
		const options = dlrUrlWithToken(context, readSmsOptions(context, itemIndex, run.api), run.triggerToken, itemIndex);
		const text = messageText(node, texts(itemIndex), itemIndex, options);
		const senderId = toSenderId(node, senderIds(itemIndex), itemIndex);
		const recipients = toContacts(node, contacts(itemIndex), itemIndex);
		const schedule =
			scheduleAts && run.scheduleTimeZone ? toScheduleTime(node, scheduleAts(itemIndex), run.scheduleTimeZone, itemIndex) : undefined;
		return message(itemIndex, options, senderId, recipients, text, schedule);
	};
}

/** Send Bulk: Sender ID, Mobile and Message of each item; the options are the run's. */
function bulkMessages(context: IExecuteFunctions, items: INodeExecutionData[], run: RunSettings): MessageReader {
	const node = context.getNode();
	const senderIds = itemParameter(context, 'senderId', items);
	const mobiles = itemParameter(context, 'mobile', items);
	const texts = itemParameter(context, 'message', items);
	const options = run.requestOptions as SmsOptions;
	const parameters = readTemplateParameters(context, items, run.api);
	return (itemIndex) => {
		const senderId = toSenderId(node, senderIds(itemIndex), itemIndex);
		const mobile = toMobile(node, mobiles(itemIndex), itemIndex);
		const values = parameters(itemIndex);
		let text = messageText(node, texts(itemIndex), itemIndex, options);
		// Without a template the node fills the #name# fields itself: the text is known, and priced.
		if (values && options.templateId === undefined) text = fillFields(node, text, values, itemIndex);
		return message(itemIndex, options, senderId, [mobile], text, run.schedule, options.templateId === undefined ? undefined : values);
	};
}

export function messageReader(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	plan: PlanKind,
	run: RunSettings,
): MessageReader {
	return plan === 'bulk' ? bulkMessages(context, items, run) : contactMessages(context, items, run);
}
