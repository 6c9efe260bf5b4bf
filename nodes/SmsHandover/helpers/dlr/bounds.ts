/**
 * How much work one delivery-report request may cause. Limits far above anything the panel sends
 * (its records have about ten fields, nested three levels, and it posts at most 1,000 reports at
 * once), checked before anything reads a field, so that handling a request stays linear in its size
 * and no item is too deep for n8n to copy or store.
 */

/** One request may carry at most this many reports (the provider's own batch limit). */
export const MAX_REPORTS_PER_REQUEST = 50_000;
/** Largest raw body accepted, the same as n8n's default payload limit. */
export const MAX_RAW_BODY_BYTES = 16 * 1024 * 1024;
/** Fields of one object (a report, a part of it, a wrapper). */
export const MAX_FIELDS_PER_OBJECT = 200;
/** Entries of any list: the request's reports (bare or wrapped), or one report's parts. */
export const MAX_LIST_ENTRIES = MAX_REPORTS_PER_REQUEST;
/** Levels of objects and lists, counted from the request's body. */
export const MAX_NESTING_DEPTH = 32;
/** Query-string fields (they are merged into every report of the body). */
export const MAX_QUERY_FIELDS = 100;
/** Query fields × reports: what merging the query into every report may copy. */
export const MAX_MERGED_FIELDS = 1_000_000;

/** Why a request is beyond these limits, and the HTTP status that says so (413: too much of it). */
export interface BoundsProblem {
	reason: string;
	status: 400 | 413;
}

const tooManyReports = (): BoundsProblem => ({
	reason: `Too many reports in one request (more than ${MAX_REPORTS_PER_REQUEST})`,
	status: 413,
});

/**
 * Why `value` is beyond these limits, or null. One pass without recursion (a body nested thousands
 * of levels deep must not overflow the stack here either), stopping at the first excess.
 */
export function boundsProblem(value: unknown): BoundsProblem | null {
	const values: unknown[] = [value];
	const depths: number[] = [0];
	while (values.length > 0) {
		const current = values.pop();
		const depth = depths.pop() as number;
		if (current === null || typeof current !== 'object') continue;
		if (depth >= MAX_NESTING_DEPTH) return { reason: `Body nested deeper than ${MAX_NESTING_DEPTH} levels`, status: 400 };
		if (Array.isArray(current)) {
			// A list is reports, a wrapped list of them, or a report's parts: never more than this.
			if (current.length > MAX_LIST_ENTRIES) return tooManyReports();
			for (const entry of current) {
				values.push(entry);
				depths.push(depth + 1);
			}
			continue;
		}
		let fields = 0;
		for (const key in current) {
			if (++fields > MAX_FIELDS_PER_OBJECT) {
				return { reason: `An object in the body has more than ${MAX_FIELDS_PER_OBJECT} fields`, status: 400 };
			}
			values.push((current as Record<string, unknown>)[key]);
			depths.push(depth + 1);
		}
	}
	return null;
}

/** Whether form text (`a=1&b=2…`) has more fields than one object may. Counts, parses nothing. */
export function tooManyFormFields(text: string): boolean {
	let fields = 1;
	for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
		if (++fields > MAX_FIELDS_PER_OBJECT) return true;
	}
	return false;
}
