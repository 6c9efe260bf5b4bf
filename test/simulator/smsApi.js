'use strict';
// POST/GET /smsapi/index: validation, credits per route, submissions kept for getDLR and DLR pushes.
const { countSegments } = require('./segments');
const { jsonAnswer, textAnswer, errorJson, scalar } = require('./answers');
const { newShootId } = require('./httpUtil');

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

/** Validates `bulk_campaigm` (JSON text, or an array from a JSON body), calling `onEntry` per entry. */
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

function parseContacts(params) {
	const contacts = scalar(params, 'contacts')
		.split(',')
		.map((contact) => contact.trim())
		.filter((contact) => contact !== '');
	if (contacts.length === 0) throw new SendError('MISSING CONTACTS');
	if (contacts.length > MAX_RECIPIENTS_PER_REQUEST) throw new SendError('BULK LIMIT EXCEEDED');
	if (!contacts.every((contact) => PHONE.test(contact))) throw new SendError('INVALID CONTACTS');
	const msg = scalar(params, 'msg');
	if (msg === '') throw new SendError('MISSING MESSAGE');
	if (msg.length > MAX_MESSAGE_LENGTH) throw new SendError('MESSAGE TOO LONG');
	return { contacts, msg };
}

/** Validates a send request and returns the submission to store (balances untouched). */
function buildSubmission(sim, params) {
	if (scalar(params, 'key') !== sim.apiKey) throw new SendError('INVALID API KEY');
	const type = scalar(params, 'type') || 'text';
	if (!SMS_TYPES.has(type)) throw new SendError('INVALID TYPE');
	const routeId = scalar(params, 'routeid') || sim.defaultRouteId();
	if (!sim.routes.has(routeId)) throw new SendError('INVALID ROUTE');
	const senderId = scalar(params, 'senderid');
	if (senderId === '') throw new SendError('MISSING SENDER ID');

	const bulkSource = typeof params.bulk_campaigm === 'string' ? params.bulk_campaigm.trim() : params.bulk_campaigm;
	const isBulk = bulkSource !== undefined && bulkSource !== null && bulkSource !== '';
	let credits = 0;
	let recipientsOf;
	let messagesOf;
	let encoding;
	if (isBulk) {
		readBulk(bulkSource, (_mobile, msg) => {
			credits += countSegments(msg, type).segments;
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
		const { contacts, msg } = parseContacts(params);
		const counted = countSegments(msg, type);
		credits = counted.segments * contacts.length;
		recipientsOf = () => contacts.slice();
		messagesOf = () => contacts.map(() => msg);
		encoding = counted.encoding;
	}

	const time = scalar(params, 'time');
	if (time !== '' && !isValidScheduleTime(time)) throw new SendError('INVALID SCHEDULE TIME');
	if (credits > sim.routes.get(routeId).balance) throw new SendError('INSUFFICIENT BALANCE');

	const createdAt = Date.now();
	const submission = {
		shootId: newShootId(),
		routeId,
		type,
		senderId,
		campaign: scalar(params, 'campaign'),
		time,
		dlrUrl: scalar(params, 'dlr_url'),
		bulk: isBulk,
		encoding,
		credits,
		createdAt,
		deliveredAtMs: createdAt + sim.config.dlr.delayMs,
	};
	Object.defineProperty(submission, 'recipients', { enumerable: true, get: recipientsOf });
	Object.defineProperty(submission, 'messages', { enumerable: true, get: messagesOf });
	return submission;
}

function handleSend(sim, params) {
	const textStyle = sim.config.sendResponseStyle === 'text';
	let submission;
	try {
		submission = buildSubmission(sim, params);
	} catch (error) {
		if (!(error instanceof SendError)) throw error;
		return textStyle ? textAnswer(sim.config, `ERR: ${error.message}`) : errorJson(sim.config, error.message);
	}
	sim.routes.get(submission.routeId).balance -= submission.credits;
	sim.submissions.set(submission.shootId, submission);
	if (submission.dlrUrl !== '') sim.scheduleDlrPush(submission);
	if (textStyle) return textAnswer(sim.config, `SMS-SHOOT-ID/${submission.shootId}`);
	return jsonAnswer(sim.config, {
		result: 'success',
		message: 'SMS SUBMITTED SUCCESSFULLY',
		sms_shoot_id: submission.shootId,
	});
}

module.exports = { handleSend, isValidScheduleTime, MAX_MESSAGE_LENGTH, MAX_RECIPIENTS_PER_REQUEST };
