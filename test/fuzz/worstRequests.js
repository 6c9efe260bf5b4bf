'use strict';
// The most expensive delivery-report requests we know of, each within n8n's 16 MB body limit, as
// parseDlrRequest receives them after n8n's body parser. Used by the bound tests (test/unit/dlrBounds.test.ts),
// the fuzz suite and bench/lib/requests.js (time per request).

const MB = 1024 * 1024;

/** `count` distinct keys `k0`, `k1`, … with short values. */
function manyKeys(count, value = '1') {
	const record = {};
	for (let i = 0; i < count; i++) record[`k${i}`] = value;
	return record;
}

/** A value nested `depth` levels deep: {a:{a:{…}}}. */
function nested(depth) {
	let value = 'x';
	for (let i = 0; i < depth; i++) value = { a: value };
	return value;
}

function formText(count) {
	const parts = new Array(count);
	for (let i = 0; i < count; i++) parts[i] = `k${i}=1`;
	return parts.join('&');
}

/** name → a DlrRequest (what the trigger hands parseDlrRequest). */
function worstRequests() {
	return {
		'1,000 query fields × 50,000 empty records': {
			method: 'POST',
			query: manyKeys(1000),
			body: Array.from({ length: 50_000 }, () => ({})),
			contentType: 'application/json',
		},
		'text/plain form with 1.6 M keys (≈ 15 MB)': {
			method: 'POST',
			body: formText(1_600_000),
			contentType: 'text/plain',
		},
		'one JSON record with 1.5 M keys': {
			method: 'POST',
			body: { sms_shoot_id: 'S1', mobile: '919876543210', status: 'DELIVRD', ...manyKeys(1_500_000) },
			contentType: 'application/json',
		},
		'a report with a field nested 5,000 levels deep': {
			method: 'POST',
			body: { sms_shoot_id: 'S1', mobile: '919876543210', status: 'DELIVRD', extra: nested(5_000) },
			contentType: 'application/json',
		},
		'50,000 reports with 10 fields each': {
			method: 'POST',
			body: Array.from({ length: 50_000 }, (_, i) => ({
				sms_shoot_id: `S${i}`,
				mobile: String(919800000000 + i),
				status: 'DELIVRD',
				...manyKeys(7),
			})),
			contentType: 'application/json',
		},
	};
}

module.exports = { worstRequests, manyKeys, nested, formText, MB };

/**
 * The same requests as they travel over HTTP to a trigger in real n8n, each under n8n's 16 MB body
 * limit (N8N_PAYLOAD_SIZE_MAX), with the answer the trigger must give.
 */
function worstHttpRequests() {
	const keysJson = (count) => Buffer.from(`{"sms_shoot_id":"S1","mobile":"919876543210","status":"DELIVRD",${Array.from({ length: count }, (_, i) => `"k${i}":1`).join(',')}}`);
	return [
		{
			label: '1,000 query fields × 50,000 empty records',
			query: Array.from({ length: 1000 }, (_, i) => [`k${i}`, '1']),
			body: Buffer.from(`[${'{},'.repeat(49_999)}{}]`),
			contentType: 'application/json',
			status: 400,
		},
		{ label: 'text/plain form with 1.5 M keys', query: [], body: Buffer.from(formText(1_500_000)), contentType: 'text/plain', status: 400 },
		{ label: 'one JSON record with 1.3 M keys', query: [], body: keysJson(1_300_000), contentType: 'application/json', status: 400 },
		{
			label: 'a report with a field nested 5,000 levels deep',
			query: [],
			body: Buffer.from(`{"sms_shoot_id":"S1","mobile":"919876543210","status":"DELIVRD","extra":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`),
			contentType: 'application/json',
			status: 400,
		},
	].map((request) => {
		if (request.body.length > 16 * MB) throw new Error(`${request.label}: ${request.body.length} bytes is over n8n's body limit`);
		return request;
	});
}

module.exports.worstHttpRequests = worstHttpRequests;
