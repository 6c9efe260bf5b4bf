/**
 * The push half of Send and Wait for Delivery: the resume URL the panel posts the report to, the
 * state the waiting execution carries, and the node's webhook() that resumes it.
 *
 * How n8n 1.123 and 2.41 behave here (measured in both, regular and queue mode):
 * - `$execution.resumeUrl` is `<webhook base>/webhook-waiting/<execution id>`; 2.x adds
 *   `?signature=<resume token>` and refuses (401) any request without it before webhook() runs.
 *   1.x checks nothing for this operation, so the URL also carries our own random key.
 * - When the wait times out, n8n never calls execute() again: it passes on the data of the
 *   waiting stack entry. execute() therefore puts a `timeout` item there before waiting, and
 *   webhook() reads the same item (`$json`) to know which message it waits for, on any process.
 * - A webhook() that returns no workflowData leaves the execution waiting; one that throws starts
 *   it in error, so nothing may escape.
 */
import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { answer, incomingRequest, neverThrow, readReports } from '../../helpers/webhookRequest';
import { pullReports } from '../deliveryReport/pullReports';
import { isFinal, reportFor, sameNumber } from './deliveryOutcome';

/** Query parameter of the resume URL that carries this wait's random key. */
export const WAIT_KEY_PARAMETER = 'smshWait';
// The panel stores the callback URL in a varchar(255) column.
export const MAX_DLR_URL_LENGTH = 255;
// Parameters of the resume URL that are not report fields.
const URL_PARAMETERS = new Set([WAIT_KEY_PARAMETER, 'signature']);

const hashOf = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export interface ResumeUrl {
	url: string;
	/** Kept in the waiting item; the key itself only travels in the URL. */
	keyHash: string;
}

/** This execution's resume URL with a fresh key, checked against what the panel can store. */
export function resumeUrlFor(context: IExecuteFunctions): ResumeUrl {
	const base = context.getWorkflowDataProxy(0).$execution?.resumeUrl;
	let url: URL;
	try {
		url = new URL(String(base));
	} catch {
		throw new NodeOperationError(context.getNode(), 'n8n gave no resume URL for this execution', {
			description: 'Send and Wait for Delivery with Wait Method "push" needs n8n to run the workflow (not a pinned or partial run). Use Wait Method "poll" otherwise.',
			itemIndex: 0,
		});
	}
	const key = randomBytes(16).toString('hex');
	url.searchParams.set(WAIT_KEY_PARAMETER, key);
	const text = url.toString();
	if (text.length > MAX_DLR_URL_LENGTH) {
		throw new NodeOperationError(context.getNode(), `The resume URL is ${text.length} characters; SMS Handover keeps at most ${MAX_DLR_URL_LENGTH}`, {
			description: "Shorten n8n's public webhook URL (WEBHOOK_URL / N8N_WEBHOOK_URL), or use Wait Method \"poll\". Nothing was sent.",
			itemIndex: 0,
		});
	}
	if (/^https?:\/\/(localhost|127\.|\[::1\])/i.test(text)) {
		context.logger.warn(
			`Send and Wait for Delivery gives SMS Handover a resume URL on ${url.host}, which the panel cannot reach. Set WEBHOOK_URL (n8n 1.x) or N8N_WEBHOOK_URL (2.x) to n8n's public address, on every process that runs executions.`,
		);
	}
	return { url: text, keyHash: hashOf(key) };
}

/**
 * Puts the item the node continues with on a timeout in place of its input (a new object: the
 * input items and the previous node's output stay as they were), then waits.
 */
export async function waitForReport(
	context: IExecuteFunctions,
	timeoutItem: IDataObject,
	keyHash: string,
	waitUntil: Date,
): Promise<void> {
	const state: INodeExecutionData = {
		json: { ...timeoutItem, waitUntil: waitUntil.toISOString(), waitKeyHash: keyHash },
		pairedItem: { item: 0 },
	};
	context.getExecuteData().data = { main: [[state]] };
	await context.putExecutionToWait(waitUntil);
}

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

/** Constant-time: both sides are SHA-256 digests of the same length whatever was presented. */
function keyMatches(expectedHash: unknown, presented: unknown): boolean {
	const value = Array.isArray(presented) ? presented[0] : presented;
	if (typeof expectedHash !== 'string' || !/^[0-9a-f]{64}$/.test(expectedHash) || typeof value !== 'string') return false;
	return timingSafeEqual(Buffer.from(hashOf(value), 'hex'), Buffer.from(expectedHash, 'hex'));
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
			report = reportFor(await pullReports.call(context, state.shootId, context.getTimezone(), undefined, 0), String(state.mobile));
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
export async function resumeOnDeliveryReport(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await neverThrow(this, 'the delivery report for a waiting execution', async () => await resume(this));
}
