'use strict';
// The items and node parameters every section uses, so in-process and real-n8n runs send the same.

const WARMUP_SENDER = 'WARMUP';
const FIRST_MOBILE = 919800000000;
const FIELD_REFERENCE = { mobile: '={{ $json.mobile }}', message: '={{ $json.msg }}' };
const SLOW_MESSAGE = '={{ $json.t.toUpperCase() }}';

/** `count` recipients; `t` is `msg` in lower case, for the slow-path expression. */
function benchItems(count) {
	const items = new Array(count);
	for (let i = 0; i < count; i++) {
		const msg = `Hello customer ${i}, your order has shipped.`;
		items[i] = { mobile: String(FIRST_MOBILE + i), msg, t: msg.toLowerCase() };
	}
	return items;
}

/** The same items built by a Code node inside n8n. */
function benchItemsCode(count) {
	return [
		`const items = new Array(${count});`,
		`for (let i = 0; i < ${count}; i++) {`,
		'\tconst msg = `Hello customer ${i}, your order has shipped.`;',
		`\titems[i] = { json: { mobile: String(${FIRST_MOBILE} + i), msg, t: msg.toLowerCase() } };`,
		'}',
		'return items;',
	].join('\n');
}

function sendBulkParameters({ senderId = 'BENCH', message = FIELD_REFERENCE.message } = {}) {
	return { resource: 'sms', operation: 'sendBulk', senderId, mobile: FIELD_REFERENCE.mobile, message, options: {} };
}

function sendParameters({ senderId = 'BENCH', concurrency } = {}) {
	return {
		resource: 'sms',
		operation: 'send',
		senderId,
		contacts: FIELD_REFERENCE.mobile,
		message: FIELD_REFERENCE.message,
		options: concurrency ? { concurrency } : {},
	};
}

/** A DLR push body as the provider sends one report (JSON style). */
function dlrReport(i = 0) {
	return {
		sms_shoot_id: `benchShoot${String(i).padStart(6, '0')}`,
		mobile: String(FIRST_MOBILE + i),
		status: 'DELIVRD',
		delivered_at: '2026-11-28 10:15:00',
		error_code: '000',
	};
}

module.exports = { WARMUP_SENDER, FIELD_REFERENCE, SLOW_MESSAGE, benchItems, benchItemsCode, sendBulkParameters, sendParameters, dlrReport };
