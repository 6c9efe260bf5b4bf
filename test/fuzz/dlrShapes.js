'use strict';
/**
 * fast-check generators of delivery-report records in the shapes SMS Handover's panel really
 * sends (test/unit/dlrPanelShapes.test.ts): the native push object, getDLR rows, the ntapi push,
 * and records that name their fields by the aliases other panels use. Each generated record
 * carries what the trigger must make of it: `expected` = { shootId, mobile } (texts or null), or
 * null when the record names neither and must give no item.
 *
 * Mutations that keep a record's meaning are applied here (keys in other case and separators,
 * unknown keys, prototype-pollution keys, unusual unicode in free-text fields); anything that
 * may change the meaning belongs to the chaos generators in dlrRequests.js.
 */
const fc = require('fast-check');

// The panel's push bodies come from the one builder the simulator uses.
const panelPush = require('../simulator');

// Keys the trigger ignores: no alias, no wrapper, no panel marker starts with "zz".
const unknownKey = fc.stringMatching(/^zz[a-z0-9_]{0,8}$/);
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Free text with the unicode that breaks naive code: astral planes, combining marks, RTL, zero-width, NUL. */
const oddText = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 24 }),
	fc.string({ unit: 'grapheme', maxLength: 12 }),
	fc.constantFrom('', ' ', 'null', 'undefined', '\u0000', '\u200b\u200f', 'e\u0301\u0301', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '👩‍👩‍👧‍👦', 'مرحبا', '\ud800', '\udfff'),
);

/** Any JSON value, nested a little: what a key nobody reads may hold. */
const anyJson = fc.jsonValue({ maxDepth: 3 });

/** Text of an id as the trigger reads it: trimmed, '' is none. */
function idText(value) {
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}

/** The native push writes absent columns as the texts "null" and "undefined". */
function pushIdText(value) {
	const text = idText(value);
	return text === 'null' || text === 'undefined' ? null : text;
}

const outcome = (shootId, mobile) => (shootId === null && mobile === null ? null : { shootId, mobile });

// Ids: mostly plain, sometimes padded with spaces, empty, or unusual unicode (kept, trimmed).
const shootIdValue = fc.oneof(
	{ weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/) },
	{ weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,16}$/).map((id) => `  ${id}\t`) },
	{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
	{ weight: 1, arbitrary: fc.constantFrom('', '   ', null) },
);
// Numbers with country code: JSON numbers (exact below 2^53) or texts.
const mobileNumber = fc.integer({ min: 10_000_000, max: 999_999_999_999_999 });
const mobileValue = fc.oneof(
	{ weight: 3, arbitrary: mobileNumber },
	{ weight: 3, arbitrary: mobileNumber.map(String) },
	{ weight: 1, arbitrary: mobileNumber.map((n) => `+${n}`) },
	{ weight: 1, arbitrary: fc.constantFrom('', null) },
);
const statusWord = fc.oneof(
	fc.constantFrom('DELIVERED', 'FAILED', 'REJECTED', 'INVALID', '', 'DELIVRD', 'UNDELIV', 'EXPIRED', 'REJECTD', 'Pending', 'Absent Subscriber'),
	fc.stringMatching(/^[A-Za-z ]{0,12}$/),
);
const timeText = fc.oneof(
	fc.constantFrom('Mon Nov 30 2026 10:20:36 GMT+0530 (India Standard Time)', '2026-11-30 10:20:36', 'Invalid Date', 'null', '0000-00-00 00:00:00'),
	fc.integer({ min: 0, max: 4_102_444_800 }),
	oddText,
);

/** The same key in another case and with other separators (the trigger ignores both). */
function respell(key, style) {
	if (key.startsWith('zz') || POLLUTION_KEYS.includes(key)) return key;
	switch (style) {
		case 1:
			return key.toUpperCase();
		case 2:
			return key.replace(/_/g, '-');
		case 3:
			return key.replace(/_(.)/g, (_m, c) => c.toUpperCase());
		case 4:
			return key.replace(/_/g, ' ').toUpperCase();
		default:
			return key;
	}
}

/**
 * Meaning-keeping mutations of one record object: keys respelled, unknown and pollution keys
 * added (as own properties, as JSON.parse makes them), key order shuffled.
 */
function mutated(recordArbitrary) {
	const extra = fc.array(fc.tuple(fc.oneof(unknownKey, fc.constantFrom(...POLLUTION_KEYS)), anyJson), { maxLength: 3 });
	return fc
		.tuple(recordArbitrary, fc.integer({ min: 0, max: 4 }), extra, fc.boolean())
		.map(([{ record, expected }, style, extras, reverse]) => {
			let entries = Object.entries(record).map(([key, value]) => [respell(key, style), value]);
			for (const [key, value] of extras) if (!entries.some(([k]) => k === key)) entries.push([key, value]);
			if (reverse) entries = entries.reverse();
			const out = {};
			for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
			return { record: out, expected };
		});
}

/** One recipient of the panel's native push, built by the simulator's builder (test/simulator/panelPush.js). */
const nativePush = mutated(
	fc
		.record({
			shootId: shootIdValue,
			mobile: mobileValue,
			mobileAt: fc.constantFrom('record', 'record', 'parts', 'none'),
			parts: fc.array(fc.record({ id: fc.stringMatching(/^[a-f0-9-]{4,36}$/), word: statusWord, reply: statusWord, at: timeText }), { maxLength: 3 }),
			sentAt: timeText,
			sender: oddText,
			credits: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant('null')),
			attempt: fc.integer({ min: 1, max: 4 }),
			route: fc.record({ id: fc.integer({ min: 1, max: 9 }), title: oddText }),
		})
		.map((p) => {
			// The number at the recipient level and in every part, only in the first part, or nowhere.
			const mobileIn = (i) => p.mobileAt === 'record' || (p.mobileAt === 'parts' && i === 0);
			const record = panelPush.nativePush({
				shootId: p.shootId,
				mobile: p.mobileAt === 'record' ? p.mobile : undefined,
				sentTime: p.sentAt,
				senderId: p.sender,
				credits: p.credits,
				attempt: p.attempt,
				route: p.route,
				parts: p.parts.map((part, i) => ({
					messageId: part.id,
					mobile: mobileIn(i) ? p.mobile : undefined,
					dlr: part.word,
					reply: part.reply,
					deliveryTime: part.at,
				})),
			});
			// Without a number at the recipient level the first part's is used.
			const mobile = p.mobileAt === 'record' || (p.mobileAt === 'parts' && p.parts.length > 0) ? pushIdText(p.mobile) : null;
			return { record, expected: outcome(pushIdText(p.shootId), mobile) };
		}),
);

/** A row of getDLR: {MSISDN, DLR, DESC}; it names no shoot id. */
const dlrRow = mutated(
	fc.record({ msisdn: mobileValue, dlr: fc.option(statusWord), desc: fc.option(oddText) }).map(({ msisdn, dlr, desc }) => ({
		record: { MSISDN: msisdn, DLR: dlr, DESC: desc },
		expected: outcome(null, idText(msisdn)),
	})),
);

/** The ntapi push ({CMD: 'DLVRREP', NTYPE, FROM, SMID, STATUS, DETAIL}; FROM is the number), built by the simulator's builder. */
const ntapiPush = mutated(
	fc
		.record({ from: mobileValue, smid: fc.stringMatching(/^[a-z0-9]{1,12}$/), detail: statusWord, cmd: fc.constantFrom('DLVRREP', 'dlvrrep') })
		.map(({ from, smid, detail, cmd }) => ({
			record: panelPush.ntapiPush({ cmd, mobile: from, messageId: smid, reply: detail }),
			expected: outcome(null, idText(from)),
		})),
);

const SHOOT_ID_ALIASES = ['sms_shoot_id', 'shootid', 'shoot_id', 'id', 'msgid', 'message_id', 'txid'];
const MOBILE_ALIASES = ['mobile', 'number', 'msisdn', 'to', 'contact'];
const STATUS_ALIASES = ['status', 'dlr_status', 'deliverystatus', 'operator_reply', 'stat'];

/** A report named by the aliases of other panels: one shoot-id alias, one number alias, a status. */
const aliasRecord = mutated(
	fc
		.record({
			shootKey: fc.option(fc.constantFrom(...SHOOT_ID_ALIASES)),
			shootId: shootIdValue,
			mobileKey: fc.option(fc.constantFrom(...MOBILE_ALIASES)),
			mobile: mobileValue,
			statusKey: fc.constantFrom(...STATUS_ALIASES),
			status: statusWord,
			errorCode: fc.option(fc.stringMatching(/^[0-9]{3}$/)),
		})
		.map((r) => {
			const record = { [r.statusKey]: r.status };
			if (r.shootKey) record[r.shootKey] = r.shootId;
			if (r.mobileKey) record[r.mobileKey] = r.mobile;
			if (r.errorCode) record.error_code = r.errorCode;
			return { record, expected: outcome(r.shootKey ? idText(r.shootId) : null, r.mobileKey ? idText(r.mobile) : null) };
		}),
);

/** A record of any real shape. */
const panelRecord = fc.oneof(nativePush, dlrRow, ntapiPush, aliasRecord);

module.exports = { nativePush, dlrRow, ntapiPush, aliasRecord, panelRecord, anyJson, oddText, unknownKey, POLLUTION_KEYS, idText };
