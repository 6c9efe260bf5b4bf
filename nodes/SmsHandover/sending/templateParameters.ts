/**
 * Send Bulk's Template Parameters (JSON API, v2): the values of a text's `#name#` fields, per item.
 * With a Template ID they go to the panel, which fills its template; without one the node fills
 * them into the item's Message, so the text is known (and priced) before sending.
 */
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import { brokenCharacterError, describeValue, inputError } from '../actions/shared/errors';
import { toMessageText } from '../actions/shared/input';
import { itemParameter } from '../actions/shared/itemParameters';
import { unpairedSurrogateAt } from '../helpers/encoding';
import type { ApiVersion } from '../transport';

export type TemplateParameters = Record<string, string>;

const FIELD = 'parameters';
// The panel's pages show fields such as #name# and #otp#.
const FIELD_NAME = /^[A-Za-z0-9_]+$/;

/** Name/value pairs from the fixed collection (an object, or its JSON text, is read the same way). */
function pairsOf(node: INode, raw: unknown, itemIndex: number): Array<[string, unknown]> {
	if (raw === undefined || raw === null || raw === '') return [];
	let value: unknown = raw;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value) as unknown;
		} catch {
			throw inputError(node, itemIndex, FIELD, `"${describeValue(raw)}" is not a JSON object`);
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw inputError(node, itemIndex, FIELD, `${describeValue(value)} is not an object of names and values`);
	}
	const record = value as IDataObject;
	if (Array.isArray(record.parameter)) {
		return (record.parameter as IDataObject[]).map((entry) => [String(entry?.name ?? '').trim(), entry?.value]);
	}
	return Object.entries(record);
}

/** An item's values, checked; undefined when it has none. */
function toParameters(node: INode, raw: unknown, itemIndex: number, api: ApiVersion): TemplateParameters | undefined {
	const pairs = pairsOf(node, raw, itemIndex);
	if (pairs.length === 0) return undefined;
	if (api !== 'v2') {
		throw inputError(node, itemIndex, FIELD, 'need the JSON API (v2)', "Set the credential's API to JSON API (v2), or put the values into Message with expressions.");
	}
	const values: TemplateParameters = {};
	for (const [name, value] of pairs) {
		if (!FIELD_NAME.test(name)) throw inputError(node, itemIndex, FIELD, `"${describeValue(name)}" is not a field name (letters, digits and _)`);
		if (name in values) throw inputError(node, itemIndex, FIELD, `"${name}" is given twice`);
		if (value !== null && typeof value === 'object') throw inputError(node, itemIndex, FIELD, `the value of "${name}" is an object, not text`);
		const text = value === undefined || value === null ? '' : String(value);
		const broken = unpairedSurrogateAt(text);
		if (broken >= 0) throw brokenCharacterError(node, itemIndex, FIELD, broken, name);
		values[name] = text;
	}
	return values;
}

/** Reads each item's Template Parameters; items without any give undefined. */
export function readTemplateParameters(context: IExecuteFunctions, items: INodeExecutionData[], api: ApiVersion) {
	const node = context.getNode();
	const stored = node.parameters[FIELD];
	// The usual case, none at all, costs nothing per item (Send Bulk runs 100,000 of them).
	if (stored === undefined || stored === '' || (typeof stored === 'object' && stored !== null && Object.keys(stored).length === 0)) {
		return () => undefined;
	}
	// Pairs hold an expression per value: each item's are read through n8n. A whole-field expression may be a plain reference.
	const raw = typeof stored === 'string' ? itemParameter(context, FIELD, items) : (itemIndex: number) => context.getNodeParameter(FIELD, itemIndex, {});
	return (itemIndex: number) => toParameters(node, raw(itemIndex), itemIndex, api);
}

/** The text with each #name# replaced by its value; the result is checked like any Message. */
export function fillFields(node: INode, text: string, values: TemplateParameters, itemIndex: number): string {
	const filled = text.replace(/#([A-Za-z0-9_]+)#/g, (whole, name: string) => (name in values ? values[name] : whole));
	return toMessageText(node, filled, itemIndex);
}
