/**
 * The JSON API (v2)'s per-message ids: read from a send's answer, and given to each message of
 * a Send Bulk request. The pages show `message_id: [{mobile, sms_id}]` in the contacts' order;
 * the panel's own code also lists one entry per part of a long message (`<id>_2`…) and may echo
 * a number with the country code it added, so both are allowed for.
 */
import type { IDataObject } from 'n8n-workflow';

import { MIN_PHONE_DIGITS, sameSignificantDigits, significantDigits } from '../helpers/phone';

export interface MessageId {
	mobile: string;
	smsId: string;
}

const idText = (value: unknown) =>
	(typeof value === 'string' && value !== '') || typeof value === 'number' ? String(value) : undefined;

/** The answer's `message_id` (a list, or one entry) as `{mobile, smsId}`; entries without an id are left out. */
export function messageIdsOf(answer: unknown): MessageId[] {
	const list = Array.isArray(answer) ? answer : answer && typeof answer === 'object' ? [answer] : [];
	const ids: MessageId[] = [];
	for (const entry of list as unknown[]) {
		if (entry && typeof entry === 'object') {
			const record = entry as IDataObject;
			const smsId = idText(record.sms_id ?? record.smsId ?? record.message_id ?? record.id);
			if (smsId !== undefined) ids.push({ mobile: String(record.mobile ?? ''), smsId });
		} else {
			const smsId = idText(entry);
			if (smsId !== undefined) ids.push({ mobile: '', smsId });
		}
	}
	// A part of a long message (`<id>_2`) is not a message of its own.
	const whole = new Set(ids.map(({ smsId }) => smsId));
	return ids.filter(({ smsId }) => {
		const part = /^(.+)_\d+$/.exec(smsId);
		return !part || !whole.has(part[1]);
	});
}

/**
 * Each message's id, for messages in the request's contact order: by number (duplicates in turn);
 * when some number is not found but there is one id per message, by position instead. Linear in
 * the request (up to 50,000 messages): ids are grouped by the number's last digits, which a
 * country code the panel added leaves as they were, and each group remembers its first unused id.
 */
export function smsIdsInOrder(numbers: string[], ids: MessageId[]): Array<string | undefined> {
	const groups = new Map<string, { ids: Array<{ digits: string; smsId: string; used: boolean }>; next: number }>();
	for (const id of ids) {
		const digits = significantDigits(id.mobile);
		const key = digits.slice(-MIN_PHONE_DIGITS);
		const group = groups.get(key);
		const entry = { digits, smsId: id.smsId, used: false };
		if (group) group.ids.push(entry);
		else groups.set(key, { ids: [entry], next: 0 });
	}
	const byNumber = numbers.map((number) => {
		const digits = significantDigits(number);
		const group = groups.get(digits.slice(-MIN_PHONE_DIGITS));
		if (!group) return undefined;
		const entries = group.ids;
		let at = group.next;
		while (at < entries.length && (entries[at].used || !sameSignificantDigits(entries[at].digits, digits))) at++;
		if (at === entries.length) return undefined;
		entries[at].used = true;
		while (group.next < entries.length && entries[group.next].used) group.next++;
		return entries[at].smsId;
	});
	if (byNumber.every((id) => id !== undefined) || ids.length !== numbers.length) return byNumber;
	return ids.map((id) => id.smsId);
}
