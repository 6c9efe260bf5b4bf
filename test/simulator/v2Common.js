'use strict';
// What every JSON API (v2) endpoint shares: the Bearer key, the JSON body and the error shape of the panel's pages.
const { jsonAnswer, keyOwner } = require('./answers');

/** The pages' error shape: {"success": false, "status": <HTTP status>, "message": "…"}, sent with that status. */
const v2Error = (sim, status, message) => jsonAnswer(sim.config, { success: false, status, message }, status);

class V2Error extends Error {
	constructor(status, message) {
		super(message);
		this.status = status;
	}
}

/** The key of `Authorization: Bearer <key>` (scheme in any case), or '' when there is none. */
function bearerKey(headers) {
	const match = /^Bearer[ \t]+(.*)$/i.exec(String(headers.authorization || '').trim());
	return match ? match[1].trim() : '';
}

/** Whose account the Bearer key opens ('user' | 'admin'); throws the 403 answers. A key in the query or body is not read. */
function authorise(sim, record) {
	const key = bearerKey(record.headers);
	if (key === '') throw new V2Error(403, 'API Key Missing');
	const owner = keyOwner(sim, key);
	if (owner === null) throw new V2Error(403, 'Invalid API Key');
	return owner;
}

/** The JSON object of the body ({} when there is none or it is not sent as JSON); broken JSON → 400. */
function jsonBody(record) {
	const type = String(record.headers['content-type'] || '').toLowerCase();
	const text = record.rawBody;
	if (!type.includes('json') || text.trim() === '') return {};
	let value;
	try {
		value = JSON.parse(text);
	} catch {
		throw new V2Error(400, 'Invalid JSON Body');
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw new V2Error(400, 'Invalid JSON Body');
	return value;
}

/** Runs `handle(owner, body)` for the documented method, turning a V2Error into the error shape. */
function v2Endpoint(method, handle) {
	return (sim, _route, _params, record) => {
		try {
			if (record.method !== method) throw new V2Error(405, 'Method Not Allowed');
			const owner = authorise(sim, record);
			return handle(sim, owner, jsonBody(record), record);
		} catch (error) {
			if (error instanceof V2Error) return v2Error(sim, error.status, error.message);
			throw error;
		}
	};
}

/** Query parameters and JSON body together, the body winning (a GET body, as the pages show, or a query as n8n sends). */
const queryAndBody = (record, body) => ({ ...record.query, ...body });

module.exports = { V2Error, v2Error, v2Endpoint, queryAndBody, bearerKey };
