/**
 * Field names panels of this family use for each part of a delivery report.
 * Matching ignores case and the separators `_`, `-`, `.` and spaces, so `shoot_id`,
 * `ShootId` and `SHOOT-ID` are one name. Earlier names win when a record has several.
 */
export const FIELD_ALIASES = {
	shootId: ['sms_shoot_id', 'shootid', 'shoot_id', 'id', 'msgid', 'message_id', 'txid'],
	mobile: ['mobile', 'number', 'msisdn', 'to', 'contact'],
	// `stat` is the field of a raw SMPP receipt ("id:.. stat:DELIVRD err:000").
	status: ['status', 'dlr_status', 'deliverystatus', 'operator_reply', 'dlr', 'description', 'stat'],
	deliveredAt: ['delivered_at', 'deliv_time', 'deliverydt', 'done_date', 'submit_time', 'submit_date'],
	errorCode: ['err', 'error_code', 'errorcode'],
	// Explanations; a second status-like field (`description` beside `status`) also counts.
	reason: ['reason', 'desc', 'error_description', 'err_desc', 'detail', 'details'],
	sentAt: ['sms_sent_time', 'sent_at', 'sent_time', 'sending_time'],
	senderId: ['sender_id', 'senderid', 'sender', 'from'],
} as const;

export type ReportField = keyof typeof FIELD_ALIASES;

/** Keys under which a panel may wrap a list of reports: `{ "data": [ {...}, {...} ] }`. */
export const WRAPPER_KEYS = ['data', 'reports', 'dlr', 'results', 'messages'] as const;

/** Time fields that carry SMPP `YYMMDDhhmm[ss]` stamps rather than epoch seconds. */
export const SMPP_TIME_FIELDS = ['done_date', 'submit_date'] as const;

/** Lower-case and drop separators, the form every alias comparison uses. */
export function canonicalKey(key: string): string {
	return key.toLowerCase().replace(/[\s_.-]+/g, '');
}
