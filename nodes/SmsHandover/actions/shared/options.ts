/** The Options collections, read and checked: an error names the item and the option. */
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { unpairedSurrogateAt } from '../../helpers/encoding';
import { BULK_LIMIT, MAX_DLR_URL_LENGTH } from '../../helpers/panelLimits';
import { MAX_TIMEOUT_MS, redact, type ApiVersion } from '../../transport';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from './concurrency';
import { brokenCharacterError, describeValue, inputError } from './errors';

export type RequestedType = 'auto' | 'text' | 'unicode' | 'flash';

export interface SmsOptions {
	type: RequestedType;
	campaign?: string;
	routeId?: string;
	dlrUrl?: string;
	/** Add Trigger Token: the Webhook credential's token goes on the DLR URL when sending. */
	addTriggerToken: boolean;
	timeout?: number;
	batchSize: number;
	scheduleAt?: string;
	/** JSON API (v2) only: the panel's template to send instead of a text. */
	templateId?: string;
	extraParameters: ExtraParameters;
}

const TYPES: RequestedType[] = ['auto', 'text', 'unicode', 'flash'];

function smsOptionsFrom(node: INode, raw: IDataObject, itemIndex: number, api: ApiVersion): SmsOptions {
	const type = (raw.type ?? 'auto') as RequestedType;
	if (!TYPES.includes(type)) {
		throw inputError(node, itemIndex, 'options.type', `"${describeValue(type)}" is not one of ${TYPES.join(', ')}`);
	}
	const dlrUrl = raw.dlrUrl === undefined ? '' : String(raw.dlrUrl).trim();
	if (dlrUrl && (!/^https?:\/\/[^\s]+$/i.test(dlrUrl) || !URL.canParse(dlrUrl))) {
		throw inputError(node, itemIndex, 'options.dlrUrl', `"${redact(describeValue(dlrUrl))}" is not an http(s) URL`);
	}
	if (dlrUrl.length > MAX_DLR_URL_LENGTH) {
		throw inputError(node, itemIndex, 'options.dlrUrl', `is ${dlrUrl.length} characters; SMS Handover keeps at most ${MAX_DLR_URL_LENGTH}`);
	}
	const batchSize = raw.batchSize === undefined ? BULK_LIMIT : Number(raw.batchSize);
	if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > BULK_LIMIT) {
		throw inputError(node, itemIndex, 'options.batchSize', `must be a whole number from 1 to ${BULK_LIMIT}`);
	}
	const timeout = timeoutOption(node, raw, itemIndex);
	const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());
	return {
		type,
		campaign: wholeNumberOption(node, text(raw.campaign), 'options.campaign', itemIndex, 'the default campaign'),
		routeId: wholeNumberOption(node, text(raw.routeId), 'options.routeId', itemIndex, 'the default route'),
		dlrUrl: dlrUrl || undefined,
		addTriggerToken: booleanOption(node, raw.addTriggerToken, 'options.addTriggerToken', itemIndex),
		timeout,
		batchSize,
		scheduleAt: text(raw.scheduleAt) || undefined,
		templateId: templateIdOption(node, text(raw.templateId), itemIndex, api),
		extraParameters: readExtraParameters(node, raw.extraParameters, itemIndex, api),
	};
}

/**
 * Options that apply to a whole execution, not to one item: read from the first item. A dry run
 * must never turn into a real send, so these are read on their own and any doubt stops the run.
 */
export interface RunOptions {
	concurrency: number;
	dryRun: boolean;
	balanceGuard: boolean;
	creditsPerSegment: number;
}

/**
 * A Route ID or Campaign: the panel reads them with PHP's intval, so "Transactional" would silently
 * become 0 (its default) and "12abc" 12. Only whole numbers go out; empty means the default.
 */
function wholeNumberOption(node: INode, value: string, field: string, itemIndex: number, fallback: string): string | undefined {
	if (value === '') return undefined;
	if (!/^\d+$/.test(value)) {
		throw inputError(node, itemIndex, field, `"${describeValue(value)}" is not a whole number`, `The panel reads it as a number: anything else would go out on ${fallback}. Use the ID your panel shows.`);
	}
	return value;
}

/** A Template ID: the JSON API's (v2); the classic API has no templates. */
function templateIdOption(node: INode, value: string, itemIndex: number, api: ApiVersion): string | undefined {
	if (value === '') return undefined;
	if (api !== 'v2') {
		throw inputError(node, itemIndex, 'options.templateId', 'needs the JSON API (v2)', "Set the credential's API to JSON API (v2), or send the template's text as Message.");
	}
	if (!/^\d+$/.test(value)) throw inputError(node, itemIndex, 'options.templateId', `"${describeValue(value)}" is not a whole number`, 'Use the ID your panel shows for the template.');
	return value;
}

export function booleanOption(node: INode, raw: unknown, field: string, itemIndex = 0): boolean {
	if (raw === undefined || raw === null || raw === false || raw === 'false') return false;
	if (raw === true || raw === 'true') return true;
	throw inputError(node, itemIndex, field, `"${describeValue(raw)}" is not true or false`);
}

function runOptionsFrom(node: INode, raw: IDataObject): RunOptions {
	const concurrency = raw.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(raw.concurrency);
	if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
		throw inputError(node, 0, 'options.concurrency', `must be a whole number from 1 to ${MAX_CONCURRENCY}`);
	}
	const creditsPerSegment = raw.creditsPerSegment === undefined ? 1 : Number(raw.creditsPerSegment);
	if (!Number.isFinite(creditsPerSegment) || creditsPerSegment < 0) {
		throw inputError(node, 0, 'options.creditsPerSegment', 'must be a number of credits, 0 or more');
	}
	return {
		concurrency,
		dryRun: booleanOption(node, raw.dryRun, 'options.dryRun'),
		balanceGuard: booleanOption(node, raw.balanceGuard, 'options.balanceGuard'),
		creditsPerSegment,
	};
}

const optionsOf = (context: IExecuteFunctions, itemIndex: number) =>
	context.getNodeParameter('options', itemIndex, {}) as IDataObject;

function timeoutOption(node: INode, raw: IDataObject, itemIndex: number): number | undefined {
	const timeout = raw.timeout === undefined ? undefined : Number(raw.timeout);
	if (timeout !== undefined && (!Number.isFinite(timeout) || timeout < 1)) {
		throw inputError(node, itemIndex, 'options.timeout', 'must be a positive number of milliseconds');
	}
	// Node's timers hold at most this; a longer one fires at once, so a send would look failed.
	if (timeout !== undefined && timeout > MAX_TIMEOUT_MS) {
		throw inputError(node, itemIndex, 'options.timeout', `must be at most ${MAX_TIMEOUT_MS} milliseconds (about 24 days)`);
	}
	return timeout;
}

/** The Timeout option of the operations whose options hold nothing else (Balance, OTP, Delivery Report). */
export function readTimeout(context: IExecuteFunctions, itemIndex: number): number | undefined {
	return timeoutOption(context.getNode(), optionsOf(context, itemIndex), itemIndex);
}

/** An item's SMS options (Send, Schedule, Send and Wait; Send Bulk reads the first item's for the run). */
export function readSmsOptions(context: IExecuteFunctions, itemIndex: number, api: ApiVersion): SmsOptions {
	return smsOptionsFrom(context.getNode(), optionsOf(context, itemIndex), itemIndex, api);
}

/** The options that apply to the whole execution, from the first item. */
export function readRunOptions(context: IExecuteFunctions): RunOptions {
	return runOptionsFrom(context.getNode(), optionsOf(context, 0));
}

/**
 * Names an extra parameter may not take, with the reason. Classic API: the node sends the first
 * group itself; the panel's smsViaApi drops the second group (its own names for the v2 API) or
 * parses it (`tlv`, `xml` switches it to its XML API), so such a parameter would never reach the
 * route. JSON API (v2): the fields the node sends itself.
 */
const RESERVED: Record<ApiVersion, ReadonlyMap<string, string>> = {
	classic: new Map([
		...['key', 'campaign', 'routeid', 'type', 'contacts', 'senderid', 'msg', 'time', 'dlr_url', 'bulk_campaigm', 'bulk_campaign'].map(
			(name): [string, string] => [name, 'is set by the node itself'],
		),
		...['campaignid', 'sender', 'mode', 'message', 'schedule', 'notifyurl'].map(
			(name): [string, string] => [name, 'is a name the panel uses internally and drops'],
		),
		['tlv', 'is parsed by the panel itself (give each TLV as its own parameter instead)'],
		['xml', 'switches the panel to its XML API'],
	]),
	v2: new Map(
		['key', 'campaignid', 'routeid', 'sender', 'mode', 'message', 'templateid', 'contacts', 'contactgroup', 'schedule', 'notifyurl'].map(
			(name): [string, string] => [name, 'is set by the node itself'],
		),
	),
};

// PHP turns dots and spaces in names into underscores and brackets into arrays: keep names plain.
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

export type ExtraParameters = Array<[name: string, value: string]>;

/** The Extra Parameters option as name/value pairs, refused with a clear reason before any request. */
export function readExtraParameters(node: INode, raw: unknown, itemIndex: number, api: ApiVersion = 'classic'): ExtraParameters {
	const entries = ((raw as IDataObject | undefined)?.parameter ?? []) as IDataObject[];
	const field = 'options.extraParameters';
	const seen = new Set<string>();
	const pairs: ExtraParameters = [];
	for (const entry of Array.isArray(entries) ? entries : []) {
		const name = String(entry.name ?? '').trim();
		if (!PLAIN_NAME.test(name)) {
			throw inputError(node, itemIndex, field, `"${name}" is not a usable parameter name`, 'Use letters, digits, "_" and "-", starting with a letter.');
		}
		const reserved = RESERVED[api].get(name.toLowerCase());
		if (reserved) throw inputError(node, itemIndex, field, `"${name}" ${reserved}`);
		if (seen.has(name.toLowerCase())) throw inputError(node, itemIndex, field, `"${name}" is given twice`);
		seen.add(name.toLowerCase());
		const value = entry.value;
		if (value !== null && typeof value === 'object') {
			throw inputError(node, itemIndex, field, `the value of "${name}" is an object, not text`);
		}
		const text = value === undefined || value === null ? '' : String(value);
		const broken = unpairedSurrogateAt(text);
		if (broken >= 0) throw brokenCharacterError(node, itemIndex, field, broken, name);
		pairs.push([name, text]);
	}
	return pairs;
}
