import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apiRequest, apiVersion, endpoints } from '../../transport';
import { verifyOptions } from '../shared/descriptions';
import { forOperation } from '../shared/displayOptions';
import { asNodeError, describeValue, inputError, panelRefusal } from '../shared/errors';
import { toRequiredText } from '../shared/input';
import { itemParameter } from '../shared/itemParameters';
import { readTimeout } from '../shared/options';
import { processItems } from '../shared/processItems';

export const description: INodeProperties[] = forOperation('otp', 'verify', [
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.reference }}',
		description: 'The reference the OTP send returned',
	},
	{
		displayName: 'OTP',
		name: 'otp',
		type: 'string',
		required: true,
		default: '',
		description: 'The code the user entered',
	},
	verifyOptions,
]);

/** A code as the panel issues them (digits, Code Length of them), refused otherwise before it costs an attempt. */
function toCode(context: IExecuteFunctions, raw: unknown, itemIndex: number): string {
	const node = context.getNode();
	const code = toRequiredText(node, raw, itemIndex, 'otp');
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const given = options.codeLength;
	// An empty value is no length: read as 0 it would switch the check off.
	const length = given === undefined ? 6 : given === '' || given === null ? NaN : Number(given);
	if (!Number.isInteger(length) || length < 0) throw inputError(node, itemIndex, 'options.codeLength', 'must be a whole number, 0 or more');
	if (length === 0) return code;
	if (!/^\d+$/.test(code)) {
		throw inputError(node, itemIndex, 'otp', 'is not a code of digits', "SMS Handover's codes are digits only; nothing was checked, no attempt was used.");
	}
	if (code.length !== length) {
		throw inputError(
			node,
			itemIndex,
			'otp',
			`has ${code.length} digits; the panel's codes have ${length}`,
			'Nothing was checked, no attempt was used. Set Options → Code Length if your panel issues other codes.',
		);
	}
	return code;
}

// The panel's sixth call after five wrong codes: it deletes the OTP and answers with an error.
// (The JSON API's page shows no negative answers: an error naming expiry or attempts is read the same way, inferred.)
// Expiry counts only when it is the code's: "API Key Expired" is a refused key, not an answer.
const LOCKED_OUT = /TOO MANY ATTEMPTS|\b(OTP|CODE)\b.*\bEXPIRED\b|\bEXPIRED\b.*\b(OTP|CODE)\b/i;
const refusedKey = (error: NodeApiError) => error.httpCode === '401' || error.httpCode === '403' || /\bAPI KEY\b/i.test(error.message);
// Inferred for the JSON API: an error that says the reference is not known.
const UNKNOWN_REFERENCE = /\b(INVALID|UNKNOWN|NOT FOUND)\b.*\bREFERENCE\b|\bREFERENCE\b.*\b(INVALID|UNKNOWN|NOT FOUND)\b/i;

/** The panel's verify, where a lock-out is an answer rather than a failure. */
async function askPanel(context: IExecuteFunctions, qs: IDataObject, timeout: number | undefined, itemIndex: number) {
	const v2 = (await apiVersion(context)) === 'v2';
	try {
		// Never retried: every call counts as an attempt at the panel.
		const endpoint = v2 ? endpoints.v2.otpVerify : endpoints.otpVerify;
		return (await apiRequest(context, { method: 'GET', endpoint, qs, timeout, itemIndex, retry: 'never' })) as unknown;
	} catch (error) {
		if (error instanceof NodeApiError && !refusedKey(error) && LOCKED_OUT.test(error.message)) return { lockedOut: error.message };
		if (v2 && error instanceof NodeApiError && UNKNOWN_REFERENCE.test(error.message)) return [];
		throw asNodeError(context.getNode(), error, itemIndex);
	}
}

const MATCH_WORDS: Readonly<Record<string, 'true' | 'false' | 'expired'>> = {
	true: 'true',
	yes: 'true',
	'1': 'true',
	false: 'false',
	no: 'false',
	'0': 'false',
	expired: 'expired',
};

/**
 * What the answer says of the code: classic `match` ("true", "false", "expired"), v2 `matched`
 * ("yes"; its other answers are not documented, so yes/no, true/false, 1/0 as text, number or
 * boolean). Null when the answer says neither, or something else: never read as a wrong code.
 */
function matchOf(reply: IDataObject): 'true' | 'false' | 'expired' | null {
	const value = reply.matched !== undefined ? reply.matched : reply.match;
	if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return null;
	return MATCH_WORDS[String(value).trim().toLowerCase()] ?? null;
}

/**
 * A wrong, expired or locked-out code is an answer, not a failure: it comes out as
 * `verified: false` (with `expired: true` when the code can no longer be used).
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const node = this.getNode();
	const references = itemParameter(this, 'reference', items);
	const codes = itemParameter(this, 'otp', items);
	return await processItems(this, items, {
		concurrency: 5,
		prepare: (itemIndex) => ({
			reference: toRequiredText(node, references(itemIndex), itemIndex, 'reference'),
			otp: toCode(this, codes(itemIndex), itemIndex),
			timeout: readTimeout(this, itemIndex),
		}),
		perform: async ({ reference, otp, timeout }, itemIndex) => {
			const answer = await askPanel(this, { reference, otp }, timeout, itemIndex);
			if (Array.isArray(answer)) {
				// The panel's answer helper has no case for an unknown reference: it sends `[]`.
				throw panelRefusal(
					node,
					'unknown OTP reference',
					`SMS Handover does not know the OTP reference "${describeValue(reference)}"`,
					'The reference was never issued to this account, or its OTP was already verified, locked out or expired (the panel then deletes it). Send a new OTP.',
					itemIndex,
				);
			}
			const reply = (answer ?? {}) as IDataObject;
			if (typeof reply.lockedOut === 'string') {
				return { reference, verified: false, expired: true, match: 'expired', reason: reply.lockedOut };
			}
			const match = matchOf(reply);
			if (match === null) {
				const said = describeValue(JSON.stringify(answer) ?? String(answer));
				throw panelRefusal(
					node,
					'unrecognised OTP answer',
					'SMS Handover answered the OTP check without saying whether the code matched',
					`Its answer: ${said}. The code may have been used up: check the panel's OTP report before asking the user again.`,
					itemIndex,
				);
			}
			return { ...reply, reference, verified: match === 'true', expired: match === 'expired', reason: null };
		},
	});
}
