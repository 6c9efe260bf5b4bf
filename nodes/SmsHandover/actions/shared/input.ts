/** Readers of what an item gives for a field: each returns the clean value or throws an input error naming the item and the field. */
import type { INode } from 'n8n-workflow';

import { MAX_MESSAGE_CHARACTERS, unpairedSurrogateAt } from '../../helpers/encoding';
import { normalisePhone, parseContacts } from '../../helpers/phone';
import { brokenCharacterError, describeValue, inputError } from './errors';

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
	const broken = unpairedSurrogateAt(text);
	if (broken >= 0) throw brokenCharacterError(node, itemIndex, field, broken);
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
	// A negative number is no phone number (its "-" would otherwise read as a separator).
	const text = typeof raw === 'number' ? (raw >= 0 ? raw.toFixed(0) : null) : typeof raw === 'string' ? raw : null;
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


// What the panel keeps of a sender ID (its smsViaApi: urldecode, then cleanInput): letters and
// digits of any script, "_", "-" and spaces; it strips every other character ("+" becomes a space).
const SENDER_CHARACTERS = /[^\p{L}\p{N} _-]/gu;

/** A sender ID as the panel will send it: refused when the panel would alter it. */
export function toSenderId(node: INode, raw: unknown, itemIndex: number): string {
	const senderId = toRequiredText(node, raw, itemIndex, 'senderId');
	const refused = [...new Set(senderId.match(SENDER_CHARACTERS) ?? [])];
	if (refused.length) {
		throw inputError(
			node,
			itemIndex,
			'senderId',
			`"${describeValue(senderId)}" has ${refused.map((c) => `"${c}"`).join(', ')}, which the panel removes or changes before sending`,
			'A sender ID may hold letters, digits, "-", "_" and spaces: use it exactly as approved in your panel.',
		);
	}
	return senderId;
}
