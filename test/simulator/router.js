'use strict';
// Maps a request path to the API endpoint it addresses, as the real panel's URLs are laid out.

function decode(segment) {
	try {
		return decodeURIComponent(segment);
	} catch {
		return '';
	}
}

/** @returns {{ endpoint: 'send'|'balance'|'dlr'|'otpSend'|'otpVerify'|'unknown', key?: string, shootId?: string }} */
function classify(pathname) {
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
