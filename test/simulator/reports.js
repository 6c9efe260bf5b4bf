'use strict';
// Per-recipient delivery state of a submission, built on first use so a 50,000-entry bulk nobody asks about costs nothing.
const crypto = require('node:crypto');
const { countSegments } = require('./segments');
const { OUTCOMES } = require('./panelDlr');

/**
 * The reports of a submission: one per recipient, `{ mobile, smsId, segments, outcome, finalAt, pushed }`.
 * finalAt is set when a report is made final explicitly (push timer, batch flush, deliver()); until then the
 * submission's autoFinalAt (autoPush) decides, see finalTime().
 */
function reportsOf(submission) {
	if (submission.reportState) return submission.reportState;
	const { outcome, outcomeByNumber } = submission.outcomes;
	const messages = submission.messages;
	submission.reportState = submission.recipients.map((mobile, index) => ({
		mobile,
		// The SMSC's message id (Kannel %F) the panel stores as sms_id.
		smsId: crypto.randomUUID(),
		segments: countSegments(messages[index], submission.type).segments,
		outcome: Object.prototype.hasOwnProperty.call(outcomeByNumber, mobile) ? outcomeByNumber[mobile] : outcome,
		finalAt: null,
		pushed: false,
	}));
	return submission.reportState;
}

/** When the report became final, or null while it is not (held, outcome none, or not yet due). */
function finalTime(submission, report, now) {
	if (submission.held || report.outcome === 'none') return null;
	if (report.finalAt !== null) return report.finalAt;
	// The panel decides an invalid or blacklisted number at submission.
	if (OUTCOMES[report.outcome].atSubmission) return submission.createdAt;
	if (submission.autoFinalAt !== null && now >= submission.autoFinalAt) return submission.autoFinalAt;
	return null;
}

module.exports = { reportsOf, finalTime };
