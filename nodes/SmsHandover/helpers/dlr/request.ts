import {
	boundsProblem,
	MAX_FIELDS_PER_OBJECT,
	MAX_MERGED_FIELDS,
	MAX_QUERY_FIELDS,
	MAX_RAW_BODY_BYTES,
	MAX_REPORTS_PER_REQUEST,
	tooManyFormFields,
} from './bounds';
import { isPlainObject } from './fields';
import { normaliseReport } from './normalise';
import { inboundSms, isInboundQuery, type InboundSms } from './inbound';
import { extractReportRecords, parseJsonText } from './records';
import type { DeliveryReport } from './types';

export { MAX_RAW_BODY_BYTES, MAX_REPORTS_PER_REQUEST };
/** Query parameter that carries the trigger's secret; never part of a report. */
export const TOKEN_QUERY_PARAMETER = 'token';

export interface DlrRequest {
	method?: string;
	/** Parsed query string. */
	query?: unknown;
	/** Body as n8n parsed it: object or array for JSON and forms, string for text/plain. */
	body?: unknown;
	/** Body bytes as received, used when n8n left the body unparsed. */
	rawBody?: Uint8Array | string | null;
	/** Media type without parameters, e.g. `application/json`. */
	contentType?: string | null;
	/** Zone for report times that carry no offset; UTC when not given. */
	timeZone?: string;
}

export interface DlrRequestResult {
	reports: DeliveryReport[];
	/** Short reason the request was refused, or null when it carried reports. */
	rejected: string | null;
	/** HTTP status for a refused request: 413 when it was too large, 400 otherwise. */
	rejectedStatus: 400 | 413 | null;
	/**
	 * The body was exactly `{}` and nothing else named a report: what the panel's default
	 * (instant) mode posts for every report in its published code. Not refused (a refusal makes
	 * the panel post it again), but it carries no report.
	 */
	emptyObject: boolean;
}

type Payload = { kind: 'none' } | { kind: 'value'; value: unknown } | { kind: 'invalid'; reason: string };

const refuse = (reason: string, status: 400 | 413 = 400): DlrRequestResult => ({
	reports: [],
	rejected: reason,
	rejectedStatus: status,
	emptyObject: false,
});

const isEmptyObject = (value: unknown) => isPlainObject(value) && Object.keys(value).length === 0;

function byteLength(raw: Uint8Array | string | null | undefined): number {
	if (raw === null || raw === undefined) return 0;
	return typeof raw === 'string' ? new TextEncoder().encode(raw).length : raw.byteLength;
}

function queryFields(query: unknown): Record<string, unknown> {
	if (!isPlainObject(query)) return {};
	const fields: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(query)) {
		if (key !== TOKEN_QUERY_PARAMETER) fields[key] = value;
	}
	return fields;
}

/** The refusal for a query beyond the request's bounds (bounds.ts), or null. */
function queryRefusal(fromQuery: Record<string, unknown>): DlrRequestResult | null {
	if (Object.keys(fromQuery).length > MAX_QUERY_FIELDS) return refuse(`More than ${MAX_QUERY_FIELDS} query parameters`);
	const problem = boundsProblem(fromQuery);
	return problem ? refuse(problem.reason.replace('Body', 'Query'), problem.status) : null;
}

/** The refusal for a body beyond the request's bounds (bounds.ts), or null. */
function beyondBounds(body: unknown): DlrRequestResult | null {
	const problem = boundsProblem(body);
	return problem ? refuse(problem.reason, problem.status) : null;
}

function textPayload(text: string, contentType: string | null | undefined): Payload {
	if (text.trim() === '') return { kind: 'none' };
	const json = parseJsonText(text);
	if (json !== undefined) return { kind: 'value', value: json };
	if (contentType?.includes('json') || /^\s*[[{]/.test(text)) {
		return { kind: 'invalid', reason: 'Body is not valid JSON' };
	}
	if (tooManyFormFields(text)) return { kind: 'invalid', reason: `Body has more than ${MAX_FIELDS_PER_OBJECT} fields` };
	return { kind: 'value', value: text };
}

function bodyPayload(request: DlrRequest): Payload {
	const { body, rawBody, contentType } = request;
	if (typeof body === 'string') return textPayload(body, contentType);
	if (Array.isArray(body)) return { kind: 'value', value: body };
	if (isPlainObject(body) && Object.keys(body).length > 0) return { kind: 'value', value: body };
	// n8n leaves bodies of unfamiliar content types unparsed: read the bytes ourselves.
	if (byteLength(rawBody) > 0) {
		const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody ?? undefined);
		return textPayload(text, contentType);
	}
	return { kind: 'none' };
}

/**
 * The delivery reports in one HTTP request (GET query string, form, JSON object or array,
 * or JSON sent as text), or the reason to refuse it. Query fields other than `token`
 * are merged into every report from the body; body fields win.
 */
export function parseDlrRequest(request: DlrRequest): DlrRequestResult {
	if (byteLength(request.rawBody) > MAX_RAW_BODY_BYTES) {
		return refuse('Request body is larger than 16 MB', 413);
	}
	const fromQuery = queryFields(request.query);
	const queryCount = Object.keys(fromQuery).length;
	const hasQuery = queryCount > 0;
	const queryRefused = queryRefusal(fromQuery);
	if (queryRefused) return queryRefused;
	// What n8n parsed is checked before anything else touches it, what we parse right after.
	const parsedProblem = beyondBounds(request.body);
	if (parsedProblem) return parsedProblem;
	const payload = bodyPayload(request);
	if (payload.kind === 'invalid') return refuse(payload.reason);
	if (payload.kind === 'none' && !hasQuery) {
		return refuse('Empty request: no delivery report in the query string or body');
	}

	const value = payload.kind === 'value' ? payload.value : undefined;
	const textProblem = value === request.body ? null : beyondBounds(value);
	if (textProblem) return textProblem;
	let records = value === undefined ? [] : extractReportRecords(value);
	if (records.length > MAX_REPORTS_PER_REQUEST) {
		return refuse(`Too many reports in one request (more than ${MAX_REPORTS_PER_REQUEST})`, 413);
	}
	if (records.length === 0 && typeof value === 'string' && !hasQuery) {
		return refuse('Body is not JSON, form data or an SMPP receipt');
	}
	if (records.length * queryCount > MAX_MERGED_FIELDS) {
		return refuse(`Too many query parameters for ${records.length} reports (at most ${MAX_MERGED_FIELDS} fields in all)`, 413);
	}
	if (records.length === 0 && hasQuery) records = [fromQuery];
	else if (hasQuery) records = records.map((record) => ({ ...fromQuery, ...record }));

	const reports: DeliveryReport[] = [];
	for (const record of records) {
		const report = normaliseReport(record, { timeZone: request.timeZone });
		if (report) reports.push(report);
	}
	if (reports.length === 0 && isEmptyObject(value)) {
		return { reports, rejected: null, rejectedStatus: null, emptyObject: true };
	}
	if (reports.length === 0) {
		return refuse('No delivery report found: expected a shoot id or a number');
	}
	return { reports, rejected: null, rejectedStatus: null, emptyObject: false };
}

/** What a request to the trigger carries: delivery reports, or one inbound SMS. */
export type PanelRequestResult =
	| ({ kind: 'deliveryReports' } & DlrRequestResult)
	| { kind: 'inboundSms'; message: InboundSms | null; rejected: string | null; rejectedStatus: 400 | 413 | null };

/**
 * The one reader of a request to the trigger: an inbound SMS when its query carries `text` and no
 * delivery status (the panel forwards those with a GET), delivery reports otherwise. The same
 * bounds apply to both.
 */
export function parsePanelRequest(request: DlrRequest): PanelRequestResult {
	const fromQuery = queryFields(request.query);
	if (!isInboundQuery(fromQuery)) return { kind: 'deliveryReports', ...parseDlrRequest(request) };
	const refused = queryRefusal(fromQuery);
	if (refused) return { kind: 'inboundSms', message: null, rejected: refused.rejected, rejectedStatus: refused.rejectedStatus };
	return { kind: 'inboundSms', message: inboundSms(fromQuery, request.timeZone), rejected: null, rejectedStatus: null };
}
