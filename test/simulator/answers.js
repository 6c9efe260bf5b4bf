'use strict';
// Answer builders: every endpoint returns `{ status, contentType, body, headers? }`.

const jsonAnswer = (config, value, status = 200) => ({
	status,
	contentType: config.jsonContentType,
	body: JSON.stringify(value),
});

const textAnswer = (config, text, status = 200) => ({ status, contentType: config.textContentType, body: text });

/** `{"result":"error","message":...}` (or `status` instead of `result` when the field is configured). */
const errorJson = (config, message, statusField = 'result') =>
	jsonAnswer(config, { [statusField]: 'error', message });

/** Reads a scalar request parameter as a string ('' when absent or not a scalar). */
function scalar(params, name) {
	const value = params[name];
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

/** Whose account a key opens: 'user' (the API key), 'admin' (the panel's admin, user 1) or null. */
function keyOwner(sim, key) {
	if (key === sim.apiKey) return 'user';
	if (key === sim.adminKey) return 'admin';
	return null;
}

module.exports = { jsonAnswer, textAnswer, errorJson, scalar, keyOwner };
