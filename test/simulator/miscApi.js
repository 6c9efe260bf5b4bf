'use strict';
// GET /miscapi/<key>/getBalance/true/ and GET /miscapi/<key>/getDLR/<shoot_id> (ClientController.php miscApi).
const { jsonAnswer, textAnswer, keyOwner } = require('./answers');
const { reportsOf, finalTime } = require('./reports');
const { getDlrRow, nestedRecord } = require('./panelDlr');
const { legacyReport } = require('./delivery');

function handleBalance(sim, { key }) {
	const owner = keyOwner(sim, key);
	if (owner === null) return textAnswer(sim.config, 'ERR: INVALID API KEY');
	if (owner === 'admin') return textAnswer(sim.config, 'INFO: ADMIN HAS UNLIMITED BALANCE AND VALIDITY');
	// A wallet-billed account has no rows in sc_users_credit_data: json_encode(array()) is [].
	if (sim.config.billing === 'wallet') return jsonAnswer(sim.config, []);
	const routes = [...sim.routes.values()].map((route) => ({
		ROUTE_ID: route.id,
		ROUTE: route.name,
		BALANCE: route.balance.toFixed(2),
	}));
	return jsonAnswer(sim.config, routes);
}

/** getDLR rows of a submission at `now`, in the configured dlr.getDlrStyle. */
function getDlrRows(sim, submission, now = Date.now()) {
	const dlr = sim.config.dlr;
	return reportsOf(submission).map((report) => {
		const finalAt = finalTime(submission, report, now);
		if (dlr.getDlrStyle === 'legacy') return legacyReport(sim, submission, report, finalAt);
		if (dlr.getDlrStyle === 'nested') return nestedRecord(submission, report, finalAt, now, dlr);
		return getDlrRow(submission, report, finalAt, now, dlr);
	});
}

function handleGetDlr(sim, { key, shootId }) {
	const owner = keyOwner(sim, key);
	if (owner === null) return textAnswer(sim.config, 'ERR: INVALID API KEY');
	const submission = sim.submissions.get(shootId);
	// The panel looks a shoot id up among the key owner's own messages only.
	if (!submission || submission.owner !== owner) return textAnswer(sim.config, 'ERR: INVALID SHOOT ID');
	const rows = getDlrRows(sim, submission);
	// The newer API's answer (httpApi.php, api/v2/dlr) wraps its records.
	return jsonAnswer(sim.config, sim.config.dlr.getDlrStyle === 'nested' ? { status: 'success', data: rows } : rows);
}

module.exports = { handleBalance, handleGetDlr, getDlrRows };
