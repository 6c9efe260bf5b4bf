'use strict';
// Default options and the checks applied to startSimulator() options and configure().
const { STYLES } = require('./dlrPush');
const { OUTCOME_NAMES } = require('./panelDlr');

/** Top-level settings startSimulator() options may hold (besides the groups dlr, otp and inbound). */
const TOP_LEVEL_SETTINGS = [
	'sendResponseStyle',
	'otpStatusField',
	'latencyMs',
	'jsonContentType',
	'textContentType',
	'heldWords',
	'bulkParameterName',
	'decodeMessagesTwice',
	'billing',
	'smsPrice',
	'defaultDlrUrl',
	'templates',
	'contactGroups',
	'currency',
];
const DEFAULT_WALLET_AMOUNT = 100;

const DEFAULT_ROUTES = [
	{ id: '1', name: 'Transactional', balance: 100000 },
	{ id: '2', name: 'Promotional', balance: 5000 },
];

function defaultConfig() {
	return {
		// style 'panel' answers as the panel's sendOtpApi/verifyOtpApi; maxAttempts = wrong codes allowed
		// before the next verify answers TOO MANY ATTEMPTS (panel) or 'expired' (legacy).
		otp: { style: 'panel', ttlMs: 600000, maxAttempts: 5, channels: ['1', '2', '3', '4', '5'] },
		dlr: {
			style: 'native',
			delayMs: 20,
			autoPush: true,
			outcome: 'delivered',
			outcomeByNumber: {},
			// Times are written on the panel's clock (IST, +05:30, no DST) as `${date}` prints a JS Date.
			timeFormat: 'dateString',
			utcOffsetMinutes: 330,
			// What `${null}` prints: mariadb 2.5.6 reads a zero TIMESTAMP (no delivery time) as null.
			missingTimeText: 'null',
			maxAttempts: 4,
			retryDelayMs: 500,
			batchSize: 1000,
			getDlrStyle: 'panel',
			getDlrMsisdn: 'string',
			// The guessed shapes (query, form, json, jsonArray) and getDLR 'legacy' rows.
			status: 'DELIVRD',
			errorCode: '000',
			timeoutMs: 5000,
			concurrency: 8,
		},
		// Inbound SMS forwarding (getReplies): the account's primary keywords, and curl's connect timeout.
		inbound: { keywords: ['STOP', 'YES', 'INFO'], connectTimeoutMs: 10000 },
		sendResponseStyle: 'json',
		otpStatusField: 'result',
		latencyMs: 0,
		// PHP panels usually answer text as text/html; JSON content type is configurable for the same reason.
		jsonContentType: 'application/json; charset=utf-8',
		textContentType: 'text/html; charset=UTF-8',
		heldWords: ['HOLDME'],
		// As the API document spells it; the panel's Node API reads 'bulk_campaign'.
		bulkParameterName: 'bulk_campaigm',
		// smsViaApi urldecodes msg once more after PHP decoded the request; the simulator did not, so off by default.
		decodeMessagesTwice: false,
		// 'wallet': the account pays from a currency wallet, getBalance lists no route credits.
		billing: 'credits',
		// Wallet price of one SMS part.
		smsPrice: 0.05,
		// The account's Default DLR URL (settings page): replaces every send's dlr_url when set.
		defaultDlrUrl: '',
		// JSON API (v2): the account's SMS templates (templateId; #name# filled from a contact's parameters),
		// its contact groups (contactGroup) and the currency its credits answer names (the panel's currency_name).
		templates: [{ id: 1, name: 'OTP', text: 'Hello #name#, your OTP is #otp#' }],
		contactGroups: [{ id: 1, name: 'Test group', mobiles: ['919800000001', '919800000002'] }],
		currency: 'EUR',
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

function positiveInteger(name, value) {
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got ${JSON.stringify(value)})`);
}

function stringList(name, value) {
	if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
		throw new Error(`${name} must be an array of strings (got ${JSON.stringify(value)})`);
	}
}

/** A list of objects with distinct positive integer ids, each checked by `checkItem(name, item)`. */
function idList(name, value, checkItem) {
	if (!Array.isArray(value)) throw new Error(`${name} must be an array`);
	const ids = new Set();
	value.forEach((item, index) => {
		if (!isPlainObject(item)) throw new Error(`${name}[${index}] must be an object`);
		positiveInteger(`${name}[${index}].id`, item.id);
		if (ids.has(item.id)) throw new Error(`${name} has id ${item.id} twice`);
		ids.add(item.id);
		if (item.name !== undefined && typeof item.name !== 'string') throw new Error(`${name}[${index}].name must be a string`);
		checkItem(`${name}[${index}]`, item);
	});
	return structuredClone(value);
}

function isPlainObject(value) {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Merges a dlr/otp group, refusing keys the group does not have. */
function mergeGroup(config, name, value) {
	if (!isPlainObject(value)) throw new Error(`${name} must be an object`);
	for (const key of Object.keys(value)) {
		if (!Object.prototype.hasOwnProperty.call(config[name], key)) throw new Error(`unknown simulator setting '${name}.${key}'`);
	}
	Object.assign(config[name], structuredClone(value));
}

function checkDlr(dlr) {
	oneOf('dlr.style', dlr.style, STYLES);
	nonNegative('dlr.delayMs', dlr.delayMs);
	if (typeof dlr.autoPush !== 'boolean') throw new Error('dlr.autoPush must be true or false');
	oneOf('dlr.outcome', dlr.outcome, OUTCOME_NAMES);
	if (!isPlainObject(dlr.outcomeByNumber)) throw new Error('dlr.outcomeByNumber must be an object of mobile → outcome');
	for (const [mobile, outcome] of Object.entries(dlr.outcomeByNumber)) oneOf(`dlr.outcomeByNumber[${mobile}]`, outcome, OUTCOME_NAMES);
	oneOf('dlr.timeFormat', dlr.timeFormat, ['dateString', 'sql']);
	if (!Number.isInteger(dlr.utcOffsetMinutes) || Math.abs(dlr.utcOffsetMinutes) > 14 * 60) {
		throw new Error(`dlr.utcOffsetMinutes must be a whole number of minutes within ±840 (got ${JSON.stringify(dlr.utcOffsetMinutes)})`);
	}
	if (typeof dlr.missingTimeText !== 'string') throw new Error('dlr.missingTimeText must be a string');
	positiveInteger('dlr.maxAttempts', dlr.maxAttempts);
	nonNegative('dlr.retryDelayMs', dlr.retryDelayMs);
	positiveInteger('dlr.batchSize', dlr.batchSize);
	oneOf('dlr.getDlrStyle', dlr.getDlrStyle, ['panel', 'legacy', 'nested']);
	oneOf('dlr.getDlrMsisdn', dlr.getDlrMsisdn, ['string', 'number']);
	nonNegative('dlr.timeoutMs', dlr.timeoutMs);
	positiveInteger('dlr.concurrency', dlr.concurrency);
}

function checkOtp(otp) {
	oneOf('otp.style', otp.style, ['panel', 'legacy']);
	nonNegative('otp.ttlMs', otp.ttlMs);
	if (!Number.isInteger(otp.maxAttempts) || otp.maxAttempts < 0) {
		throw new Error(`otp.maxAttempts must be a non-negative integer (got ${JSON.stringify(otp.maxAttempts)})`);
	}
	stringList('otp.channels', otp.channels);
}

function checkInbound(inbound) {
	stringList('inbound.keywords', inbound.keywords);
	nonNegative('inbound.connectTimeoutMs', inbound.connectTimeoutMs);
}

/** Merges `changes` into `config` in place after checking them; unknown keys are refused. */
function applyConfig(config, changes) {
	for (const [name, value] of Object.entries(changes || {})) {
		switch (name) {
			case 'dlr':
			case 'otp':
			case 'inbound':
				mergeGroup(config, name, value);
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
			case 'heldWords':
				stringList(name, value);
				config[name] = value.slice();
				break;
			case 'bulkParameterName':
				oneOf(name, value, ['bulk_campaigm', 'bulk_campaign']);
				config[name] = value;
				break;
			case 'decodeMessagesTwice':
				if (typeof value !== 'boolean') throw new Error('decodeMessagesTwice must be true or false');
				config[name] = value;
				break;
			case 'billing':
				oneOf(name, value, ['credits', 'wallet']);
				config[name] = value;
				break;
			case 'smsPrice':
				nonNegative(name, value);
				config[name] = value;
				break;
			case 'defaultDlrUrl':
				if (typeof value !== 'string') throw new Error(`${name} must be a string ('' = none)`);
				config[name] = value;
				break;
			case 'templates':
				config[name] = idList(name, value, (itemName, item) => {
					if (typeof item.text !== 'string' || item.text === '') throw new Error(`${itemName}.text must be a non-empty string`);
				});
				break;
			case 'contactGroups':
				config[name] = idList(name, value, (itemName, item) => stringList(`${itemName}.mobiles`, item.mobiles));
				break;
			case 'currency':
				if (typeof value !== 'string' || value === '') throw new Error(`${name} must be a non-empty string`);
				config[name] = value;
				break;
			default:
				throw new Error(`unknown simulator setting '${name}'`);
		}
	}
	checkDlr(config.dlr);
	checkOtp(config.otp);
	checkInbound(config.inbound);
	return config;
}

/** The settings in startSimulator() options, checked; other options (port, keys, routes…) are not settings. */
function configFromOptions(options) {
	const changes = { otp: options.otp || {}, dlr: options.dlr || {}, inbound: options.inbound || {} };
	for (const name of TOP_LEVEL_SETTINGS) if (options[name] !== undefined) changes[name] = options[name];
	return applyConfig(defaultConfig(), changes);
}

function walletAmountFrom({ walletAmount = DEFAULT_WALLET_AMOUNT }) {
	nonNegative('walletAmount', walletAmount);
	return walletAmount;
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

module.exports = { defaultConfig, applyConfig, configFromOptions, normaliseRoutes, walletAmountFrom };
