/**
 * A row of the panel's `getDLR` answer: `{MSISDN, DLR, DESC}`. DLR is the panel's word for the
 * state (Delivered, Failed, Queued, Operator Submitted, Rejected, Pending, Invalid, or null for a
 * code it has no word for); DESC explains it ("Handset Delivered", "SMSC REJECT", ...).
 * The row names no shoot id: the caller knows which one it asked for.
 */
import { readField, valueText } from './fields';
import { makeReport } from './report';
import { mapStatus } from './status';
import type { DeliveryReport } from './types';

export function isPanelDlrRow(record: Record<string, unknown>): boolean {
	return ['msisdn', 'dlr', 'desc'].every((name) => readField(record, name) !== undefined);
}

export function fromPanelDlrRow(record: Record<string, unknown>): DeliveryReport | null {
	if (!isPanelDlrRow(record)) return null;
	const word = valueText(readField(record, 'dlr'));
	const description = valueText(readField(record, 'desc'));
	return makeReport({
		mobile: valueText(readField(record, 'msisdn')),
		// DLR is null for a code the panel has no word for; its description still says (Blacklist/Opted-out…).
		status: (word && mapStatus(word)) || (description && mapStatus(description)) || 'unknown',
		providerStatus: word ?? description,
		reason: description,
		raw: record,
	});
}
