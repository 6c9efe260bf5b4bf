import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { pullReports } from '../actions/shared/deliveryReports';
import { hintOnce } from './hints';
import { isFinal, reportFor, timeoutReport } from './outcome';

/** Pauses between pulls: a few seconds first (most reports arrive fast), then every 30 s. */
/** Report fields a pushed report fills and a pulled getDLR row may not. */
const PUSH_ONLY_FIELDS = ['deliveredAt', 'sentAt', 'senderId', 'route'];

export const POLL_DELAYS_MS = [3_000, 5_000, 10_000, 15_000, 30_000];
// Sleep in slices so a cancelled execution stops within seconds.
const SLICE_MS = 5_000;

export interface PollRequest {
	shootId: string;
	/** JSON API (v2): the message's own id, asked for instead of the whole batch. */
	smsId?: string;
	mobile: string;
	/** Epoch ms after which the wait ends with a timeout item. */
	deadline: number;
	timeout?: number;
	itemIndex: number;
	/** What is known of the message before any report (kept on a timeout item). */
	known?: IDataObject;
}

const listed = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]);

/**
 * A pulled report with what the send already knew in its empty fields (getDLR rows carry only the
 * number, the status and its description), and a hint naming the fields that stay empty.
 */
function completedFromKnown(context: IExecuteFunctions, report: IDataObject, known: IDataObject = {}): IDataObject {
	const completed: IDataObject = { ...report };
	for (const [field, value] of Object.entries(known)) if (completed[field] === null || completed[field] === undefined) completed[field] = value;
	const empty = PUSH_ONLY_FIELDS.filter((field) => completed[field] === null || completed[field] === undefined);
	if (empty.length > 0) {
		hintOnce(context, 'pollReport', {
			type: 'info',
			message: `Wait Method "Poll" reads the panel's pulled report (getDLR), which has no ${listed(empty)}: null here. Wait Method "Push" receives the full report.`,
			location: 'outputPane',
		});
	}
	return completed;
}

/**
 * Pulls the message's delivery report (getDLR) until it is final or the deadline passes. The
 * execution holds its worker slot meanwhile. A failed pull is not fatal: right after a send the
 * panel may not know the shoot id yet, and a passing outage should not lose a long wait.
 */
export async function pollForDelivery(context: IExecuteFunctions, request: PollRequest): Promise<IDataObject> {
	const signal = context.getExecutionCancelSignal();
	let lastSeen: IDataObject | undefined;
	let lastError: string | undefined;
	for (let attempt = 0; ; attempt++) {
		let wait = Math.min(POLL_DELAYS_MS[Math.min(attempt, POLL_DELAYS_MS.length - 1)], request.deadline - Date.now());
		if (wait <= 0) break;
		while (wait > 0 && !signal?.aborted) {
			await sleep(Math.min(wait, SLICE_MS));
			wait -= SLICE_MS;
		}
		if (signal?.aborted) break;
		try {
			const reports = request.smsId
				? await pullReports(context, request.smsId, request.timeout, request.itemIndex, true)
				: await pullReports(context, request.shootId, request.timeout, request.itemIndex);
			// Asked by its message id, the one report is this message's, whatever number it shows.
			const ours = request.smsId && reports.length === 1 ? reports[0] : reportFor(reports, request.mobile);
			lastSeen = ours ?? lastSeen;
			lastError = undefined;
		} catch (error) {
			lastError = (error as Error).message;
			continue;
		}
		if (isFinal(lastSeen)) return completedFromKnown(context, lastSeen as IDataObject, request.known);
	}
	// What the last pull said wins over what was known at the send, where it says anything.
	const seen = Object.fromEntries(Object.entries(lastSeen ?? {}).filter(([, value]) => value !== null));
	return timeoutReport(request.shootId, request.mobile, 'poll', { ...request.known, ...seen, ...(lastError && !lastSeen ? { reason: lastError } : {}) });
}
