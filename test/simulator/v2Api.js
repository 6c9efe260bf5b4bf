'use strict';
// The panel's JSON API (v2): api/v2/credits, api/v2/dlr, api/v2/otp and api/v2/otp/verify as its customer pages
// (httpApi.php, otpApi.php) document them, api/v2/sms in v2Send.js. Same state as the classic API (routes, wallet,
// submissions, OTPs); what the pages leave open is listed in README "JSON API (v2)".
const crypto = require('node:crypto');
const { jsonAnswer, scalar } = require('./answers');
const { V2Error, v2Endpoint, queryAndBody } = require('./v2Common');
const { send } = require('./v2Send');
const { reportsOf, finalTime } = require('./reports');
const { nestedRecord } = require('./panelDlr');
const { newOtpCode } = require('./httpUtil');

/** GET api/v2/credits: billing mode, wallet, and per route name its credits (credit accounts only). */
function credits(sim, owner) {
	const { billing, currency } = sim.config;
	if (owner === 'admin') {
		// The panel's admin has no credit rows (classic getBalance: UNLIMITED BALANCE): nothing to list.
		return jsonAnswer(sim.config, { status: 'success', billing_mode: 'credits', wallet: { amount: '0.00', currency }, credits: [] });
	}
	if (billing === 'wallet') {
		return jsonAnswer(sim.config, { status: 'success', billing_mode: 'currency', wallet: { amount: sim.walletAmount.toFixed(2), currency } });
	}
	const list = [...sim.routes.values()].map((route) => ({ route: route.name, credits: route.balance }));
	return jsonAnswer(sim.config, { status: 'success', billing_mode: 'credits', wallet: { amount: '0.00', currency }, credits: list });
}

/** The submission and report of an sms_id among the owner's messages (only reports already built can have been handed out). */
function findSmsId(sim, owner, smsId) {
	for (const submission of sim.submissions.values()) {
		if (submission.owner !== owner || !submission.reportState) continue;
		const report = submission.reportState.find((r) => r.smsId === smsId);
		if (report) return { submission, report };
	}
	return null;
}

/** GET api/v2/dlr with batch_id or sms_id (query or JSON body): the nested records of the batch, or of that one message. */
function dlr(sim, owner, body, record) {
	const params = queryAndBody(record, body);
	const smsId = scalar(params, 'sms_id');
	const batchId = scalar(params, 'batch_id');
	const now = Date.now();
	const nested = (submission, report) => nestedRecord(submission, report, finalTime(submission, report, now), now, sim.config.dlr);
	if (smsId !== '') {
		const found = findSmsId(sim, owner, smsId);
		if (!found) throw new V2Error(404, 'Invalid sms_id');
		return jsonAnswer(sim.config, { status: 'success', data: [nested(found.submission, found.report)] });
	}
	if (batchId === '') throw new V2Error(400, 'batch_id or sms_id Missing');
	const submission = sim.submissions.get(batchId);
	if (!submission || submission.owner !== owner) throw new V2Error(404, 'Invalid batch_id');
	return jsonAnswer(sim.config, { status: 'success', data: reportsOf(submission).map((report) => nested(submission, report)) });
}

// The same test as the panel's sendOtpApi (is_numeric, at least 9 characters).
const PHP_NUMERIC = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/;
const REFERENCE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Ten characters A–Z0–9, as the page's example reference 036BZDUHIX. */
const newV2Reference = () => Array.from({ length: 10 }, () => REFERENCE_CHARS[crypto.randomInt(REFERENCE_CHARS.length)]).join('');

/** POST api/v2/otp {mobile, channel}: an OTP in the same store as /send-otp/index. */
function otpSend(sim, owner, body) {
	const mobile = scalar(body, 'mobile').trim();
	const channel = scalar(body, 'channel').trim();
	if (mobile === '') throw new V2Error(400, 'Mobile Missing');
	if (channel === '') throw new V2Error(400, 'Channel Missing');
	if (!PHP_NUMERIC.test(mobile) || Buffer.byteLength(mobile) < 9) throw new V2Error(400, 'Invalid Mobile');
	if (!sim.config.otp.channels.includes(channel)) throw new V2Error(400, 'Invalid Channel');
	const reference = newV2Reference();
	sim.otps.set(reference, { reference, otp: newOtpCode(), mobile, channelId: channel, owner, createdAt: Date.now(), wrongAttempts: 0, used: false });
	return jsonAnswer(sim.config, { status: 'success', reference });
}

/**
 * GET api/v2/otp/verify?reference=…&otp=… (a JSON body is read too): the panel's verify rules (lock-out after
 * otp.maxAttempts wrong codes, then age, then the code; every final answer deletes the OTP).
 */
function otpVerify(sim, owner, body, record) {
	const params = queryAndBody(record, body);
	const reference = scalar(params, 'reference').trim();
	const otp = scalar(params, 'otp').trim();
	if (reference === '') throw new V2Error(400, 'Reference Missing');
	if (otp === '') throw new V2Error(400, 'OTP Missing');
	const entry = sim.otps.get(reference);
	if (!entry || entry.owner !== owner) throw new V2Error(404, 'Invalid Reference');
	const { ttlMs, maxAttempts } = sim.config.otp;
	if (entry.wrongAttempts >= maxAttempts) {
		sim.otps.delete(reference);
		throw new V2Error(400, 'Too Many Attempts. OTP Expired');
	}
	if (Date.now() - entry.createdAt > ttlMs) {
		sim.otps.delete(reference);
		throw new V2Error(400, 'OTP Expired');
	}
	if (otp === entry.otp) {
		sim.otps.delete(reference);
		return jsonAnswer(sim.config, { status: 'success', matched: 'yes' });
	}
	entry.wrongAttempts += 1;
	return jsonAnswer(sim.config, { status: 'success', matched: 'no' });
}

/** The recorded endpoint names (sim.requests[i].endpoint, failNext) and their handlers; each accepts one method. */
const V2_HANDLERS = {
	v2Send: v2Endpoint('POST', send),
	v2Credits: v2Endpoint('GET', credits),
	v2Dlr: v2Endpoint('GET', dlr),
	v2OtpSend: v2Endpoint('POST', otpSend),
	v2OtpVerify: v2Endpoint('GET', otpVerify),
};

module.exports = { V2_HANDLERS };
