import type { IExecuteFunctions } from 'n8n-workflow';

import { alreadySubmittedByEarlierAttempt } from '../actions/shared/errors';

/** Submitted runs remembered per node (n8n keeps the newest). A repeat comes within minutes. */
const REMEMBERED_RUNS = 1000;

type Attempt = 'first' | 'repeat' | 'unknown';

/**
 * Records this run (execution id + run index) in n8n's persisted deduplication store — a table
 * in n8n's database, shared by every worker — before the first request. Two first-ever runs of
 * a node can both try to create its record; the loser's second try finds it.
 */
async function recordAttempt(context: IExecuteFunctions, key: string): Promise<Attempt> {
	if (typeof context.helpers.checkProcessedAndRecord !== 'function') return 'unknown';
	let lastError: unknown;
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const seen = await context.helpers.checkProcessedAndRecord([key], 'node', {
				mode: 'entries',
				maxEntries: REMEMBERED_RUNS,
			});
			return seen.processed.length > 0 ? 'repeat' : 'first';
		} catch (error) {
			lastError = error;
		}
	}
	context.logger.warn('SMS Handover could not record this submission in n8n\'s deduplication store; a re-run of the execution would not be detected', {
		error: lastError instanceof Error ? lastError.message : String(lastError),
	});
	return 'unknown';
}

/**
 * n8n 1.x in queue mode runs an execution again from its start when the worker running it died
 * (its job "stalled"; QUEUE_WORKER_MAX_STALLED_COUNT defaults to 1): every message would then be
 * sent again. Every operation that sends calls this right before its first request: it throws
 * when its own execution id and run index are already recorded. Where n8n's store is unavailable
 * it goes ahead as before.
 */
export async function assertFirstAttempt(context: IExecuteFunctions): Promise<void> {
	const executionId = context.getExecutionId();
	if (!executionId) return;
	const runIndex = Number(context.getWorkflowDataProxy(0).$runIndex) || 0;
	if ((await recordAttempt(context, `${executionId}:${runIndex}`)) !== 'repeat') return;
	throw alreadySubmittedByEarlierAttempt(context.getNode(), executionId);
}
