import { canonicalKey, FIELD_ALIASES, type ReportField } from './aliases';

export interface FieldHit {
	/** The key as the provider spelled it. */
	key: string;
	text: string;
}

const CANONICAL_ALIASES: Record<ReportField, string[]> = Object.fromEntries(
	Object.entries(FIELD_ALIASES).map(([field, aliases]) => [field, aliases.map(canonicalKey)]),
) as Record<ReportField, string[]>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of a scalar field value; repeated query keys arrive as arrays, so take the first. */
export function valueText(value: unknown): string | null {
	if (Array.isArray(value)) return value.length > 0 ? valueText(value[0]) : null;
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
	if (typeof value === 'bigint') return value.toString();
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}

// Built once per record: every field of a report is read through it (one pass over its keys).
const indexes = new WeakMap<Record<string, unknown>, Map<string, string>>();

/** Record keys by their canonical form; the first spelling of a name wins. */
export function indexRecord(record: Record<string, unknown>): Map<string, string> {
	let index = indexes.get(record);
	if (index) return index;
	index = new Map<string, string>();
	for (const key of Object.keys(record)) {
		const canonical = canonicalKey(key);
		if (!index.has(canonical)) index.set(canonical, key);
	}
	indexes.set(record, index);
	return index;
}

/** Every non-empty value of a field, in alias priority order. */
export function fieldHits(
	record: Record<string, unknown>,
	index: Map<string, string>,
	field: ReportField,
): FieldHit[] {
	const hits: FieldHit[] = [];
	for (const alias of CANONICAL_ALIASES[field]) {
		const key = index.get(alias);
		if (key === undefined) continue;
		const text = valueText(record[key]);
		if (text !== null) hits.push({ key, text });
	}
	return hits;
}

/** Whether the record carries any of the fields that identify a report. */
export function looksLikeReport(record: Record<string, unknown>): boolean {
	const index = indexRecord(record);
	return (['shootId', 'mobile', 'status'] as const).some(
		(field) => fieldHits(record, index, field).length > 0,
	);
}

/** The value under the record's key that matches `name` ignoring case and separators. */
export function readField(record: Record<string, unknown>, name: string): unknown {
	const key = indexRecord(record).get(canonicalKey(name));
	return key === undefined ? undefined : record[key];
}

/** A whole number from a number or numeric text (the panel sends both), else null. */
export function wholeNumber(value: unknown): number | null {
	const text = valueText(value);
	if (text === null || !/^\d+$/.test(text)) return null;
	const number = Number(text);
	return Number.isSafeInteger(number) ? number : null;
}
