import type { DeliveryStatus } from './types';

/**
 * Status words seen in SMPP receipts and panel reports. Keys are compared after
 * lower-casing and removing spaces, `_` and `-` ("Handset Delivered" → "handsetdelivered").
 */
export const STATUS_WORDS: Readonly<Record<string, DeliveryStatus>> = {
	// SMPP receipt `stat` values
	delivrd: 'delivered',
	undeliv: 'failed',
	expired: 'expired',
	rejectd: 'rejected',
	acceptd: 'pending',
	enroute: 'pending',
	deleted: 'failed',
	unknown: 'unknown',
	// Kannel's word for a submit the SMSC refused; the panel stores it as the operator's reply.
	nack: 'rejected',
	// Panel words
	handsetdelivered: 'delivered',
	delivered: 'delivered',
	success: 'delivered',
	absentsubscriber: 'failed',
	failed: 'failed',
	undelivered: 'failed',
	invalidnumber: 'failed',
	blocked: 'failed',
	dnd: 'rejected',
	ndnc: 'rejected',
	rejected: 'rejected',
	// The panel's own words: getDLR `DLR` column and the native push's per-part `dlr`.
	invalid: 'rejected',
	operatorsubmitted: 'pending',
	submitted: 'pending',
	sent: 'pending',
	pending: 'pending',
	queued: 'pending',
	accepted: 'pending',
	buffered: 'pending',
	// The panel's descriptions of its DLR codes (getSmppcubeDlrcodeDescription), e.g. a getDLR
	// `DESC` or the nested shape's `dlr.status`; "Sucscriber" is the panel's own spelling.
	invalidsubscriber: 'failed',
	unavailablesucscriber: 'failed',
	unavailablesubscriber: 'failed',
	'blacklist/optedout': 'rejected',
	blacklisted: 'rejected',
	optedout: 'rejected',
	smscreject: 'rejected',
	smscsubmit: 'pending',
	dlrpending: 'pending',
};

/**
 * Numeric DLR codes many panels pass through from Kannel-style gateways
 * (the dlr-mask bits): 1 delivered to handset, 2 not delivered, 4 queued at the SMSC,
 * 8 accepted by the SMSC, 16 rejected by the SMSC.
 */
export const STATUS_CODES: Readonly<Record<string, DeliveryStatus>> = {
	'1': 'delivered',
	'2': 'failed',
	'4': 'pending',
	'8': 'pending',
	'16': 'rejected',
};
