/**
 * The SMS Handover panel's own delivery-report push (its Node `apiCalls` / `bulkApiCall`): one
 * object per recipient,
 *   {sms_shoot_id, mobile, sms_sent_time, sender_id, credits_charged, post_attempt,
 *    route_data: {id, title}, dlr: [{message_id, mobile, dlr, operator_reply, sms_delivery_time}]}
 * with one `dlr` entry per message part. The batch mode posts a JSON array of these objects.
 */
import { canonicalKey } from './aliases';
import { isPlainObject, readField, valueText, wholeNumber } from './fields';
import { makeReport, receiptErrorCode } from './report';
import { mapStatus } from './status';
import { parseReportTime } from './time';
import type { DeliveryReport, DeliveryStatus, NormaliseOptions } from './types';

/**
 * Text of a native-push field. The panel builds the push with template strings, so a value its
 * database row lacks arrives as the text "null" or "undefined" (its queue model does not save
 * every column it later reads): that is no value.
 */
function pushText(value: unknown): string | null {
	const text = valueText(value);
	return text === null || text === 'null' || text === 'undefined' ? null : text;
}

// Keys only the native push carries at recipient level.
const NATIVE_KEYS = new Set(['postattempt', 'routedata', 'creditscharged', 'smssenttime'].map(canonicalKey));

/** Whether a record is one recipient of the native push (its `dlr` field lists the parts). */
export function isPanelPush(record: Record<string, unknown>): boolean {
	const parts = readField(record, 'dlr');
	if (!Array.isArray(parts) || !parts.every(isPlainObject)) return false;
	return Object.keys(record).some((key) => NATIVE_KEYS.has(canonicalKey(key))) || readField(record, 'mobile') !== undefined;
}

// The whole message is only as good as its worst part: one failed part means it did not arrive.
const PRECEDENCE: DeliveryStatus[] = ['failed', 'rejected', 'expired', 'pending', 'unknown', 'delivered'];

interface PartReading {
	status: DeliveryStatus;
	word: string | null;
	reply: string | null;
}

/** A part's status: the panel's word (DELIVERED, FAILED, REJECTED, INVALID), else the operator's reply. */
function readPart(part: Record<string, unknown>): PartReading {
	const word = pushText(readField(part, 'dlr'));
	const reply = pushText(readField(part, 'operator_reply'));
	const status = (word && mapStatus(word)) || (reply && mapStatus(reply)) || 'unknown';
	return { status, word, reply };
}

function latestTime(parts: Array<Record<string, unknown>>, options: NormaliseOptions): string | null {
	let latest: string | null = null;
	for (const part of parts) {
		const iso = parseReportTime(readField(part, 'sms_delivery_time'), options);
		if (iso !== null && (latest === null || iso > latest)) latest = iso;
	}
	return latest;
}

// The panel names a message's further parts `<sms_id>_2`, `_3`…, even when the SMSC gave no id
// (a refused submit): `_2` or `null_2` names nothing.
const NO_ID_PART = /^(null|undefined)?_\d+$/;
const isMessageId = (id: string | null): id is string => id !== null && !NO_ID_PART.test(id);

export function fromPanelPush(record: Record<string, unknown>, options: NormaliseOptions): DeliveryReport | null {
	if (!isPanelPush(record)) return null;
	const parts = readField(record, 'dlr') as Array<Record<string, unknown>>;
	const readings = parts.map(readPart);
	const deciding = [...readings].sort(
		(a, b) => PRECEDENCE.indexOf(a.status) - PRECEDENCE.indexOf(b.status),
	)[0];
	const route = readField(record, 'route_data');
	const messageIds = parts.map((part) => pushText(readField(part, 'message_id'))).filter(isMessageId);
	return makeReport({
		shootId: pushText(readField(record, 'sms_shoot_id')),
		mobile: pushText(readField(record, 'mobile')) ?? pushText(readField(parts[0] ?? {}, 'mobile')),
		status: deciding?.status,
		providerStatus: deciding ? deciding.word || deciding.reply : null,
		reason: deciding?.reply ?? null,
		deliveredAt: latestTime(parts, options),
		sentAt: parseReportTime(readField(record, 'sms_sent_time'), options),
		errorCode: receiptErrorCode(deciding?.reply ?? null),
		senderId: pushText(readField(record, 'sender_id')),
		messageIds,
		parts: wholeNumber(readField(record, 'credits_charged')),
		route: isPlainObject(route)
			? { id: pushText(readField(route, 'id')), name: pushText(readField(route, 'title')) }
			: null,
		attempt: wholeNumber(readField(record, 'post_attempt')),
		raw: record,
	});
}
