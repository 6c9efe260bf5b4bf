/**
 * The push half of Send and Wait for Delivery on the webhook side: the node's webhook() resumes
 * the waiting execution when the panel posts its message's final report to the resume URL.
 * - When the wait times out, n8n never calls execute() again: it passes on the data of the
 *   waiting stack entry. execute() therefore put a `timeout` item there before waiting, and
 *   webhook() reads the same item (`$json`) to know which message it waits for, on any process.
 * - A webhook() that returns no workflowData leaves the execution waiting; one that throws starts
 *   it in error, so nothing may escape.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { pullReports } from '../actions/shared/deliveryReports';
import { answer, incomingRequest, neverThrow, readReports } from '../webhook/request';
import { isFinal, reportFor, sameNumber } from './outcome';
import { keyMatches, URL_PARAMETERS, WAIT_KEY_PARAMETER } from './resumeUrl';

// Resumes this process has started, so that repeated or simultaneous reports resume at most once
// here (n8n 2.x also refuses a second resume itself; 1.x does not).
const CLAIM_TTL_MS = 24 * 3600 * 1000;
const claims = new Map<string, number>();

function claim(id: string, now: number): boolean {
	for (const [key, at] of claims) {
		if (at > now - CLAIM_TTL_MS && claims.size < 100_000) break;
		claims.delete(key);
	}
	if (claims.has(id)) return false;
	claims.set(id, now);
	return true;
}

/** The report, with what the node knew of its message where the report says nothing (null). */
function withKnownFacts(report: IDataObject, state: IDataObject): IDataObject {
	const filled: IDataObject = { ...report };
	for (const field of ['shootId', 'mobile', 'senderId', 'parts', 'sentAt']) {
		if (filled[field] === null || filled[field] === undefined) filled[field] = state[field] ?? null;
	}
	return filled;
}

const isOurs = (report: IDataObject, state: IDataObject) =>
	(report.shootId === null || report.shootId === state.shootId) &&
	(report.mobile === null || sameNumber(report.mobile, state.mobile)) &&
	(report.shootId !== null || report.mobile !== null);

async function resume(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const state = context.evaluateExpression('{{ $json }}', 0) as IDataObject | undefined;
	if (!state || typeof state.shootId !== 'string' || typeof state.waitKeyHash !== 'string') {
		return answer(context, 200, 'No delivery report is awaited here');
	}
	const query = (incomingRequest(context).query ?? {}) as Record<string, unknown>;
	if (!keyMatches(state.waitKeyHash, query[WAIT_KEY_PARAMETER])) {
		return answer(context, 403, 'Forbidden: wrong or missing key');
	}
	const reportQuery = Object.fromEntries(Object.entries(query).filter(([name]) => !URL_PARAMETERS.has(name)));
	const parsed = await readReports(context, reportQuery);
	if (parsed.rejected !== null) return answer(context, parsed.rejectedStatus ?? 400, parsed.rejected);

	let report: IDataObject | undefined;
	if (parsed.emptyObject) {
		// The panel's instant mode says only "a report exists": read it, this URL names the message.
		try {
			report = reportFor(await pullReports(context, state.shootId, undefined, 0), String(state.mobile));
		} catch (error) {
			// Not 2xx: the panel posts again about half a second later.
			return answer(context, 503, `The delivery report could not be read yet: ${(error as Error).message}`);
		}
		if (!isFinal(report)) return answer(context, 503, 'The delivery report is not final yet');
	} else {
		report = (parsed.reports as unknown as IDataObject[]).find((candidate) => isOurs(candidate, state) && isFinal(candidate));
	}
	// Another message's report, or not final yet: 200 (so the panel stops) and keep waiting.
	if (!report || !isFinal(report)) return {};
	if (!claim(`${context.getExecutionId()}:${state.shootId}`, Date.now())) return {};
	return { workflowData: [[{ json: withKnownFacts(report, state), pairedItem: { item: 0 } }]] };
}

/** The node's webhook(): resumes the waiting execution on its message's final report. */
export async function resumeOnDeliveryReport(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await neverThrow(context, 'the delivery report for a waiting execution', async () => await resume(context));
}
