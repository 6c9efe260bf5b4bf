/**
 * The panel's newer report shape (its JSON API's getDLR answer, possibly pushed too): one record per
 * message with the delivery in a nested object,
 *   {sms_shoot_id, mobile, sender_id, sent, dlr: {status, operator_reply, delivery_time}}.
 * `dlr.status` is the panel's description text ("Handset Delivered", "Blacklist/Opted-out", …) or
 * its word ("Delivered", "Failed", …); the operator's reply decides when the text says nothing.
 */
import { isPlainObject, readField, valueText } from './fields';
import { makeReport, receiptErrorCode } from './report';
import { mapStatus } from './status';
import { parseReportTime } from './time';
import type { DeliveryReport, NormaliseOptions } from './types';

/** Whether a record is one message of the nested shape (its `dlr` is an object, not a list of parts). */
export function isNestedDlr(record: Record<string, unknown>): boolean {
	const dlr = readField(record, 'dlr');
	return isPlainObject(dlr) && ['status', 'operator_reply', 'delivery_time'].some((name) => readField(dlr, name) !== undefined);
}

export function fromNestedDlr(record: Record<string, unknown>, options: NormaliseOptions): DeliveryReport | null {
	if (!isNestedDlr(record)) return null;
	const dlr = readField(record, 'dlr') as Record<string, unknown>;
	const text = valueText(readField(dlr, 'status'));
	const reply = valueText(readField(dlr, 'operator_reply'));
	// A row may name its message (the JSON API's sms_id): keep it, as pushes keep their part ids.
	const messageId = valueText(readField(record, 'sms_id')) ?? valueText(readField(record, 'message_id'));
	return makeReport({
		shootId: valueText(readField(record, 'sms_shoot_id')) ?? valueText(readField(record, 'shoot_id')),
		mobile: valueText(readField(record, 'mobile')),
		status: (text && mapStatus(text)) || (reply && mapStatus(reply)) || 'unknown',
		providerStatus: reply ?? text,
		reason: text,
		deliveredAt: parseReportTime(readField(dlr, 'delivery_time'), options),
		sentAt: parseReportTime(readField(record, 'sent'), options),
		errorCode: receiptErrorCode(reply),
		senderId: valueText(readField(record, 'sender_id')),
		messageIds: messageId === null ? [] : [messageId],
		raw: record,
	});
}
