'use strict';
// /send-otp/index and /verify-otp/index: codes live in sim.otps until matched, expired or worn out.
const { jsonAnswer, errorJson, scalar } = require('./answers');
const { newOtpReference, newOtpCode } = require('./httpUtil');

const MOBILE = /^\d{8,15}$/;

function handleOtpSend(sim, params) {
	const field = sim.config.otpStatusField;
	const fail = (message) => errorJson(sim.config, message, field);
	if (scalar(params, 'key') !== sim.apiKey) return fail('INVALID API KEY');
	const channelId = scalar(params, 'channel_id');
	if (channelId === '') return fail('MISSING CHANNEL ID');
	const mobile = scalar(params, 'mobile');
	if (mobile === '') return fail('MISSING MOBILE');
	if (!MOBILE.test(mobile)) return fail('INVALID MOBILE');

	const reference = newOtpReference();
	sim.otps.set(reference, { reference, otp: newOtpCode(), mobile, channelId, createdAt: Date.now(), wrongAttempts: 0, used: false });
	return jsonAnswer(sim.config, { [field]: 'success', reference });
}

function handleOtpVerify(sim, params) {
	const field = sim.config.otpStatusField;
	const fail = (message) => errorJson(sim.config, message, field);
	if (scalar(params, 'key') !== sim.apiKey) return fail('INVALID API KEY');
	const reference = scalar(params, 'reference');
	if (reference === '') return fail('MISSING REFERENCE');
	const otp = scalar(params, 'otp');
	if (otp === '') return fail('MISSING OTP');
	const entry = sim.otps.get(reference);
	if (!entry) return fail('INVALID REFERENCE');

	const { ttlMs, maxAttempts } = sim.config.otp;
	const answer = (match) => jsonAnswer(sim.config, { [field]: 'success', match });
	if (entry.used || entry.wrongAttempts >= maxAttempts || Date.now() - entry.createdAt > ttlMs) {
		return answer('expired');
	}
	if (otp === entry.otp) {
		entry.used = true;
		return answer('true');
	}
	entry.wrongAttempts += 1;
	return answer('false');
}

module.exports = { handleOtpSend, handleOtpVerify };
