'use strict';
// /send-otp/index and /verify-otp/index. otp.style 'panel' answers as ClientController.php sendOtpApi/verifyOtpApi;
// 'legacy' keeps the simulator's earlier rules (see README).
const { jsonAnswer, errorJson, scalar, keyOwner } = require('./answers');
const { newOtpReference, newOtpCode } = require('./httpUtil');

const LEGACY_MOBILE = /^\d{8,15}$/;
// PHP's is_numeric: optional sign, decimal or exponent notation, leading (and, since PHP 8, trailing) whitespace.
const PHP_NUMERIC = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

/** getApiResponse() has no case for invalidmobile, invalidotpchannel or invalidreference: it prints `[]`. */
const emptyArray = (sim) => jsonAnswer(sim.config, []);

function handleOtpSend(sim, params) {
	const field = sim.config.otpStatusField;
	const fail = (message) => errorJson(sim.config, message, field);
	const legacy = sim.config.otp.style === 'legacy';
	const owner = keyOwner(sim, scalar(params, 'key'));
	if (owner === null) return fail('INVALID API KEY');
	const channelId = scalar(params, 'channel_id');
	if (channelId === '') return fail('MISSING CHANNEL ID');
	const mobile = scalar(params, 'mobile');
	if (mobile === '') return fail('MISSING MOBILE');
	if (legacy) {
		if (!LEGACY_MOBILE.test(mobile)) return fail('INVALID MOBILE');
	} else {
		if (!PHP_NUMERIC.test(mobile) || Buffer.byteLength(mobile) < 9) return emptyArray(sim);
		if (!sim.config.otp.channels.includes(channelId)) return emptyArray(sim);
	}

	const reference = newOtpReference();
	sim.otps.set(reference, { reference, otp: newOtpCode(), mobile, channelId, owner, createdAt: Date.now(), wrongAttempts: 0, used: false });
	return jsonAnswer(sim.config, { [field]: 'success', reference });
}

function legacyVerify(sim, entry, otp, answer) {
	const { ttlMs, maxAttempts } = sim.config.otp;
	if (entry.used || entry.wrongAttempts >= maxAttempts || Date.now() - entry.createdAt > ttlMs) return answer('expired');
	if (otp === entry.otp) {
		entry.used = true;
		return answer('true');
	}
	entry.wrongAttempts += 1;
	return answer('false');
}

/** The panel's order: lock-out first, then age, then the code; every final answer deletes the OTP. */
function panelVerify(sim, entry, otp, answer, fail) {
	const { ttlMs, maxAttempts } = sim.config.otp;
	if (entry.wrongAttempts >= maxAttempts) {
		sim.otps.delete(entry.reference);
		return fail('TOO MANY ATTEMPTS. OTP EXPIRED.');
	}
	if (Date.now() - entry.createdAt > ttlMs) {
		sim.otps.delete(entry.reference);
		return answer('expired');
	}
	if (otp === entry.otp) {
		sim.otps.delete(entry.reference);
		return answer('true');
	}
	// An empty code is compared like any other (md5('') never matches) and counts as a wrong attempt.
	entry.wrongAttempts += 1;
	return answer('false');
}

function handleOtpVerify(sim, params) {
	const field = sim.config.otpStatusField;
	const fail = (message) => errorJson(sim.config, message, field);
	const legacy = sim.config.otp.style === 'legacy';
	const owner = keyOwner(sim, scalar(params, 'key'));
	if (owner === null) return fail('INVALID API KEY');
	const reference = scalar(params, 'reference');
	if (reference === '') return fail('MISSING REFERENCE');
	const otp = scalar(params, 'otp');
	if (legacy && otp === '') return fail('MISSING OTP');
	const entry = sim.otps.get(reference);
	// The panel looks the reference up among the key owner's own requests.
	if (!entry || entry.owner !== owner) return legacy ? fail('INVALID REFERENCE') : emptyArray(sim);

	const answer = (match) => jsonAnswer(sim.config, { [field]: 'success', match });
	return legacy ? legacyVerify(sim, entry, otp, answer) : panelVerify(sim, entry, otp, answer, fail);
}

module.exports = { handleOtpSend, handleOtpVerify };
