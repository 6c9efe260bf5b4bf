'use strict';
// The panel's delivery-report push bodies, built the way its node/miscHelper.js builds them (apiCalls,
// bulkApiCall): the one builder for these shapes. The simulator posts what it builds (panelDlr.js);
// tests that need a push of their own (unit, integration, fuzz, e2e, queue mode) build it here too.
//
// Every field has a panel-like default and can be overridden; a field overridden with `undefined` is
// left out (a push that lacks it).

const DEFAULTS = Object.freeze({
	shootId: 'smshnd_k2j4h5g6',
	mobile: 919812345678,
	sentTime: 'Mon Nov 30 2026 10:20:31 GMT+0530 (India Standard Time)',
	senderId: 'SMSHND',
	segments: 1,
	attempt: 1,
	route: Object.freeze({ id: 1, title: 'Transactional' }),
	messageId: '1ef4d949-7639-6880-bf73-ae79481385ed',
	dlr: 'DELIVERED',
	reply: 'DELIVRD',
	deliveryTime: 'Mon Nov 30 2026 10:20:36 GMT+0530 (India Standard Time)',
});

/** `overrides[name]` when given (even as undefined), else `fallback`. */
const pick = (overrides, name, fallback) => (Object.prototype.hasOwnProperty.call(overrides, name) ? overrides[name] : fallback);

/** An object of these [key, value] pairs in this order, without the undefined ones. */
function ordered(entries) {
	const out = {};
	for (const [key, value] of entries) if (value !== undefined) out[key] = value;
	return out;
}

/**
 * The message ids the panel lists for an SMS of `segments` parts: `<id>`, and for a multi-part SMS
 * `segments` more, `<id>_2 … <id>_<segments+1>` (its loop runs sms_count times from _2).
 */
function partIds(messageId, segments) {
	const ids = [messageId];
	if (segments > 1) for (let i = 0; i < segments; i++) ids.push(`${messageId}_${i + 2}`);
	return ids;
}

/**
 * One recipient of the native push: {sms_shoot_id, mobile, sms_sent_time, sender_id, credits_charged,
 * dlr: [parts], post_attempt, route_data: {id, title}}, parts {message_id, mobile, dlr, operator_reply,
 * sms_delivery_time}.
 *   shootId, mobile, sentTime, senderId, attempt, route: the recipient's fields;
 *   segments: the SMS's part count (default 1): credits_charged and the listed parts (see partIds);
 *   credits: credits_charged when it should not be `segments`;
 *   messageId, dlr, reply, deliveryTime: what every part says (each part's mobile is the recipient's);
 *   parts: exactly these parts instead, the i-th built over the i-th listed part (its id included).
 */
function nativePush(overrides = {}) {
	const field = (name) => pick(overrides, name, DEFAULTS[name]);
	const mobile = field('mobile');
	const segments = field('segments');
	const ids = partIds(field('messageId'), segments);
	const partDefaults = (i) => ({
		messageId: i < ids.length ? ids[i] : `${ids[0]}_${i + 1}`,
		mobile,
		dlr: field('dlr'),
		reply: field('reply'),
		deliveryTime: field('deliveryTime'),
	});
	const partOverrides = overrides.parts ?? ids.map(() => ({}));
	const parts = partOverrides.map((part, i) => {
		const defaults = partDefaults(i);
		const value = (name) => pick(part, name, defaults[name]);
		return ordered([
			['message_id', value('messageId')],
			['mobile', value('mobile')],
			['dlr', value('dlr')],
			['operator_reply', value('reply')],
			['sms_delivery_time', value('deliveryTime')],
		]);
	});
	const route = field('route');
	return ordered([
		['sms_shoot_id', field('shootId')],
		['mobile', mobile],
		['sms_sent_time', field('sentTime')],
		['sender_id', field('senderId')],
		['credits_charged', pick(overrides, 'credits', segments)],
		['dlr', parts],
		['post_attempt', field('attempt')],
		['route_data', route === undefined ? undefined : { id: route.id, title: route.title }],
	]);
}

/** The batch mode's body: a JSON array of native objects, one per entry of `list` (nativePush overrides). */
function batchPush(list) {
	return list.map((overrides) => nativePush(overrides));
}

/**
 * The ntapi push: {CMD: 'DLVRREP', NTYPE: 'REP', FROM: <mobile>, SMID: <message id>, STATUS: 'OK',
 * DETAIL: <operator reply>}. Overrides: mobile, messageId, reply, cmd (the panel writes 'DLVRREP').
 */
function ntapiPush(overrides = {}) {
	const field = (name, fallback) => pick(overrides, name, fallback);
	return ordered([
		['CMD', field('cmd', 'DLVRREP')],
		['NTYPE', 'REP'],
		['FROM', field('mobile', DEFAULTS.mobile)],
		['SMID', field('messageId', DEFAULTS.messageId)],
		['STATUS', 'OK'],
		['DETAIL', field('reply', DEFAULTS.reply)],
	]);
}

const NESTED_DEFAULTS = Object.freeze({
	sent: '2026-11-30 10:20:31',
	status: 'Handset Delivered',
	deliveryTime: '2026-11-30 10:20:36',
});

/**
 * One message in the nested shape of the panel's newer API (httpApi.php, api/v2/dlr): {sms_shoot_id, mobile,
 * sender_id, sent, dlr: {status, operator_reply, delivery_time}}. Overrides: shootId, mobile, senderId,
 * sent, status (getSmppcubeDlrcodeDescription's text), reply (operator_reply), deliveryTime; times are
 * 'YYYY-MM-DD HH:mm:ss' on the panel's clock. `dlr: undefined` leaves the whole dlr object out.
 */
function nestedReport(overrides = {}) {
	const field = (name) => pick(overrides, name, Object.prototype.hasOwnProperty.call(NESTED_DEFAULTS, name) ? NESTED_DEFAULTS[name] : DEFAULTS[name]);
	const dlr = ordered([
		['status', field('status')],
		['operator_reply', field('reply')],
		['delivery_time', field('deliveryTime')],
	]);
	return ordered([
		['sms_shoot_id', field('shootId')],
		['mobile', field('mobile')],
		['sender_id', field('senderId')],
		['sent', field('sent')],
		['dlr', pick(overrides, 'dlr', dlr)],
	]);
}

module.exports = { nativePush, batchPush, ntapiPush, nestedReport };
