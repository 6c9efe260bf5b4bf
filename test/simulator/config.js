'use strict';
// Default options and the checks applied to startSimulator() options and configure().
const { STYLES } = require('./dlrPush');

const DEFAULT_ROUTES = [
	{ id: '1', name: 'Transactional', balance: 100000 },
	{ id: '2', name: 'Promotional', balance: 5000 },
];

function defaultConfig() {
	return {
		otp: { ttlMs: 300000, maxAttempts: 3 },
		// utcOffsetMinutes: delivered_at is written on the panel's clock (IST, +05:30, no DST).
		dlr: { style: 'json', delayMs: 20, status: 'DELIVRD', errorCode: '000', utcOffsetMinutes: 330, timeoutMs: 5000, concurrency: 8 },
		sendResponseStyle: 'json',
		otpStatusField: 'result',
		latencyMs: 0,
		// PHP panels usually answer text as text/html; JSON content type is configurable for the same reason.
		jsonContentType: 'application/json; charset=utf-8',
		textContentType: 'text/html; charset=UTF-8',
	};
}

function oneOf(name, value, allowed) {
	if (!allowed.includes(value)) throw new Error(`${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

function nonNegative(name, value) {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
		throw new Error(`${name} must be a non-negative number (got ${JSON.stringify(value)})`);
	}
}

/** Merges `changes` into `config` in place after checking them; unknown keys are refused. */
function applyConfig(config, changes) {
	for (const [name, value] of Object.entries(changes || {})) {
		switch (name) {
			case 'dlr':
			case 'otp':
				Object.assign(config[name], value);
				break;
			case 'sendResponseStyle':
				oneOf(name, value, ['json', 'text']);
				config[name] = value;
				break;
			case 'otpStatusField':
				oneOf(name, value, ['result', 'status']);
				config[name] = value;
				break;
			case 'latencyMs':
				nonNegative(name, value);
				config[name] = value;
				break;
			case 'jsonContentType':
			case 'textContentType':
				config[name] = String(value);
				break;
			default:
				throw new Error(`unknown simulator setting '${name}'`);
		}
	}
	oneOf('dlr.style', config.dlr.style, STYLES);
	nonNegative('dlr.delayMs', config.dlr.delayMs);
	nonNegative('otp.ttlMs', config.otp.ttlMs);
	nonNegative('otp.maxAttempts', config.otp.maxAttempts);
	return config;
}

function normaliseRoutes(routes) {
	const list = routes && routes.length ? routes : DEFAULT_ROUTES;
	return new Map(
		list.map((route) => {
			const id = String(route.id);
			nonNegative(`balance of route ${id}`, route.balance);
			return [id, { id, name: String(route.name ?? `Route ${id}`), balance: route.balance }];
		}),
	);
}

module.exports = { defaultConfig, applyConfig, normaliseRoutes };
