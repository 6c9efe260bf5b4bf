/**
 * The message plan: which requests carry which messages. A unit is a run of requests that go out
 * one after another and stop at the first failure: one item's requests (beyond the panel's
 * per-request limit, a long contact list is cut), or every batch of a Send Bulk run.
 */
import type { IDataObject } from 'n8n-workflow';

import { BULK_LIMIT, type BulkParameterName } from '../helpers/panelLimits';
import type { Message, PlanKind, RunSettings } from './messages';
import type { ApiVersion } from '../transport';
import { bulkContent, contactsContent, requestForm, v2Body, v2BulkContent, v2ContactsContent } from './requestForm';

export interface PlannedRequest {
	/** 1-based among the plan's requests (Send Bulk's `batch`) or among its item's requests. */
	number: number;
	messages: Message[];
	/** `contacts` plan: the numbers this request carries, a slice of its message's. */
	recipients: string[];
}

export interface Plan {
	kind: PlanKind;
	units: PlannedRequest[][];
	/** The requests that carry an item's message (Send Bulk: its batch). */
	requestsOf: (itemIndex: number) => PlannedRequest[];
	requestCount: number;
	bulkParameterName: BulkParameterName;
	messageDecoding: RunSettings['messageDecoding'];
	api: ApiVersion;
	/** Send Bulk: what the whole run sends (shown on every dry-run item). */
	summary?: { requests: number; messages: number; totalSegments: number | null };
}

/** Each message's numbers in requests of at most the panel's limit, in order. */
function contactsPlan(messages: Message[], run: RunSettings): Plan {
	const unitOf = new Map<number, PlannedRequest[]>();
	const units = messages.map((message) => {
		const requests: PlannedRequest[] = [];
		for (let start = 0; start < message.recipients.length; start += BULK_LIMIT) {
			const recipients = message.recipients.slice(start, start + BULK_LIMIT);
			requests.push({ number: requests.length + 1, messages: [message], recipients });
		}
		unitOf.set(message.itemIndex, requests);
		return requests;
	});
	return {
		kind: 'contacts',
		units,
		requestsOf: (itemIndex) => unitOf.get(itemIndex) ?? [],
		requestCount: units.reduce((sum, unit) => sum + unit.length, 0),
		bulkParameterName: run.bulkParameterName,
		messageDecoding: run.messageDecoding,
		api: run.api,
	};
}

/**
 * Messages grouped by sender ID and SMS type (one of each per request; in auto mode GSM-7 texts go
 * apart from Unicode ones, so plain texts are not billed at the Unicode rate), in input order,
 * then cut into batches of at most the batch size.
 */
function bulkPlan(messages: Message[], run: RunSettings): Plan {
	const groups = new Map<string, Message[]>();
	for (const message of messages) {
		const key = `${message.senderId}\u0000${message.type}`;
		const group = groups.get(key);
		if (group) group.push(message);
		else groups.set(key, [message]);
	}
	const size = run.requestOptions?.batchSize ?? BULK_LIMIT;
	const batches: PlannedRequest[] = [];
	const batchOf = new Map<number, PlannedRequest>();
	let totalSegments = 0;
	let priced = true;
	for (const group of groups.values()) {
		for (let start = 0; start < group.length; start += size) {
			const batch: PlannedRequest = { number: batches.length + 1, messages: group.slice(start, start + size), recipients: [] };
			for (const message of batch.messages) {
				batchOf.set(message.itemIndex, batch);
				totalSegments += message.analysis.segments;
				priced &&= message.priced;
			}
			batches.push(batch);
		}
	}
	return {
		kind: 'bulk',
		units: batches.length ? [batches] : [],
		requestsOf: (itemIndex) => {
			const batch = batchOf.get(itemIndex);
			return batch ? [batch] : [];
		},
		requestCount: batches.length,
		bulkParameterName: run.bulkParameterName,
		messageDecoding: run.messageDecoding,
		api: run.api,
		// A template's parts are the panel's to count.
		summary: { requests: batches.length, messages: messages.length, totalSegments: priced ? totalSegments : null },
	};
}

export function planRequests(kind: PlanKind, messages: Message[], run: RunSettings): Plan {
	return kind === 'bulk' ? bulkPlan(messages, run) : contactsPlan(messages, run);
}

/** The form (or v2 JSON body) of a planned request, without the key; `only` narrows a bulk list to one message, for a preview. */
export function formOf(plan: Plan, request: PlannedRequest, only?: Message): IDataObject {
	const [head] = request.messages;
	const messages = only ? [only] : request.messages;
	if (plan.api === 'v2') {
		return v2Body(head, plan.kind === 'bulk' ? v2BulkContent(messages) : v2ContactsContent(request.recipients, head.text));
	}
	return plan.kind === 'bulk'
		? requestForm(head, bulkContent(plan.bulkParameterName, messages))
		: requestForm(head, contactsContent(request.recipients, head.text, plan.messageDecoding));
}
