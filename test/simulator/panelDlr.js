'use strict';
// Delivery reports as the panel stores and shows them: outcome codes, the getDLR words and the push bodies
// (miscHelper.js apiCalls/bulkApiCall, ClientController.php getDlrDescription/getSmppcubeDlrcodeDescription).
const { formatDateTime, formatDateString } = require('./panelClock');
const { nativePush, ntapiPush, nestedReport } = require('./panelPush');

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
	// A code getDlrDescription has no case for (its switch has no default): getDLR shows "DLR": null, and DESC
	// describes the vendor code. Blacklisted numbers are filtered at submission: no receipt, no delivery time.
	unknownCode: { dlr: 32, stat: 'UNKNOWN', vendor: '' },
	blacklisted: { dlr: null, stat: '', vendor: '-2', atSubmission: true },
	unknownCodeInvalid: { dlr: 32, stat: 'UNDELIV', vendor: '-1' },
	unknownCodeRejected: { dlr: 32, stat: 'REJECTD', vendor: '-4' },
	unknownCodeBuffered: { dlr: 32, stat: 'ENROUTE', vendor: '-5' },
	unknownCodeSubmitted: { dlr: 32, stat: 'ACCEPTD', vendor: '-6' },
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

/** The `native` object apiCalls posts for one recipient (panelPush.js builds it, extra-part quirk included). */
function nativeBody({ submission, report, finalAt }, attempt, dlr) {
	const codes = OUTCOMES[report.outcome];
	return nativePush({
		shootId: submission.shootId,
		mobile: Number(report.mobile),
		sentTime: panelTime(submission.createdAt, dlr),
		senderId: submission.senderUsed,
		segments: report.segments,
		attempt,
		route: { id: routeIdValue(submission.routeId), title: submission.routeTitle },
		messageId: report.smsId,
		dlr: lookup(PUSH_WORDS, codes.dlr) ?? '',
		reply: `${codes.stat}`,
		deliveryTime: panelTime(codes.atSubmission ? null : finalAt, dlr),
	});
}

function ntapiBody({ report }) {
	return ntapiPush({ mobile: Number(report.mobile), messageId: report.smsId, reply: OUTCOMES[report.outcome].stat });
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

/**
 * One message in the nested shape of api/v2/dlr (httpApi.php), at `now`: status is the vendor code's
 * description, operator_reply the stat word ('' before the receipt), times 'YYYY-MM-DD HH:mm:ss' on the
 * panel's clock; delivery_time is null while there is none (mariadb reads a zero TIMESTAMP as null).
 */
function nestedRecord(submission, report, finalAt, now, dlr) {
	const codes = currentCodes(submission, report, finalAt, now);
	const final = finalAt !== null;
	return nestedReport({
		shootId: submission.shootId,
		mobile: Number(report.mobile),
		senderId: submission.senderUsed,
		sent: formatDateTime(submission.createdAt, dlr.utcOffsetMinutes),
		status: lookup(VENDOR_DESCRIPTIONS, codes.vendor),
		reply: final ? codes.stat : '',
		deliveryTime: final && !codes.atSubmission ? formatDateTime(finalAt, dlr.utcOffsetMinutes) : null,
	});
}

/** The nested record a push carries for a final report. */
const nestedBody = ({ submission, report, finalAt }, dlr) => nestedRecord(submission, report, finalAt, finalAt, dlr);

module.exports = { OUTCOMES, OUTCOME_NAMES, nativeBody, ntapiBody, nestedBody, getDlrRow, nestedRecord, panelTime };
