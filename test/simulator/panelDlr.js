'use strict';
// Delivery reports as the panel stores and shows them: outcome codes, the getDLR words and the push bodies
// (miscHelper.js apiCalls/bulkApiCall, ClientController.php getDlrDescription/getSmppcubeDlrcodeDescription).
const { formatDateTime, formatDateString } = require('./panelClock');

/**
 * What each simulated outcome leaves in the panel's tables: the Kannel DLR code (`dlr`), the SMPP stat word
 * from the receipt (`operator_reply`) and the vendor code getDLR describes. 'invalid' is decided by the panel
 * at submission (no SMSC receipt: no stat word, no delivery time); 'none' never gets a final report.
 */
const OUTCOMES = {
	delivered: { dlr: 1, stat: 'DELIVRD', vendor: '000' },
	failed: { dlr: 2, stat: 'UNDELIV', vendor: '-3' },
	expired: { dlr: 2, stat: 'EXPIRED', vendor: '-3' },
	rejected: { dlr: 16, stat: 'REJECTD', vendor: '-4' },
	invalid: { dlr: -1, stat: '', vendor: '-1', atSubmission: true },
	// A code getDlrDescription has no case for (its switch has no default): getDLR shows "DLR": null.
	unknownCode: { dlr: 32, stat: 'UNKNOWN', vendor: '' },
	none: null,
};
const OUTCOME_NAMES = Object.keys(OUTCOMES);
const PENDING = { dlr: 0, vendor: '' };
const OPERATOR_SUBMITTED = { dlr: 8, vendor: '-6' };

const DLR_WORDS = { '-1': 'Invalid', 0: 'Pending', 1: 'Delivered', 2: 'Failed', 4: 'Queued', 8: 'Operator Submitted', 16: 'Rejected' };
const VENDOR_DESCRIPTIONS = {
	'000': 'Handset Delivered',
	'-1': 'Invalid Subscriber',
	'-2': 'Blacklist/Opted-out',
	'-3': 'Unavailable Sucscriber',
	'-4': 'SMSC REJECT',
	'-5': 'BUFFERED',
	'-6': 'SMSC SUBMIT',
	'': 'DLR Pending',
};
const PUSH_WORDS = { '-1': 'INVALID', 1: 'DELIVERED', 2: 'FAILED', 16: 'REJECTED' };

const lookup = (table, key) => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null);

/** Route ids are INT columns: a numeric id comes out of mariadb as a number. */
const routeIdValue = (routeId) => (/^\d+$/.test(routeId) ? Number(routeId) : routeId);

/** A timestamp as `${date}` prints it (or as SQL text); `ms` null = the zero date mariadb reads as null. */
function panelTime(ms, dlr) {
	if (ms === null) return dlr.timeFormat === 'sql' ? '0000-00-00 00:00:00' : dlr.missingTimeText;
	return dlr.timeFormat === 'sql' ? formatDateTime(ms, dlr.utcOffsetMinutes) : formatDateString(ms, dlr.utcOffsetMinutes);
}

/** The `native` object apiCalls posts for one recipient, including its extra-part quirk. */
function nativeBody({ submission, report, finalAt }, attempt, dlr) {
	const codes = OUTCOMES[report.outcome];
	const mobile = Number(report.mobile);
	const part = (messageId) => ({
		message_id: messageId,
		mobile,
		dlr: lookup(PUSH_WORDS, codes.dlr) ?? '',
		operator_reply: `${codes.stat}`,
		sms_delivery_time: panelTime(codes.atSubmission ? null : finalAt, dlr),
	});
	const parts = [part(report.smsId)];
	// The panel's loop runs sms_count times from _2, so a 2-part SMS lists _2 and _3.
	if (report.segments > 1) for (let i = 0; i < report.segments; i++) parts.push(part(`${report.smsId}_${i + 2}`));
	return {
		sms_shoot_id: submission.shootId,
		mobile,
		sms_sent_time: panelTime(submission.createdAt, dlr),
		sender_id: submission.senderId,
		credits_charged: report.segments,
		dlr: parts,
		post_attempt: attempt,
		route_data: { id: routeIdValue(submission.routeId), title: submission.routeTitle },
	};
}

function ntapiBody({ report }) {
	const codes = OUTCOMES[report.outcome];
	return { CMD: 'DLVRREP', NTYPE: 'REP', FROM: Number(report.mobile), SMID: report.smsId, STATUS: 'OK', DETAIL: codes.stat };
}

/** Kannel DLR code and vendor code getDLR reads for a recipient at `now`. */
function currentCodes(submission, report, finalAt, now) {
	if (finalAt !== null) return OUTCOMES[report.outcome];
	if (submission.held) return PENDING;
	return now - submission.createdAt < submission.delayMs / 2 ? PENDING : OPERATOR_SUBMITTED;
}

/** One getDLR row as miscApi builds it: MSISDN, getDlrDescription(dlr), description of the vendor code. */
function getDlrRow(submission, report, finalAt, now, dlr) {
	const codes = currentCodes(submission, report, finalAt, now);
	return {
		MSISDN: dlr.getDlrMsisdn === 'number' ? Number(report.mobile) : report.mobile,
		DLR: lookup(DLR_WORDS, codes.dlr),
		DESC: lookup(VENDOR_DESCRIPTIONS, codes.vendor),
	};
}

module.exports = { OUTCOMES, OUTCOME_NAMES, nativeBody, ntapiBody, getDlrRow, panelTime };
