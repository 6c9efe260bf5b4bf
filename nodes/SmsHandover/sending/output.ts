/** The items the send engine outputs: what was sent, or in a dry run what would be. */
import type { IDataObject } from 'n8n-workflow';

import type { RunOptions } from '../actions/shared/options';
import { redact } from '../transport';
import { creditsFor, guardFields, type RouteBalance } from './balanceGuard';
import type { Message } from './messages';
import { formOf, type Plan, type PlannedRequest } from './plan';
import type { Submission } from './submit';

/** What an item says when the panel composes the text (a template): nothing is guessed. */
export const TEMPLATE_NOTE = 'The panel fills the template: its length, parts and credits are known only to the panel.';

/** The message's figures, written into `json` (objects are built in place: Send Bulk makes 100,000). */
function addFigures(json: IDataObject, message: Message, plan: Plan): void {
	if (plan.kind === 'bulk') {
		json.mobile = message.recipients[0];
	} else {
		json.contacts = message.recipients;
		json.contactCount = message.recipients.length;
	}
	json.type = message.type;
	if (!message.priced) {
		json.templateId = message.options.templateId;
		json.encoding = null;
		json.characters = null;
		json.segments = null;
		json.note = TEMPLATE_NOTE;
		return;
	}
	json.encoding = message.analysis.encoding;
	json.characters = message.analysis.characters;
	json.segments = message.analysis.segments;
}

function addBatch(json: IDataObject, batch: PlannedRequest | undefined, plan: Plan): void {
	json.batch = batch?.number;
	json.batchCount = plan.requestCount;
}

/** A sent Send Bulk message: the shoot id of its batch (and, JSON API, its own message id). */
export function sentBulkItem(message: Message, plan: Plan, batch: PlannedRequest, submission: Submission, smsId?: string): IDataObject {
	const json: IDataObject = { success: true, shootId: submission.shootId, heldForApproval: submission.heldForApproval };
	if (submission.messageIds) json.smsId = smsId ?? null;
	addFigures(json, message, plan);
	addBatch(json, batch, plan);
	if (message.schedule) Object.assign(json, message.schedule);
	return json;
}

/** A sent message to a list of contacts: its shoot id(s) (one per request beyond 50,000 contacts). */
export function sentItem(message: Message, plan: Plan, submissions: Submission[]): IDataObject {
	const json: IDataObject = { success: true, shootId: submissions[0].shootId };
	if (submissions.length > 1) json.shootIds = submissions.map((submission) => submission.shootId);
	// JSON API: every message's id, across the requests of a long contact list.
	if (submissions[0].messageIds) json.messageIds = submissions.flatMap((submission) => submission.messageIds ?? []) as unknown as IDataObject[];
	json.providerMessage = submissions[submissions.length - 1].providerMessage;
	json.heldForApproval = submissions.some((submission) => submission.heldForApproval);
	addFigures(json, message, plan);
	if (message.schedule) Object.assign(json, message.schedule);
	return json;
}

/** A request as a preview shows it: the trigger's token (Add Trigger Token) hidden, like the key. */
function shown(form: IDataObject): IDataObject {
	if (typeof form.dlr_url === 'string') return { ...form, dlr_url: redact(form.dlr_url) };
	if (typeof form.notifyUrl === 'string') return { ...form, notifyUrl: redact(form.notifyUrl) };
	return form;
}

/** What a send would be, for a dry run: the figures, the price and the request without the key. */
export function previewItem(message: Message, plan: Plan, run: RunOptions, verdict: RouteBalance | undefined): IDataObject {
	const credits = message.priced ? creditsFor(message, run) : null;
	const requests = plan.requestsOf(message.itemIndex);
	const json: IDataObject = { dryRun: true };
	addFigures(json, message, plan);
	if (plan.kind === 'bulk') {
		addBatch(json, requests[0], plan);
		json.credits = credits;
		// This item's entry of the personalised list; the real list holds the whole batch.
		json.request = shown(formOf(plan, requests[0], message));
		json.summary = plan.summary;
		Object.assign(json, guardFields(verdict), message.schedule);
		return json;
	}
	json.credits = credits;
	json.request = shown(formOf(plan, requests[0]));
	json.requestCount = requests.length;
	return Object.assign(json, message.schedule, guardFields(verdict));
}
