import type { IDataObject } from 'n8n-workflow';

import type { BulkParameterName } from '../helpers/panelLimits';
import type { Message } from './messages';

/**
 * The one builder of a send request's form, for real sends and for dry-run previews alike. The
 * API key is not in it: the credential adds it (credentials/SmsHandoverApi.credentials.ts).
 * `head` gives what the whole request shares: sender, type, options, schedule.
 */
export function requestForm(head: Message, content: IDataObject): IDataObject {
	const { options } = head;
	const form: IDataObject = { senderid: head.senderId, type: head.type };
	if (options.campaign) form.campaign = options.campaign;
	if (options.routeId) form.routeid = options.routeId;
	if (options.dlrUrl) form.dlr_url = options.dlrUrl;
	if (head.schedule) form.time = head.schedule.providerTime;
	for (const [name, value] of options.extraParameters) form[name] = value;
	return Object.assign(form, content);
}

/**
 * One text to a list of numbers. A panel that decodes `msg` a second time (its smsViaApi runs
 * urldecode on it) gets the text encoded once more, so `+`, `%` and `%41` arrive as written.
 */
export const contactsContent = (recipients: string[], text: string, decoding: 'once' | 'twice'): IDataObject => ({
	contacts: recipients.join(','),
	msg: decoding === 'twice' ? encodeURIComponent(text) : text,
});

/** Personalised messages: the panel's list of `{mobile, msg}` (the transport sends it as JSON). */
export const bulkContent = (parameter: BulkParameterName, messages: Message[]): IDataObject => ({
	[parameter]: messages.map((message) => ({ mobile: message.recipients[0], msg: message.text })),
});

/**
 * The JSON API's (v2) body of a send, as the panel's HTTP API page documents it: `contacts` are
 * objects (`{mobile}`, `{mobile, message}` for a personal text, `{mobile, parameters}` for a
 * template's fields), numbers are numbers, the schedule has seconds. The key is not in it: the
 * credential puts it in the Authorization header.
 */
export function v2Body(head: Message, content: IDataObject): IDataObject {
	const { options } = head;
	const body: IDataObject = { sender: head.senderId, mode: head.type };
	if (options.campaign) body.campaignId = Number(options.campaign);
	if (options.routeId) body.routeId = Number(options.routeId);
	if (options.templateId) body.templateId = Number(options.templateId);
	if (options.dlrUrl) body.notifyUrl = options.dlrUrl;
	if (head.schedule) body.schedule = `${head.schedule.providerTime}:00`;
	for (const [name, value] of options.extraParameters) body[name] = value;
	return Object.assign(body, content);
}

/** One text (or a template) to a list of numbers. */
export const v2ContactsContent = (recipients: string[], text: string): IDataObject => ({
	...(text ? { message: text } : {}),
	contacts: recipients.map((mobile) => ({ mobile })),
});

/** Personalised messages: each contact with its own text, or its template fields. */
export const v2BulkContent = (messages: Message[]): IDataObject => ({
	contacts: messages.map((message) => {
		const mobile = message.recipients[0];
		if (message.parameters) return { mobile, parameters: message.parameters };
		// A template without fields: the number alone.
		return message.text ? { mobile, message: message.text } : { mobile };
	}),
});
