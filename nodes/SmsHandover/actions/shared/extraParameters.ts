import type { IDataObject, INode } from 'n8n-workflow';

import { inputError } from './errors';

/**
 * Names an extra parameter may not take, with the reason. The node sends the first group itself;
 * the panel's smsViaApi drops the second group (its own names for the v2 API) or parses it
 * (`tlv`, `xml` switches it to its XML API), so such a parameter would never reach the route.
 */
const RESERVED: ReadonlyMap<string, string> = new Map([
	...['key', 'campaign', 'routeid', 'type', 'contacts', 'senderid', 'msg', 'time', 'dlr_url', 'bulk_campaigm', 'bulk_campaign'].map(
		(name): [string, string] => [name, 'is set by the node itself'],
	),
	...['campaignid', 'sender', 'mode', 'message', 'schedule', 'notifyurl'].map(
		(name): [string, string] => [name, 'is a name the panel uses internally and drops'],
	),
	['tlv', 'is parsed by the panel itself (give each TLV as its own parameter instead)'],
	['xml', "switches the panel to its XML API"],
]);

// PHP turns dots and spaces in names into underscores and brackets into arrays: keep names plain.
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

export type ExtraParameters = Array<[name: string, value: string]>;

/** The Extra Parameters option as name/value pairs, refused with a clear reason before any request. */
export function readExtraParameters(node: INode, raw: unknown, itemIndex: number): ExtraParameters {
	const entries = ((raw as IDataObject | undefined)?.parameter ?? []) as IDataObject[];
	const field = 'options.extraParameters';
	const seen = new Set<string>();
	const pairs: ExtraParameters = [];
	for (const entry of Array.isArray(entries) ? entries : []) {
		const name = String(entry.name ?? '').trim();
		if (!PLAIN_NAME.test(name)) {
			throw inputError(node, itemIndex, field, `"${name}" is not a usable parameter name`, 'Use letters, digits, "_" and "-", starting with a letter.');
		}
		const reserved = RESERVED.get(name.toLowerCase());
		if (reserved) throw inputError(node, itemIndex, field, `"${name}" ${reserved}`);
		if (seen.has(name.toLowerCase())) throw inputError(node, itemIndex, field, `"${name}" is given twice`);
		seen.add(name.toLowerCase());
		const value = entry.value;
		if (value !== null && typeof value === 'object') {
			throw inputError(node, itemIndex, field, `the value of "${name}" is an object, not text`);
		}
		pairs.push([name, value === undefined || value === null ? '' : String(value)]);
	}
	return pairs;
}
