/**
 * Send and Wait for Delivery after the send: waiting for the message's final report, by push (the
 * panel posts it to this execution's resume URL; n8n's own waiting) or by poll (getDLR). The node's
 * webhook() reaches the push side through `resumeOnDeliveryReport`.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Message, Submission } from '../sending';
import { timeoutReport } from './outcome';
import { pollForDelivery } from './poll';
import { resumeUrlFor, type ResumeUrl } from './resumeUrl';

export { resumeOnDeliveryReport } from './resume';

export type WaitMethod = 'push' | 'poll';

export interface Wait {
	method: WaitMethod;
	/** Epoch ms at which the wait ends with a `timeout` item. */
	until: number;
	/** Push: the URL the panel posts the report to (none for a dry run). */
	resume?: ResumeUrl;
}

/** Before the send: a push wait needs this execution's resume URL as the message's DLR URL. */
export function prepareWait(context: IExecuteFunctions, method: WaitMethod, minutes: number, dryRun: boolean): Wait {
	const until = Date.now() + minutes * 60_000;
	return { method, until, resume: method === 'push' && !dryRun ? resumeUrlFor(context) : undefined };
}

/**
 * Push: puts the item the node continues with on a timeout in place of its input (a new object:
 * the input items and the previous node's output stay as they were), then waits; the item shown
 * meanwhile is `pending`. Poll: pulls until the report is final, holding the worker.
 */
export async function awaitDelivery(context: IExecuteFunctions, wait: Wait, message: Message, submissions: Submission[]): Promise<IDataObject> {
	const [{ shootId, heldForApproval, sentAt, messageIds }] = submissions;
	const mobile = message.recipients[0];
	const known = { senderId: message.senderId, parts: message.analysis.segments, sentAt: sentAt.toISOString() };
	if (wait.method === 'poll') {
		const smsId = messageIds?.[0]?.smsId;
		return await pollForDelivery(context, { shootId, smsId, mobile, deadline: wait.until, timeout: message.options.timeout, itemIndex: 0, known });
	}
	const waitUntil = new Date(wait.until);
	// n8n drops the waiting run (and its hints) when the execution resumes: the timeout item keeps why.
	const reason = wait.resume?.localHost
		? `no report within Max Wait; the resume URL was on ${wait.resume.localHost}, which only a panel on this machine can reach (set WEBHOOK_URL or N8N_WEBHOOK_URL)`
		: undefined;
	const state: INodeExecutionData = {
		json: {
			...timeoutReport(shootId, mobile, 'push', reason ? { ...known, reason } : known),
			waitUntil: waitUntil.toISOString(),
			waitKeyHash: wait.resume?.keyHash,
		},
		pairedItem: { item: 0 },
	};
	context.getExecuteData().data = { main: [[state]] };
	await context.putExecutionToWait(waitUntil);
	// Shown while the execution waits; the report (or the timeout item) replaces it.
	return { status: 'pending', shootId, mobile, heldForApproval, waitUntil: waitUntil.toISOString() };
}
