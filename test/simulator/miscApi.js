'use strict';
// GET /miscapi/<key>/getBalance/true/ and GET /miscapi/<key>/getDLR/<shoot_id>.
const { jsonAnswer, textAnswer } = require('./answers');
const { formatDateTime } = require('./httpUtil');

function handleBalance(sim, { key }) {
	if (key !== sim.apiKey) return textAnswer(sim.config, 'ERR: INVALID API KEY');
	const routes = [...sim.routes.values()].map((route) => ({
		ROUTE_ID: route.id,
		ROUTE: route.name,
		BALANCE: route.balance.toFixed(2),
	}));
	return jsonAnswer(sim.config, routes);
}

/** One delivery report per recipient of a submission, as getDLR and the DLR pushes send it. */
function reportsFor(sim, submission) {
	const { status, errorCode, utcOffsetMinutes } = sim.config.dlr;
	const deliveredAt = formatDateTime(submission.deliveredAtMs, utcOffsetMinutes);
	return submission.recipients.map((mobile) => ({
		sms_shoot_id: submission.shootId,
		mobile,
		status,
		delivered_at: deliveredAt,
		error_code: errorCode,
	}));
}

function handleGetDlr(sim, { key, shootId }) {
	if (key !== sim.apiKey) return textAnswer(sim.config, 'ERR: INVALID API KEY');
	const submission = sim.submissions.get(shootId);
	if (!submission) return textAnswer(sim.config, 'ERR: INVALID SHOOT ID');
	return jsonAnswer(sim.config, reportsFor(sim, submission));
}

module.exports = { handleBalance, handleGetDlr, reportsFor };
