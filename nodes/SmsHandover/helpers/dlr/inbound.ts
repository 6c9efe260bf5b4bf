/**
 * An SMS a handset sent to one of the account's virtual numbers or short-code keywords, as the
 * panel forwards it (its getReplies): a GET to the URL the user set, with placeholders replaced:
 * `%p` the sender (inserted as is, so a `+` arrives as a space), `%r` the text (urlencoded once),
 * `%v` the number it was sent to, `%i` the SMSC's message id (may be empty), `%t` the panel's time
 * (no offset) and, in the Default MO URL only, `%m` the keyword it matched. The URL template the
 * README gives names them from, text, to, id, time and keyword.
 */
import { normalisePhone } from '../phone';
import { canonicalKey, FIELD_ALIASES } from './aliases';
import { indexRecord, valueText } from './fields';
import { parseReportTime } from './time';

export interface InboundSms {
	event: 'inboundSms';
	/** The handset's number, normalised to digits like every number the nodes output. */
	from: string | null;
	/** The virtual number or short code it was sent to, normalised like `from` (a short code stays as is). */
	to: string | null;
	text: string;
	/** The keyword the panel matched (Default MO URL only); empty when none. */
	keyword: string;
	messageId: string | null;
	/** ISO 8601 (UTC); the panel's time has no offset, so it is read in the workflow's time zone. */
	receivedAt: string | null;
	/** The request's fields as received (the token aside). */
	raw: Record<string, unknown>;
}

const STATUS_KEYS = new Set<string>(FIELD_ALIASES.status.map(canonicalKey));
// A placeholder the panel did not replace (`%m` in a VMN or keyword trigger URL) arrives literally.
// Never applied to the text: the panel always replaces `%r`, so a text of `%m` is what was sent.
const PLACEHOLDER = /^%[a-z]$/i;

/** An inbound SMS is a request whose query carries `text` and no delivery status field. */
export function isInboundQuery(query: Record<string, unknown>): boolean {
	const keys = [...indexRecord(query).keys()];
	return keys.includes('text') && !keys.some((key) => STATUS_KEYS.has(key));
}

/** A field's text, or null when it is empty or an unreplaced placeholder. */
function field(fields: Record<string, unknown>, name: string): string | null {
	const key = indexRecord(fields).get(name);
	const text = key === undefined ? null : valueText(fields[key]);
	return text === null || PLACEHOLDER.test(text) ? null : text;
}

/** A number as digits: a `+` the query turned into a leading space is no part of the number. */
function phoneField(fields: Record<string, unknown>, name: 'from' | 'to'): string | null {
	const text = field(fields, name);
	if (text === null) return null;
	return normalisePhone(text) ?? text;
}

/** The message text exactly as decoded once from the request (not trimmed: spaces may matter). */
function messageText(fields: Record<string, unknown>): string {
	const key = indexRecord(fields).get('text');
	const value = key === undefined ? '' : fields[key];
	const text = Array.isArray(value) ? value[0] : value;
	return typeof text === 'string' ? text : '';
}

export function inboundSms(fields: Record<string, unknown>, timeZone: string | undefined): InboundSms {
	return {
		event: 'inboundSms',
		from: phoneField(fields, 'from'),
		to: phoneField(fields, 'to'),
		text: messageText(fields),
		keyword: field(fields, 'keyword') ?? '',
		messageId: field(fields, 'id'),
		receivedAt: parseReportTime(field(fields, 'time'), { timeZone }),
		raw: fields,
	};
}

/** Identity of an inbound SMS for deduplication: the SMSC's id, or who sent what when. */
export function inboundKey(message: InboundSms): string {
	return message.messageId !== null
		? `id\u0001${message.messageId}`
		: ['sms', message.from ?? '', message.text, message.receivedAt ?? ''].join('\u0001');
}
