import { canonicalKey, WRAPPER_KEYS } from './aliases';
import { boundsProblem } from './bounds';
import { fieldHits, indexRecord, isPlainObject, looksLikeReport } from './fields';
import { isNestedDlr } from './nestedDlr';
import { isPanelPush } from './panelPush';

const WRAPPERS = new Set<string>(WRAPPER_KEYS.map(canonicalKey));
const MAX_WRAPPER_DEPTH = 3;
const RECEIPT_KEY = /(?:^|\s)(id|sub|dlvrd|submit date|done date|stat|err|text):/gi;

/** JSON inside a string, or undefined when the string is not a JSON object or array. */
export function parseJsonText(text: string): unknown {
	const trimmed = text.trim();
	if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
	try {
		return JSON.parse(trimmed) as unknown;
	} catch {
		return undefined;
	}
}

/** An SMPP delivery receipt ("id:.. sub:.. dlvrd:.. submit date:.. done date:.. stat:.. err:.."). */
export function parseSmppReceipt(text: string): Record<string, unknown> | null {
	if (!/(?:^|\s)id:/i.test(text) || !/\sstat:/i.test(text)) return null;
	const matches = [...text.matchAll(RECEIPT_KEY)];
	const record: Record<string, unknown> = {};
	matches.forEach((match, i) => {
		const start = (match.index ?? 0) + match[0].length;
		const end = i + 1 < matches.length ? matches[i + 1].index : text.length;
		record[match[1].toLowerCase().replace(' ', '_')] = text.slice(start, end).trim();
	});
	return record;
}

function formText(text: string): Record<string, unknown> | null {
	const trimmed = text.trim();
	if (!/^[^=&\s]+=[^\s]*$/.test(trimmed)) return null;
	const record: Record<string, unknown> = {};
	for (const [key, value] of new URLSearchParams(trimmed)) {
		if (!(key in record)) record[key] = value;
	}
	return record;
}

/** JSON inside a field or list entry, read only within the request's bounds (else it stays text). */
function nestedJson(text: string): unknown {
	const json = parseJsonText(text);
	return json !== undefined && boundsProblem(json) === null ? json : undefined;
}

function fromText(text: string, depth: number): Record<string, unknown>[] {
	const json = depth > 0 ? nestedJson(text) : parseJsonText(text);
	if (json !== undefined) return collect(json, depth + 1);
	const receipt = parseSmppReceipt(text.trim());
	if (receipt) return [receipt];
	const form = formText(text);
	return form ? [form] : [];
}

function identifiesItself(record: Record<string, unknown>): boolean {
	const index = indexRecord(record);
	return fieldHits(record, index, 'shootId').length + fieldHits(record, index, 'mobile').length > 0;
}

/** Reports under a wrapper key, or null when the object is itself the report. */
function unwrap(record: Record<string, unknown>, depth: number): Record<string, unknown>[] | null {
	// The panel's native push lists message parts under `dlr`, its nested shape holds the delivery
	// there: either belongs to this one report.
	if (depth >= MAX_WRAPPER_DEPTH || isPanelPush(record) || isNestedDlr(record)) return null;
	for (const [key, value] of Object.entries(record)) {
		if (!WRAPPERS.has(canonicalKey(key))) continue;
		const inner = typeof value === 'string' ? nestedJson(value) : value;
		if (!Array.isArray(inner) && !isPlainObject(inner)) continue;
		const records = collect(inner, depth + 1);
		// `{ status: 'success', data: [...] }` is a wrapper, even of an empty list; an object
		// that names its own shoot id or number is a report unless what it wraps are reports.
		if (Array.isArray(inner) && !identifiesItself(record)) return records;
		if (records.some(looksLikeReport)) return records;
	}
	return null;
}

function collect(payload: unknown, depth: number): Record<string, unknown>[] {
	if (typeof payload === 'string') return depth > MAX_WRAPPER_DEPTH ? [] : fromText(payload, depth);
	if (Array.isArray(payload)) return payload.filter(isPlainObject);
	if (!isPlainObject(payload)) return [];
	return unwrap(payload, depth) ?? [payload];
}

/**
 * The report records in a payload: an object is one record; an array gives its object
 * elements; an object wrapping a list under `data`, `reports`, `dlr`, `results` or
 * `messages` gives that list; a string is parsed (JSON, SMPP receipt or form text) first.
 */
export function extractReportRecords(payload: unknown): Array<Record<string, unknown>> {
	return collect(payload, 0);
}
