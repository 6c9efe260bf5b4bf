'use strict';
// POST/GET /smsapi/index: validation, credits per route, submissions kept for getDLR and DLR pushes.
const { countSegments } = require('./segments');
const { jsonAnswer, textAnswer, errorJson, scalar, keyOwner } = require('./answers');
const { newShootId } = require('./httpUtil');
const { reportsOf } = require('./reports');
const { intval, urldecode, urldecodeBytes, cleanSenderId } = require('./php');

const MAX_MESSAGE_LENGTH = 720;
const MAX_RECIPIENTS_PER_REQUEST = 50000;
const SMS_TYPES = new Set(['text', 'unicode', 'flash']);
const PHONE = /^\d{8,15}$/;
const SCHEDULE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2})$/;

class SendError extends Error {}

function isValidScheduleTime(time) {
	const match = SCHEDULE_TIME.exec(time);
	if (!match) return false;
	const [year, month, day, hour, minute] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	const realDay = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
	return realDay && hour <= 23 && minute <= 59;
}

/** Validates the bulk parameter (JSON text, or an array from a JSON body), calling `onEntry` per entry. */
function readBulk(source, onEntry) {
	let entries = source;
	if (typeof source === 'string') {
		try {
			entries = JSON.parse(source);
		} catch {
			throw new SendError('INVALID BULK CAMPAIGN');
		}
	}
	if (!Array.isArray(entries) || entries.length === 0) throw new SendError('INVALID BULK CAMPAIGN');
	if (entries.length > MAX_RECIPIENTS_PER_REQUEST) throw new SendError('BULK LIMIT EXCEEDED');
	for (const entry of entries) {
		if (!entry || typeof entry !== 'object') throw new SendError('INVALID BULK CAMPAIGN');
		const { mobile, msg } = entry;
		const number = typeof mobile === 'number' && Number.isSafeInteger(mobile) ? String(mobile) : mobile;
		if (typeof number !== 'string' || !PHONE.test(number)) throw new SendError('INVALID BULK CAMPAIGN');
		if (typeof msg !== 'string' || msg.length === 0) throw new SendError('INVALID BULK CAMPAIGN');
		if (msg.length > MAX_MESSAGE_LENGTH) throw new SendError('MESSAGE TOO LONG');
		onEntry(number, msg);
	}
}

/** contacts and msg; with decodeMessagesTwice, msg as smsViaApi's urldecode($_REQUEST['msg']) leaves it. */
function parseContacts(params, decodeTwice) {
	const contacts = scalar(params, 'contacts')
		.split(',')
		.map((contact) => contact.trim())
		.filter((contact) => contact !== '');
	if (contacts.length === 0) throw new SendError('MISSING CONTACTS');
	if (contacts.length > MAX_RECIPIENTS_PER_REQUEST) throw new SendError('BULK LIMIT EXCEEDED');
	if (!contacts.every((contact) => PHONE.test(contact))) throw new SendError('INVALID CONTACTS');
	const raw = scalar(params, 'msg');
	if (raw === '') throw new SendError('MISSING MESSAGE');
	const msg = decodeTwice ? urldecode(raw) : raw;
	if (msg.length > MAX_MESSAGE_LENGTH) throw new SendError('MESSAGE TOO LONG');
	return { contacts, msg };
}

/** Tells whether a message contains one of the held words (the panel's spam keywords), case-insensitively. */
function heldCheck(sim) {
	const words = sim.config.heldWords.map((word) => word.toLowerCase()).filter((word) => word !== '');
	return (msg) => words.length > 0 && words.some((word) => msg.toLowerCase().includes(word));
}

/**
 * What smsViaApi hands on to the v2 API: intval(routeid) and intval(campaign) (0 = the account's default:
 * the first route), and cleanInput(urldecode(senderid)): letters, numbers, '-', '_' and spaces only.
 */
function usedValues(sim, params) {
	const routeNumber = intval(scalar(params, 'routeid'));
	return {
		routeUsed: routeNumber === 0 ? sim.defaultRouteId() : String(routeNumber),
		campaignUsed: intval(scalar(params, 'campaign')),
		senderUsed: cleanSenderId(urldecodeBytes(scalar(params, 'senderid'))),
	};
}

/** Wallet amounts as the panel keeps them: 5 decimals. */
const money = (amount) => Math.round(amount * 1e5) / 1e5;

/** Validates a send request and returns the submission to store (balances untouched). */
function buildSubmission(sim, params) {
	const owner = keyOwner(sim, scalar(params, 'key'));
	if (owner === null) throw new SendError('INVALID API KEY');
	const type = scalar(params, 'type') || 'text';
	if (!SMS_TYPES.has(type)) throw new SendError('INVALID TYPE');
	const used = usedValues(sim, params);
	const routeId = used.routeUsed;
	if (!sim.routes.has(routeId)) throw new SendError('INVALID ROUTE');
	const senderId = scalar(params, 'senderid');
	if (used.senderUsed === '') throw new SendError('MISSING SENDER ID');

	const bulkParam = params[sim.config.bulkParameterName];
	const bulkSource = typeof bulkParam === 'string' ? bulkParam.trim() : bulkParam;
	const isBulk = bulkSource !== undefined && bulkSource !== null && bulkSource !== '';
	const isHeldMessage = heldCheck(sim);
	let held = false;
	let credits = 0;
	let recipientsOf;
	let messagesOf;
	let encoding;
	if (isBulk) {
		readBulk(bulkSource, (_mobile, msg) => {
			credits += countSegments(msg, type).segments;
			if (!held && isHeldMessage(msg)) held = true;
		});
		// Re-read on demand so a stored 50,000-entry bulk costs only its (shared) source text.
		const collect = (pick) => {
			const values = [];
			readBulk(bulkSource, (mobile, msg) => values.push(pick === 'mobile' ? mobile : msg));
			return values;
		};
		recipientsOf = () => collect('mobile');
		messagesOf = () => collect('msg');
		encoding = 'mixed';
	} else {
		const { contacts, msg } = parseContacts(params, sim.config.decodeMessagesTwice);
		const counted = countSegments(msg, type);
		credits = counted.segments * contacts.length;
		held = isHeldMessage(msg);
		recipientsOf = () => contacts.slice();
		messagesOf = () => contacts.map(() => msg);
		encoding = counted.encoding;
	}

	const time = scalar(params, 'time');
	if (time !== '' && !isValidScheduleTime(time)) throw new SendError('INVALID SCHEDULE TIME');
	const route = sim.routes.get(routeId);
	const billing = owner === 'admin' ? 'unlimited' : sim.config.billing;
	const cost = billing === 'wallet' ? money(credits * sim.config.smsPrice) : 0;
	if (billing === 'credits' && credits > route.balance) throw new SendError('INSUFFICIENT BALANCE');
	if (billing === 'wallet' && cost > sim.walletAmount) throw new SendError('INSUFFICIENT BALANCE');

	return newSubmission(
		sim,
		{
			shootId: newShootId(),
			owner,
			routeId,
			routeTitle: route.name,
			type,
			senderId,
			campaign: scalar(params, 'campaign'),
			...used,
			time,
			dlrUrl: scalar(params, 'dlr_url'),
			bulk: isBulk,
			encoding,
			credits,
			billing,
			cost,
			held,
		},
		{ recipientsOf, messagesOf, api: 'classic' },
	);
}

/**
 * A submission of either API: `fields` (shootId … held, as buildSubmission lists them) plus the delivery settings
 * in force now, recipients and messages as getters, and the lazily built reports (reports.js).
 */
function newSubmission(sim, fields, { recipientsOf, messagesOf, api, extra = {} }) {
	const createdAt = Date.now();
	const dlr = sim.config.dlr;
	const submission = {
		...fields,
		createdAt,
		deliveredAtMs: createdAt + dlr.delayMs,
		// Delivery settings in force at the send (delivery.js, reports.js).
		delayMs: dlr.delayMs,
		autoFinalAt: dlr.autoPush ? createdAt + dlr.delayMs : null,
		pushStyle: dlr.style,
		outcomes: { outcome: dlr.outcome, outcomeByNumber: { ...dlr.outcomeByNumber } },
		// Which API made it: 'classic' (/smsapi/index) or 'v2' (POST /api/v2/sms, v2Send.js).
		api,
		...extra,
	};
	Object.defineProperty(submission, 'recipients', { enumerable: true, get: recipientsOf });
	Object.defineProperty(submission, 'messages', { enumerable: true, get: messagesOf });
	// Built on first use by reports.js; not part of the submission's public shape.
	Object.defineProperty(submission, 'reportState', { enumerable: false, writable: true, value: null });
	Object.defineProperty(submission, 'reports', { enumerable: false, get: () => reportsOf(submission) });
	return submission;
}

/** Takes the cost (the admin account has unlimited balance: its sends are not taken from the routes), keeps the submission and schedules its reports. */
function commitSubmission(sim, submission) {
	if (submission.billing === 'credits') sim.routes.get(submission.routeId).balance -= submission.credits;
	if (submission.billing === 'wallet') sim.walletAmount = money(sim.walletAmount - submission.cost);
	sim.submissions.set(submission.shootId, submission);
	sim.delivery.onSubmission(submission);
}

/**
 * The panel's Node API reads `bulk_campaign` and otherwise `contacts.split(',')`, which throws when contacts
 * is not a string; its catch answers {"error":"Malformed Request"} (HTTP 200), before the key is checked.
 */
function nodeApiThrows(sim, params) {
	return sim.config.bulkParameterName === 'bulk_campaign' && !params.bulk_campaign && typeof params.contacts !== 'string';
}

function handleSend(sim, params) {
	if (nodeApiThrows(sim, params)) return jsonAnswer(sim.config, { error: 'Malformed Request' });
	const textStyle = sim.config.sendResponseStyle === 'text';
	let submission;
	try {
		submission = buildSubmission(sim, params);
	} catch (error) {
		if (!(error instanceof SendError)) throw error;
		return textStyle ? textAnswer(sim.config, `ERR: ${error.message}`) : errorJson(sim.config, error.message);
	}
	commitSubmission(sim, submission);
	if (textStyle) return textAnswer(sim.config, `SMS-SHOOT-ID/${submission.shootId}`);
	return jsonAnswer(sim.config, {
		result: 'success',
		message: submission.held ? 'SPAM CONTENT DETECTED. CAMPAIGN HELD FOR APPROVAL' : 'SMS SUBMITTED SUCCESSFULLY',
		sms_shoot_id: submission.shootId,
	});
}

module.exports = {
	handleSend,
	isValidScheduleTime,
	heldCheck,
	money,
	newSubmission,
	commitSubmission,
	MAX_MESSAGE_LENGTH,
	MAX_RECIPIENTS_PER_REQUEST,
	SMS_TYPES,
	PHONE,
};
