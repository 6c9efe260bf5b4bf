'use strict';
// POST api/v2/sms (httpApi.php "TEXT SMS API"): JSON contacts, per-contact messages, #name# parameters, templates and
// contact groups. A send is a submission like a classic one (smsApi.js): same routes, wallet, reports and pushes.
const crypto = require('node:crypto');
const { jsonAnswer, scalar } = require('./answers');
const { V2Error } = require('./v2Common');
const { countSegments } = require('./segments');
const { reportsOf } = require('./reports');
const { intval } = require('./php');
const {
	heldCheck,
	money,
	newSubmission,
	commitSubmission,
	MAX_MESSAGE_LENGTH,
	MAX_RECIPIENTS_PER_REQUEST,
	SMS_TYPES,
	PHONE,
} = require('./smsApi');

// The page: YYYY-MM-DD HH:MM:SS. smsViaApi hands the classic `time` (YYYY-MM-DD H:I) on as it is, so that is read too.
const SCHEDULE = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const BATCH_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `smshnd_` and 15 characters a–z0–9, like the page's example batch_id samsms_eink1rilz6ucphk. */
const newBatchId = () => `smshnd_${Array.from({ length: 15 }, () => BATCH_CHARS[crypto.randomInt(BATCH_CHARS.length)]).join('')}`;

const given = (value) => value !== undefined && value !== null && value !== '';
const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function isValidSchedule(text) {
	const match = SCHEDULE.exec(text);
	if (!match) return false;
	const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
	const date = new Date(Date.UTC(year, month - 1, day));
	const realDay = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
	return realDay && hour <= 23 && minute <= 59 && second <= 59;
}

/** A JSON value read as text: strings as they are, numbers and booleans printed, anything else ''. */
const text = (value) => scalar({ value }, 'value');

/** The route used: intval(routeId), absent or 0 = the account's default (the first route). */
function routeOf(sim, body) {
	const number = given(body.routeId) ? intval(text(body.routeId)) : 0;
	const routeId = number === 0 ? sim.defaultRouteId() : String(number);
	if (!sim.routes.has(routeId)) throw new V2Error(400, 'Invalid Route');
	return routeId;
}

/** The contacts as `{mobile, message?, parameters?}`: of the contact group when one is given, else the contacts array. */
function contactsOf(sim, body) {
	let list = body.contacts;
	if (given(body.contactGroup)) {
		const id = intval(text(body.contactGroup));
		const group = sim.config.contactGroups.find((g) => g.id === id);
		if (!group) throw new V2Error(400, 'Invalid Contact Group');
		list = group.mobiles.map((mobile) => ({ mobile }));
	}
	if (list === undefined || list === null || (Array.isArray(list) && list.length === 0)) throw new V2Error(400, 'Contacts Missing');
	if (!Array.isArray(list)) throw new V2Error(400, 'Invalid Contacts');
	if (list.length > MAX_RECIPIENTS_PER_REQUEST) throw new V2Error(400, 'Bulk Limit Exceeded');
	return list.map((contact) => {
		if (!isPlainObject(contact)) throw new V2Error(400, 'Invalid Contacts');
		const { mobile, message, parameters } = contact;
		const number = typeof mobile === 'number' && Number.isSafeInteger(mobile) ? String(mobile) : typeof mobile === 'string' ? mobile.trim() : '';
		if (!PHONE.test(number)) throw new V2Error(400, 'Invalid Contacts');
		if (given(message) && typeof message !== 'string') throw new V2Error(400, 'Invalid Contacts');
		if (given(parameters) && !isPlainObject(parameters)) throw new V2Error(400, 'Invalid Contacts');
		return { mobile: number, message: given(message) ? message : '', parameters: parameters || {} };
	});
}

/** The text every contact gets unless it has its own: the template's (templateId wins over message), else message. */
function baseTextOf(sim, body) {
	if (!given(body.templateId)) return text(body.message);
	const id = intval(text(body.templateId));
	const template = sim.config.templates.find((t) => t.id === id);
	if (!template) throw new V2Error(400, 'Invalid Template');
	return template.text;
}

/** Each supplied parameter's #name# replaced (case-sensitive, every occurrence); placeholders without one stay. */
function fill(template, parameters) {
	let out = template;
	for (const [name, value] of Object.entries(parameters)) out = out.split(`#${name}#`).join(text(value));
	return out;
}

/** Validates a send and returns the submission to store (balances untouched). */
function buildV2Submission(sim, owner, body) {
	const mode = given(body.mode) ? body.mode : 'text';
	if (!SMS_TYPES.has(mode)) throw new V2Error(400, 'Invalid Mode');
	const routeId = routeOf(sim, body);
	const contacts = contactsOf(sim, body);
	const baseText = baseTextOf(sim, body);
	const messages = contacts.map((contact) => {
		const own = contact.message !== '' ? contact.message : baseText;
		if (own === '') throw new V2Error(400, 'Message Missing');
		const final = fill(own, contact.parameters);
		if (final.length > MAX_MESSAGE_LENGTH) throw new V2Error(400, 'Message Too Long');
		return final;
	});
	const schedule = given(body.schedule) ? text(body.schedule) : '';
	if (schedule !== '' && !isValidSchedule(schedule)) throw new V2Error(400, 'Invalid Schedule Time');

	// Billed by the final text of each contact; a text that needs it goes as UCS-2 whatever the mode (reports.js counts the same).
	const counted = messages.map((message) => countSegments(message, mode));
	const credits = counted.reduce((sum, c) => sum + c.segments, 0);
	const encodings = new Set(counted.map((c) => c.encoding));
	const isHeld = heldCheck(sim);
	const route = sim.routes.get(routeId);
	const billing = owner === 'admin' ? 'unlimited' : sim.config.billing;
	const cost = billing === 'wallet' ? money(credits * sim.config.smsPrice) : 0;
	if (billing === 'credits' && credits > route.balance) throw new V2Error(400, 'Insufficient Balance');
	if (billing === 'wallet' && cost > sim.walletAmount) throw new V2Error(400, 'Insufficient Balance');

	const sender = text(body.sender);
	const mobiles = contacts.map((contact) => contact.mobile);
	return newSubmission(
		sim,
		{
			shootId: newBatchId(),
			owner,
			routeId,
			routeTitle: route.name,
			type: mode,
			senderId: sender,
			campaign: text(body.campaignId),
			routeUsed: routeId,
			campaignUsed: intval(text(body.campaignId)),
			// The sender as given: smsViaApi cleans the classic senderid before it calls v2; v2's own rule is not published.
			senderUsed: sender,
			time: schedule,
			dlrUrl: text(body.notifyUrl),
			bulk: false,
			encoding: encodings.size === 1 ? [...encodings][0] : 'mixed',
			credits,
			billing,
			cost,
			held: messages.some(isHeld),
		},
		{
			recipientsOf: () => mobiles.slice(),
			messagesOf: () => messages.slice(),
			api: 'v2',
			extra: { templateId: given(body.templateId) ? intval(text(body.templateId)) : null, contactGroup: given(body.contactGroup) ? intval(text(body.contactGroup)) : null },
		},
	);
}

/** POST api/v2/sms: the page's success answer, one sms_id (the report's SMSC id, a UUID) per contact in contact order. */
function send(sim, owner, body) {
	const submission = buildV2Submission(sim, owner, body);
	commitSubmission(sim, submission);
	return jsonAnswer(sim.config, {
		status: 'success',
		message: submission.held ? 'SPAM CONTENT DETECTED. CAMPAIGN HELD FOR APPROVAL' : 'SMS Submitted successfully',
		batch_id: submission.shootId,
		total_contacts: submission.recipients.length,
		message_id: reportsOf(submission).map((report) => ({ mobile: report.mobile, sms_id: report.smsId })),
	});
}

module.exports = { send, isValidSchedule };
