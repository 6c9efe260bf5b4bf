/**
 * The resume URL Send and Wait (push) gives the panel as the message's DLR URL.
 *
 * How n8n 1.123 and 2.41 behave here (measured in both, regular and queue mode):
 * - `$execution.resumeUrl` is `<webhook base>/webhook-waiting/<execution id>`; 2.x adds
 *   `?signature=<resume token>` and refuses (401) any request without it before webhook() runs.
 *   1.x checks nothing for this operation, so the URL also carries our own random key, of which
 *   the waiting item keeps only the SHA-256 digest.
 */
import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_DLR_URL_LENGTH } from '../helpers/panelLimits';
import { hintOnce } from './hints';

/** Query parameter of the resume URL that carries this wait's random key. */
export const WAIT_KEY_PARAMETER = 'smshWait';
/** Parameters of the resume URL that are not report fields. */
export const URL_PARAMETERS = new Set([WAIT_KEY_PARAMETER, 'signature']);

const hashOf = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export interface ResumeUrl {
	url: string;
	/** Kept in the waiting item; the key itself only travels in the URL. */
	keyHash: string;
	/** The host, when it is this machine (a panel elsewhere cannot post to it). */
	localHost?: string;
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
	const local = /^https?:\/\/(localhost|127\.|\[::1\])/i.test(text);
	if (local) {
		const message = `Send and Wait for Delivery gives SMS Handover a resume URL on ${url.host}, which the panel cannot reach. Set WEBHOOK_URL (n8n 1.x) or N8N_WEBHOOK_URL (2.x) to n8n's public address, on every process that runs executions.`;
		context.logger.warn(message);
		hintOnce(context, 'localResumeUrl', {
			type: 'warning',
			message: `${message} (A local sandbox can reach it.)`,
			location: 'outputPane',
		});
	}
	return { url: text, keyHash: hashOf(key), ...(local ? { localHost: url.host } : {}) };
}

/** Constant-time: both sides are SHA-256 digests of the same length whatever was presented. */
export function keyMatches(expectedHash: unknown, presented: unknown): boolean {
	const value = Array.isArray(presented) ? presented[0] : presented;
	if (typeof expectedHash !== 'string' || !/^[0-9a-f]{64}$/.test(expectedHash) || typeof value !== 'string') return false;
	return timingSafeEqual(Buffer.from(hashOf(value), 'hex'), Buffer.from(expectedHash, 'hex'));
}
