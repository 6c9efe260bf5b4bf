/**
 * The panel's `ntapi` push mode: `{CMD: "DLVRREP", NTYPE: "REP", FROM, SMID, STATUS, DETAIL}`.
 * FROM is the recipient, SMID the message id, DETAIL the operator's word (STATUS is always "OK":
 * it says the push is well-formed, not that the message arrived). It names no shoot id.
 */
import { readField, valueText } from './fields';
import { makeReport, receiptErrorCode } from './report';
import { mapStatus } from './status';
import type { DeliveryReport } from './types';

export function fromNtapiPush(record: Record<string, unknown>): DeliveryReport | null {
	if (valueText(readField(record, 'cmd'))?.toUpperCase() !== 'DLVRREP') return null;
	const detail = valueText(readField(record, 'detail'));
	const messageId = valueText(readField(record, 'smid'));
	return makeReport({
		mobile: valueText(readField(record, 'from')),
		status: (detail && mapStatus(detail)) || 'unknown',
		providerStatus: detail,
		reason: detail,
		errorCode: receiptErrorCode(detail),
		messageIds: messageId === null ? [] : [messageId],
		raw: record,
	});
}
