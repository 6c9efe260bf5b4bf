import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { describeValue, inputError } from '../inputError';
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
	batchSize: number;
	scheduleAt?: string;
	extraParameters: ExtraParameters;
}

const TYPES: RequestedType[] = ['auto', 'text', 'unicode', 'flash'];

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
		batchSize,
		scheduleAt: text(raw.scheduleAt) || undefined,
		extraParameters: readExtraParameters(node, raw.extraParameters, itemIndex),
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

function booleanOption(node: INode, raw: unknown, field: string): boolean {
	if (raw === undefined || raw === null || raw === false || raw === 'false') return false;
	if (raw === true || raw === 'true') return true;
	throw inputError(node, 0, field, `"${describeValue(raw)}" is not true or false`);
}

export function readRunOptions(node: INode, raw: IDataObject): RunOptions {
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
