'use strict';
/**
 * fast-check generators of whole HTTP requests to the SMS Handover Trigger, each with what must
 * come of it (`expect`):
 * - `reports`: exactly these items, in order ({ shootId, mobile } each), one execution;
 * - `empty`: the panel's `{}`: 200 and no execution;
 * - `refused`: invalid input: a 4xx and no execution;
 * - `unauthenticated`: a missing or wrong token: 401 and no execution;
 * - `any`: chaos (mutations that may change the meaning, random bytes, odd content types and
 *   methods): only the safety properties hold (no exception, no 5xx, no item without an id).
 * Shared by the in-process fuzz tests (test/fuzz/*.test.ts) and the e2e check in real n8n.
 */
const fc = require('fast-check');
const { nativePush, dlrRow, ntapiPush, aliasRecord, panelRecord, anyJson, oddText, unknownKey, POLLUTION_KEYS } = require('./dlrShapes');

const MB = 1024 * 1024;
const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'text/plain; charset=utf-8', 'application/octet-stream', null];
const ODD_TYPES = [
	'application/xml',
	'text/xml',
	'text/html',
	'multipart/form-data; boundary=zz',
	'application/vnd.api+json',
	'APPLICATION/JSON',
	'application/json; charset=latin1',
	'application/json; charset=utf-16le',
	'application/x-www-form-urlencoded; charset=utf-8',
	'*/*',
	'image/png',
	'garbage;;;==',
	'',
];
const POLLUTERS = [
	'{"__proto__":{"polluted":"yes","sms_shoot_id":"EVIL"}}',
	'{"constructor":{"prototype":{"polluted":"yes"}}}',
	'[{"__proto__":{"polluted":"yes"},"mobile":"919800000001"}]',
];
const POLLUTER_PAIRS = [['__proto__[polluted]', 'yes'], ['constructor[prototype][polluted]', 'yes'], ['__proto__.polluted', 'yes'], ['__proto__', 'x']];

const json = (value) => Buffer.from(JSON.stringify(value), 'utf8');
const reportsOf = (entries) => {
	const reports = entries.map((entry) => entry.expected).filter((expected) => expected !== null);
	return reports.length ? { kind: 'reports', reports } : { kind: 'refused' };
};
// n8n's payload limit (N8N_PAYLOAD_SIZE_MAX, 16 MB): a larger body is refused (413) before webhook() runs.
const PAYLOAD_LIMIT = 16 * 1024 * 1024;

const request = (label, method, body, contentType, expect, query = []) => ({
	label,
	method,
	query,
	headers: contentType === null ? {} : { 'content-type': contentType },
	body,
	expect,
});

/** Whatever a request says or carries, past the limit its body is refused first: big generated batches get there. */
const withinPayloadLimit = (req) => (req.body !== null && req.body.length > PAYLOAD_LIMIT ? { ...req, expect: { kind: 'refused' } } : req);

/** A query or form value as text: what a panel can put in a URL (well-formed unicode only). */
function pairsOf(record) {
	const pairs = [];
	for (const [key, value] of Object.entries(record)) {
		if (value === null || value === undefined) continue;
		const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
		pairs.push([key.toWellFormed(), text.toWellFormed()]);
	}
	return pairs;
}
const formBody = (pairs) => Buffer.from(pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'), 'utf8');
// Query and form carry text: a record survives only if its ids do (a number becomes its digits).
const flatRecord = fc.oneof(aliasRecord, dlrRow, ntapiPush).filter(({ record }) => pairsOf(record).every(([k, v]) => k === k.toWellFormed() && v === v.toWellFormed()));

/** Junk a batch array may hold besides its objects: the trigger skips it. */
const junk = fc.oneof(fc.integer(), fc.string({ maxLength: 6 }), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.boolean());

/** Valid requests: the panel's real shapes, with meaning-keeping mutations. */
function validRequest({ light }) {
	const jsonType = fc.constantFrom(...JSON_TYPES);
	// Big bodies are rare: most requests are the panel's everyday size.
	const count = light ? fc.integer({ min: 100, max: 200 }) : fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 100, max: 2_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 2_000, max: 20_000 }) });
	const w = (weight, arbitrary) => ({ weight, arbitrary });
	return fc.oneof(
		w(8, fc.tuple(fc.oneof(nativePush, ntapiPush, dlrRow, aliasRecord), jsonType).map(([entry, type]) => request('single object', 'POST', json(entry.record), type, reportsOf([entry])))),
		w(6, fc
			.tuple(fc.array(fc.oneof({ weight: 4, arbitrary: nativePush.map((e) => ({ e })) }, { weight: 1, arbitrary: junk.map((j) => ({ j })) }), { minLength: 1, maxLength: 12 }), jsonType)
			.map(([elements, type]) => {
				const entries = elements.filter((x) => 'e' in x).map((x) => x.e);
				return request('batch array', 'POST', json(elements.map((x) => ('e' in x ? x.e.record : x.j))), type, reportsOf(entries));
			})),
		w(4, fc.tuple(fc.array(dlrRow, { minLength: 1, maxLength: 10 }), jsonType).map(([rows, type]) => request('getDLR rows', 'POST', json(rows.map((r) => r.record)), type, reportsOf(rows)))),
		w(3, fc
			.tuple(fc.array(aliasRecord, { maxLength: 8 }), fc.constantFrom('data', 'reports', 'results', 'messages'), jsonType)
			.map(([entries, key, type]) => request(`wrapped in ${key}`, 'POST', json({ status: 'success', [key]: entries.map((e) => e.record) }), type, reportsOf(entries)))),
		w(4, flatRecord.map((entry) => request('query string', 'GET', null, null, reportsOf([entry]), pairsOf(entry.record)))),
		w(4, flatRecord.map((entry) => request('form', 'POST', formBody(pairsOf(entry.record)), 'application/x-www-form-urlencoded', reportsOf([entry])))),
		// A big batch: one native push repeated with distinct shoot ids.
		w(1, fc.tuple(nativePush, count).map(([entry, count]) => {
			const others = Object.entries(entry.record).filter(([key]) => key.toLowerCase().replace(/[\s_.-]+/g, '') !== 'smsshootid');
			const records = Array.from({ length: count }, (_, i) => Object.assign(Object.fromEntries(others), { sms_shoot_id: `BIG-${i}` }));
			const mobile = entry.expected ? entry.expected.mobile : null;
			return request(`batch of ${count}`, 'POST', json(records), 'application/json', { kind: 'reports', reports: records.map((_, i) => ({ shootId: `BIG-${i}`, mobile })) });
		})),
		// A big free-text field in a valid push.
		w(1, fc.tuple(nativePush, fc.integer({ min: 1, max: light ? 100_000 : 2 * MB })).map(([entry, size]) =>
			request(`native push with a ${size}-character field`, 'POST', json({ ...entry.record, zz_note: 'ü'.repeat(size) }), 'application/json', reportsOf([entry])),
		)),
	);
}

/** Invalid requests: nothing in them names a report, or they cannot be read. */
function refusedRequest({ light }) {
	const noIdObject = fc.dictionary(fc.oneof(unknownKey, fc.constantFrom(...POLLUTION_KEYS)), anyJson, { minKeys: 1, maxKeys: 5 });
	// Without "=" and ":" no text is a form or an SMPP receipt; without "{" it is not the panel's {}.
	const safeText = fc.string({ unit: 'grapheme', maxLength: 64 }).filter((text) => !/[=:{]/.test(text));
	const safeBytes = fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes.filter((b) => b !== 0x3a && b !== 0x3d && b !== 0x7b)));
	const maxDepth = light ? 2_000 : 100_000;
	const refused = { kind: 'refused' };
	const w = (weight, arbitrary) => ({ weight, arbitrary });
	return fc.oneof(
		// Valid JSON of a real shape with its last character cut off.
		w(30, fc.tuple(panelRecord, fc.constantFrom('application/json', 'text/plain', null)).map(([entry, type]) => {
			const text = JSON.stringify([entry.record]);
			return request('truncated JSON', 'POST', Buffer.from(text.slice(0, -1)), type, refused);
		})),
		w(20, fc.constantFrom('POST', 'GET').map((method) => request('empty', method, method === 'GET' ? null : Buffer.alloc(0), method === 'GET' ? null : 'application/json', refused))),
		w(30, fc.tuple(fc.oneof(noIdObject, fc.array(noIdObject, { maxLength: 4 })), fc.constantFrom(...JSON_TYPES)).map(([value, type]) => request('JSON without ids', 'POST', json(value), type, refused))),
		// Real reports hidden under a key that is no wrapper: not reports.
		w(20, fc.tuple(unknownKey, fc.array(panelRecord, { minLength: 1, maxLength: 3 })).map(([key, entries]) =>
			request('reports under an unknown key', 'POST', json({ [key]: entries.map((e) => e.record) }), 'application/json', refused),
		)),
		w(20, fc.tuple(fc.constantFrom('{"zz":', '[', '{"data":'), fc.integer({ min: 50, max: maxDepth })).map(([open, depth]) => {
			const close = open === '[' ? ']' : '}';
			const inner = open === '[' ? '' : '{}';
			return request(`nested ${depth} deep`, 'POST', Buffer.from(open.repeat(depth) + inner + close.repeat(depth)), 'application/json', refused);
		})),
		w(20, fc.tuple(safeText, fc.constantFrom('text/plain', null)).map(([text, type]) => request('text', 'POST', Buffer.from(text), type, refused))),
		w(20, fc.tuple(safeBytes, fc.constantFrom('application/octet-stream', 'image/png', null)).map(([bytes, type]) => request('binary', 'POST', bytes, type, refused))),
		w(20, fc.tuple(fc.array(fc.tuple(unknownKey, fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 4 }), fc.boolean()).map(([pairs, pollute]) =>
			request('form without ids', 'POST', formBody(pollute ? [...pairs, ...POLLUTER_PAIRS] : pairs), 'application/x-www-form-urlencoded', refused),
		)),
		w(10, fc.tuple(panelRecord, fc.constantFrom('PUT', 'PATCH', 'DELETE')).map(([entry, method]) => request(`${method} method`, method, json(entry.record), 'application/json', refused))),
		// More reports than one request may carry.
		w(3, fc.constant(request('50,001 reports', 'POST', Buffer.from(`[${'{},'.repeat(50_000)}{}]`), 'application/json', refused))),
		// Bounded work (helpers/dlr/bounds.ts): each of these took seconds to a minute to refuse, or
		// made items too deep for n8n, before the bounds.
		w(5, fc.tuple(fc.integer({ min: 101, max: 1_000 }), fc.integer({ min: 1, max: light ? 2_000 : 50_000 })).map(([fields, records]) =>
			request(`${fields} query fields × ${records} empty records`, 'POST', Buffer.from(`[${'{},'.repeat(records - 1)}{}]`), 'application/json', refused,
				Array.from({ length: fields }, (_, i) => [`q${i}`, '1'])),
		)),
		w(5, fc.tuple(panelRecord, fc.integer({ min: 33, max: light ? 2_000 : 20_000 })).map(([entry, depth]) =>
			request(`a valid report with a field nested ${depth} deep`, 'POST', Buffer.from(`${JSON.stringify(entry.record).slice(0, -1)},"zz_deep":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`), 'application/json', refused),
		)),
		w(5, fc.tuple(panelRecord, fc.integer({ min: 201, max: light ? 20_000 : 1_000_000 }), fc.constantFrom('application/json', 'text/plain')).map(([entry, keys, type]) => {
			const extra = Array.from({ length: keys }, (_, i) => `"zz${i}":1`).join(',');
			return request(`a valid report with ${keys} more keys`, 'POST', Buffer.from(`${JSON.stringify(entry.record).slice(0, -1)},${extra}}`), type, refused);
		})),
		w(3, fc.integer({ min: 201, max: light ? 20_000 : 1_500_000 }).map((keys) =>
			request(`a text form with ${keys} keys`, 'POST', Buffer.from(`sms_shoot_id=S1&${Array.from({ length: keys }, (_, i) => `k${i}=1`).join('&')}`), 'text/plain', refused),
		)),
		// Beyond n8n's 16 MB payload limit.
		...(light ? [] : [w(1, fc.integer({ min: 16 * MB + 1, max: 17 * MB }).map((size) => request(`${size}-byte body`, 'POST', Buffer.from(`{"zz":"${'a'.repeat(size)}"}`), 'application/json', refused)))]),
	);
}

/** Chaos: anything a broken panel, a scanner or an attacker may send. Only safety properties hold. */
function chaosRequest() {
	const any = { kind: 'any' };
	const type = fc.oneof(fc.constantFrom(...JSON_TYPES, ...ODD_TYPES), fc.stringMatching(/^[\x20-\x7e]{0,30}$/));
	// A real record with a mutation that may change its meaning: a key dropped or its value replaced.
	const broken = fc.tuple(panelRecord, fc.nat(), anyJson, fc.boolean()).map(([{ record }, pick, value, drop]) => {
		const keys = Object.keys(record);
		const copy = { ...record };
		if (keys.length > 0) {
			const key = keys[pick % keys.length];
			if (drop) delete copy[key];
			else copy[key] = value;
		}
		return copy;
	});
	const body = fc.oneof(
		broken.map(json),
		fc.array(broken, { maxLength: 4 }).map(json),
		anyJson.map(json),
		fc.constantFrom(...POLLUTERS).map((text) => Buffer.from(text)),
		fc.string({ unit: 'binary', maxLength: 200 }).map((text) => Buffer.from(text)),
		fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
		fc.array(fc.tuple(fc.oneof(fc.constantFrom('sms_shoot_id', 'mobile', 'status', 'id', 'to', ...POLLUTION_KEYS), fc.string({ maxLength: 8 })), oddText), { maxLength: 5 })
			.map((pairs) => formBody(pairs.map(([k, v]) => [k.toWellFormed(), v.toWellFormed()]))),
		fc.constantFrom('id:abc sub:001 dlvrd:001 submit date:2611301020 done date:2611301021 stat:DELIVRD err:000 text:hi', 'sms_shoot_id=a&mobile=', '{}', '[]', '[{}]', 'null', '"x"'),
	);
	const queryPair = fc.tuple(fc.oneof(fc.constantFrom('sms_shoot_id', 'mobile', 'MSISDN', 'status', 'data', ...POLLUTION_KEYS), fc.string({ maxLength: 8 })), oddText);
	return fc
		.tuple(fc.constantFrom('POST', 'POST', 'POST', 'GET', 'HEAD', 'OPTIONS'), body, type, fc.array(queryPair, { maxLength: 3 }), fc.boolean())
		.map(([method, bytes, contentType, pairs, pollute]) => {
			const query = pairs.map(([k, v]) => [k.toWellFormed(), v.toWellFormed()]).concat(pollute ? POLLUTER_PAIRS : []);
			const withBody = method !== 'GET' && method !== 'HEAD';
			return request('chaos', method, withBody ? bytes : null, withBody ? contentType : null, any, query);
		});
}

/**
 * A request as the trigger at `secret` will see it: with the token in the query, the header or
 * both, or (unauthenticated) with none, a wrong one, or the right one where it does not count.
 */
function withAuth(arbitrary, secret) {
	return fc.tuple(arbitrary, fc.constantFrom('query', 'header', 'both')).map(([req, place]) => ({
		...req,
		query: place === 'header' ? req.query : [...req.query, ['token', secret]],
		headers: place === 'query' ? req.headers : { ...req.headers, 'x-smshandover-token': secret },
	}));
}

function wrongAuth(arbitrary, secret) {
	const near = ['', secret.toUpperCase(), `${secret}x`, secret.slice(1), `${secret}%00`];
	// HTTP trims spaces around a header value: padded tokens only go in the query.
	const wrongInQuery = fc.oneof(
		fc.constantFrom(...near, ' ', `${secret} `, ` ${secret}`, `${secret}\u0000`),
		fc.string({ minLength: 1, maxLength: 40 }).filter((token) => token !== secret && token.toWellFormed() === token),
	);
	const wrongInHeader = fc.oneof(fc.constantFrom(...near), fc.stringMatching(/^[\x21-\x7e]{1,40}$/).filter((token) => token !== secret));
	const placement = fc.oneof(
		fc.constant({ query: [], headers: {} }),
		wrongInQuery.map((token) => ({ query: [['token', token]], headers: {} })),
		wrongInHeader.map((token) => ({ query: [], headers: { 'x-smshandover-token': token } })),
		// The first token of a repeated parameter counts, and the right one in a field that does not.
		wrongInQuery.map((token) => ({ query: [['token', token], ['token', secret]], headers: {} })),
		fc.constant({ query: [['Token', secret], ['secret', secret]], headers: { 'x-smshandover-secret': secret, authorization: `Bearer ${secret}` } }),
	);
	return fc.tuple(arbitrary, placement).map(([req, auth]) => ({
		...req,
		label: `${req.label}, unauthenticated`,
		query: [...req.query, ...auth.query],
		headers: { ...req.headers, ...auth.headers },
		expect: { kind: 'unauthenticated' },
	}));
}

/**
 * Every kind of request to a trigger whose secret is `secret`. `light` keeps bodies small
 * (at most a few hundred kB, 2,000 levels deep) for real n8n.
 */
function triggerRequest(secret, { light = false } = {}) {
	const valid = validRequest({ light });
	const empty = fc.constantFrom(...JSON_TYPES.filter((t) => t !== null)).map((type) => request('{}', 'POST', Buffer.from('{}'), type, { kind: 'empty' }));
	// Bodies n8n itself reads before the node runs, so the token is what decides.
	const readable = fc.oneof(
		{ weight: 6, arbitrary: valid },
		{ weight: 1, arbitrary: empty },
		{ weight: 3, arbitrary: refusedRequest({ light }).filter((r) => r.method === 'POST' && !/truncated|byte body|50,001/.test(r.label)) },
	);
	return fc
		.oneof(
			{ weight: 35, arbitrary: withAuth(valid, secret) },
			{ weight: 3, arbitrary: withAuth(empty, secret) },
			{ weight: 25, arbitrary: withAuth(refusedRequest({ light }), secret) },
			{ weight: 15, arbitrary: wrongAuth(readable, secret) },
			{ weight: 22, arbitrary: withAuth(chaosRequest(), secret) },
		)
		.map(withinPayloadLimit)
		// fast-check prints a failing request this way, not as megabytes of Buffer.
		.map((req) => Object.defineProperty(req, fc.toStringMethod, { value: () => describe(req) }));
}

/** The URL and fetch() options of a generated request. */
function toFetch(req, url) {
	const search = req.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
	return { url: search ? `${url}?${search}` : url, init: { method: req.method, headers: req.headers, body: req.body === null ? undefined : req.body } };
}

/** A short description of a request for a failure message (bodies cut). */
function describe(req) {
	const body = req.body === null ? '' : ` ${JSON.stringify(req.body.subarray(0, 300).toString('utf8'))}${req.body.length > 300 ? `… (${req.body.length} bytes)` : ''}`;
	return `${req.label}: ${req.method} ?${JSON.stringify(req.query).slice(0, 300)} ${JSON.stringify(req.headers)}${body}`;
}

module.exports = { triggerRequest, validRequest, refusedRequest, chaosRequest, withAuth, wrongAuth, toFetch, describe };
