import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_MESSAGE_CHARACTERS } from '../../helpers/encoding';
import { normalisePhone, parseContacts } from '../../helpers/phone';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from '../processItems';
import { BULK_LIMIT } from './bulkLimit';
import { readExtraParameters, type ExtraParameters } from './extraParameters';

export type RequestedType = 'auto' | 'text' | 'unicode' | 'flash';

export interface SmsOptions {
	type: RequestedType;
	campaign?: string;
	routeId?: string;
	dlrUrl?: string;
	timeout?: number;
	concurrency: number;
	batchSize: number;
	scheduleAt?: string;
	extraParameters: ExtraParameters;
}

const TYPES: RequestedType[] = ['auto', 'text', 'unicode', 'flash'];

export function inputError(node: INode, itemIndex: number, field: string, problem: string, description?: string) {
	return new NodeOperationError(node, `Item ${itemIndex}, field "${field}": ${problem}`, {
		itemIndex,
		description,
	});
}

function describeValue(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Message text from whatever the parameter resolved to (string, number, ...). */
export function toMessageText(node: INode, raw: unknown, itemIndex: number, field = 'message'): string {
	if (raw === undefined || raw === null || raw === '') {
		throw inputError(node, itemIndex, field, 'is empty', 'An SMS needs some text.');
	}
	if (typeof raw === 'object') {
		throw inputError(node, itemIndex, field, 'is an object, not text', `Got ${describeValue(raw)}`);
	}
	const text = String(raw);
	if (text.trim() === '') throw inputError(node, itemIndex, field, 'is empty', 'An SMS needs some text.');
	if (text.length > MAX_MESSAGE_CHARACTERS) {
		throw inputError(
			node,
			itemIndex,
			field,
			`is ${text.length} characters long; the provider accepts at most ${MAX_MESSAGE_CHARACTERS}`,
		);
	}
	return text;
}

export function toContacts(node: INode, raw: unknown, itemIndex: number, field = 'contacts'): string[] {
	const { numbers, invalid } = parseContacts(raw);
	if (invalid.length) {
		const shown = invalid.slice(0, 5).map((value) => `"${describeValue(value)}"`).join(', ');
		throw inputError(
			node,
			itemIndex,
			field,
			`${shown}${invalid.length > 5 ? ` and ${invalid.length - 5} more` : ''} ${invalid.length === 1 ? 'is not a phone number' : 'are not phone numbers'}`,
			'Use 8 to 15 digits with the country code, e.g. 919876543210; spaces, dashes, + and a leading 00 are removed.',
		);
	}
	if (numbers.length === 0) {
		throw inputError(node, itemIndex, field, 'has no phone number');
	}
	return numbers;
}

export function toMobile(node: INode, raw: unknown, itemIndex: number, field = 'mobile'): string {
	if (raw === undefined || raw === null || raw === '') {
		throw inputError(node, itemIndex, field, 'is empty');
	}
	const text = typeof raw === 'number' ? raw.toFixed(0) : typeof raw === 'string' ? raw : null;
	const mobile = text === null || (typeof raw === 'number' && !Number.isSafeInteger(raw)) ? null : normalisePhone(text);
	if (!mobile) {
		throw inputError(
			node,
			itemIndex,
			field,
			`"${describeValue(raw)}" is not a phone number`,
			'Use 8 to 15 digits with the country code, e.g. 919876543210.',
		);
	}
	return mobile;
}

export function toRequiredText(node: INode, raw: unknown, itemIndex: number, field: string): string {
	if (raw === undefined || raw === null || (typeof raw === 'object' && raw !== null)) {
		throw inputError(node, itemIndex, field, raw === undefined || raw === null ? 'is empty' : 'is an object, not text');
	}
	const text = String(raw).trim();
	if (!text) throw inputError(node, itemIndex, field, 'is empty');
	return text;
}

export function readSmsOptions(node: INode, raw: IDataObject, itemIndex: number): SmsOptions {
	const type = (raw.type ?? 'auto') as RequestedType;
	if (!TYPES.includes(type)) {
		throw inputError(node, itemIndex, 'options.type', `"${describeValue(type)}" is not one of ${TYPES.join(', ')}`);
	}
	const dlrUrl = raw.dlrUrl === undefined ? '' : String(raw.dlrUrl).trim();
	if (dlrUrl && !/^https?:\/\/[^\s]+$/i.test(dlrUrl)) {
		throw inputError(node, itemIndex, 'options.dlrUrl', `"${describeValue(dlrUrl)}" is not an http(s) URL`);
	}
	const batchSize = raw.batchSize === undefined ? BULK_LIMIT : Number(raw.batchSize);
	if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > BULK_LIMIT) {
		throw inputError(node, itemIndex, 'options.batchSize', `must be a whole number from 1 to ${BULK_LIMIT}`);
	}
	const concurrency = raw.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(raw.concurrency);
	if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
		throw inputError(node, itemIndex, 'options.concurrency', `must be a whole number from 1 to ${MAX_CONCURRENCY}`);
	}
	const timeout = raw.timeout === undefined ? undefined : Number(raw.timeout);
	if (timeout !== undefined && (!Number.isFinite(timeout) || timeout < 1)) {
		throw inputError(node, itemIndex, 'options.timeout', 'must be a positive number of milliseconds');
	}
	const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());
	return {
		type,
		campaign: text(raw.campaign) || undefined,
		routeId: text(raw.routeId) || undefined,
		dlrUrl: dlrUrl || undefined,
		timeout,
		concurrency,
		batchSize,
		scheduleAt: text(raw.scheduleAt) || undefined,
		extraParameters: readExtraParameters(node, raw.extraParameters, itemIndex),
	};
}

/** Form fields every send request carries besides the recipients and the text. */
export function commonSendFields(
	senderId: string,
	type: string,
	options: SmsOptions,
	providerTime?: string,
): IDataObject {
	const form: IDataObject = { senderid: senderId, type };
	if (options.campaign) form.campaign = options.campaign;
	if (options.routeId) form.routeid = options.routeId;
	if (options.dlrUrl) form.dlr_url = options.dlrUrl;
	if (providerTime) form.time = providerTime;
	for (const [name, value] of options.extraParameters) form[name] = value;
	return form;
}

/** The Timeout option of the operations whose options hold nothing else. */
export function requestTimeout(context: IExecuteFunctions, itemIndex: number): number | undefined {
	return readSmsOptions(context.getNode(), context.getNodeParameter('options', itemIndex, {}) as IDataObject, itemIndex).timeout;
}
