'use strict';
// Maps a request path to the API endpoint it addresses, as the real panel's URLs are laid out.

function decode(segment) {
	try {
		return decodeURIComponent(segment);
	} catch {
		return '';
	}
}

/** The JSON API (v2) paths of the panel's pages (httpApi.php, otpApi.php) and their recorded endpoint names. */
const V2_PATHS = {
	'/api/v2/sms': 'v2Send',
	'/api/v2/credits': 'v2Credits',
	'/api/v2/dlr': 'v2Dlr',
	'/api/v2/otp': 'v2OtpSend',
	'/api/v2/otp/verify': 'v2OtpVerify',
};

/** @returns {{ endpoint: string, api?: 'v2', key?: string, shootId?: string }} endpoint: send, balance, dlr, otpSend, otpVerify, a V2_PATHS name or unknown */
function classify(pathname) {
	const v2Path = pathname.replace(/(.)\/$/, '$1');
	if (Object.prototype.hasOwnProperty.call(V2_PATHS, v2Path)) return { endpoint: V2_PATHS[v2Path], api: 'v2' };
	if (/^\/smsapi\/index\/?$/.test(pathname)) return { endpoint: 'send' };
	if (/^\/send-otp\/index\/?$/.test(pathname)) return { endpoint: 'otpSend' };
	if (/^\/verify-otp\/index\/?$/.test(pathname)) return { endpoint: 'otpVerify' };
	let match = /^\/miscapi\/([^/]+)\/getBalance\/true\/?$/.exec(pathname);
	if (match) return { endpoint: 'balance', key: decode(match[1]) };
	match = /^\/miscapi\/([^/]+)\/getDLR\/([^/]+)\/?$/.exec(pathname);
	if (match) return { endpoint: 'dlr', key: decode(match[1]), shootId: decode(match[2]) };
	return { endpoint: 'unknown' };
}

module.exports = { classify };
