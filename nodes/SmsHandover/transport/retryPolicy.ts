/**
 * Whether a failed request may be sent again, and after how long. Pure: the caller passes the
 * clock, the remaining budget and the random draw, so every decision is a table lookup in tests.
 *
 * An SMS costs money and reaches a person: sending it twice is worse than failing loudly.
 */

/**
 * What a request does, which decides what may be retried:
 * - `read`: idempotent (balance, delivery reports): retried on 429/502/503/504 and lost connections;
 * - `send`: submits messages (SMS, OTP send): retried only when nothing can have reached the panel;
 * - `never`: one attempt whatever happens (OTP verify: every call counts as an attempt at the panel).
 */
export type RetryMode = 'read' | 'send' | 'never';

export const MAX_ATTEMPTS = 3;
/** Backoff before attempt n+1 is drawn from [d/2, d] with d = min(cap, base × 2^(n-1)). */
export const BACKOFF_BASE_MS = 400;
export const BACKOFF_CAP_MS = 5_000;
/** A retry is only worth making when at least this much of the budget is left for it. */
export const MIN_ATTEMPT_MS = 200;

/** The HTTP statuses after which a read is asked again. */
export const RETRY_STATUSES: readonly number[] = [429, 502, 503, 504];

/** Failures to open a connection: the request never left this machine, nothing was sent. */
export const NOTHING_SENT_CODES: readonly string[] = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'];

/** Connection failures after which a read is simply asked again. */
const READ_NETWORK_CODES: readonly string[] = [
	...NOTHING_SENT_CODES,
	'ECONNRESET',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
];

export type Failure =
	/** The panel (or a proxy in front of it) answered with this HTTP status. */
	| { kind: 'status'; status: number; retryAfter?: string }
	/** No answer: connection failure (Node's error code) or the attempt's timeout. */
	| { kind: 'network'; code: string; timedOut: boolean }
	/** An answer that is final whatever its status: ERR text, a JSON error, a web page, ... */
	| { kind: 'answer' }
	/** A 3xx: never followed (the key would go along), never retried; the panel took nothing. */
	| { kind: 'redirect'; status: number };

export type RetryDecision =
	| { retry: true; waitMs: number }
	| {
			retry: false;
			/** not-retryable: the mode forbids it; attempts: MAX_ATTEMPTS made; budget: no time left. */
			reason: 'not-retryable' | 'attempts' | 'budget';
			/** For `budget`: the wait Retry-After asked for, when that is what did not fit. */
			retryAfterMs?: number;
	  };

export interface RetryState {
	/** Attempts made so far (1 after the first). */
	attempts: number;
	/** Milliseconds left of the request's timeout budget. */
	remainingMs: number;
	/** Epoch milliseconds, to read a Retry-After HTTP-date. */
	now: number;
	/** A draw from [0, 1) for the jitter. */
	random: number;
}

/** Whether nothing of this request can have reached the panel. */
export function provesNothingSent(failure: Failure): boolean {
	return failure.kind === 'network' && !failure.timedOut && NOTHING_SENT_CODES.includes(failure.code);
}

export function isRetryable(mode: RetryMode, failure: Failure): boolean {
	if (mode === 'never') return false;
	if (mode === 'send') return provesNothingSent(failure);
	if (failure.kind === 'status') return RETRY_STATUSES.includes(failure.status);
	// A read that timed out is safe to repeat; the budget decides whether there is time to.
	if (failure.kind === 'network') return failure.timedOut || READ_NETWORK_CODES.includes(failure.code);
	return false;
}

/**
 * Retry-After in milliseconds: delay-seconds (`120`) or an HTTP-date. Undefined when absent or
 * unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	const text = value?.trim();
	if (!text) return undefined;
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	if (!/[a-z]/i.test(text)) return undefined;
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Wait before the attempt after `attempts` attempts: capped exponential, equal jitter. */
export function backoffMs(attempts: number, random: number): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
	return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}

export function retryDecision(mode: RetryMode, failure: Failure, state: RetryState): RetryDecision {
	if (!isRetryable(mode, failure)) return { retry: false, reason: 'not-retryable' };
	if (state.attempts >= MAX_ATTEMPTS) return { retry: false, reason: 'attempts' };
	const retryAfterMs =
		failure.kind === 'status' ? parseRetryAfter(failure.retryAfter, state.now) : undefined;
	const waitMs = retryAfterMs ?? backoffMs(state.attempts, state.random);
	if (waitMs + MIN_ATTEMPT_MS > state.remainingMs) {
		return retryAfterMs === undefined
			? { retry: false, reason: 'budget' }
			: { retry: false, reason: 'budget', retryAfterMs };
	}
	return { retry: true, waitMs };
}

function seconds(ms: number): string {
	const value = ms / 1000;
	return `${Number.isInteger(value) ? value : value.toFixed(1)} s`;
}

/**
 * What the final error adds to the last cause: how many attempts were made and why the node
 * stopped. Empty for a single attempt that was never going to be retried, and for a single
 * attempt that timed out (its message already says the budget ran out).
 */
export function stopNote(
	decision: RetryDecision,
	attempts: number,
	budget: { totalMs: number; remainingMs: number },
	timedOut: boolean,
): string {
	if (decision.retry) return '';
	const made = `${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}`;
	if (decision.reason !== 'budget') return attempts === 1 ? '' : `; gave up after ${made}`;
	if (timedOut && decision.retryAfterMs === undefined) return attempts === 1 ? '' : `; gave up after ${made}`;
	const stopped = attempts === 1 ? 'not retried' : `gave up after ${made}`;
	const left = Math.max(0, Math.round(budget.remainingMs));
	const why =
		decision.retryAfterMs === undefined
			? `no time left for another attempt within the ${budget.totalMs} ms timeout (${left} ms left)`
			: `SMS Handover asked to wait ${seconds(decision.retryAfterMs)} (Retry-After), more than the ${left} ms left of the ${budget.totalMs} ms timeout`;
	return `; ${stopped}: ${why}`;
}
