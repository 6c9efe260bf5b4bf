import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { API_CREDENTIAL_TYPE, API_KEY_PATH_MARKER, V2_CREDITS_PATH } from '../../../credentials/SmsHandoverApi.credentials';
import { interpretProviderAnswer } from '../helpers/providerResponse';
import { assertSecureBaseUrl, redirectFailure } from './keySafety';
import { readNetworkError } from './networkError';
import {
	provesNothingSent,
	retryDecision,
	stopNote,
	type Failure,
	type RetryMode,
} from './retryPolicy';

export const CREDENTIAL_TYPE = API_CREDENTIAL_TYPE;

/** Who may talk to the panel: an operation, or the node's webhook() resuming a send-and-wait. */
export type ApiContext = IExecuteFunctions | IWebhookFunctions;
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The longest Timeout: what Node's timers can wait (a longer one fires at once). */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/** Paths of the provider's API. Keys in paths are placed by the credential (see placeApiKey). */
export const endpoints = {
	send: '/smsapi/index',
	balance: `/miscapi/${API_KEY_PATH_MARKER}/getBalance/true/`,
	deliveryReport: (shootId: string) =>
		`/miscapi/${API_KEY_PATH_MARKER}/getDLR/${encodeURIComponent(shootId)}`,
	otpSend: '/send-otp/index',
	otpVerify: '/verify-otp/index',
	/** The panel's JSON API (v2): the key goes in the Authorization header only. */
	v2: {
		send: '/api/v2/sms',
		credits: V2_CREDITS_PATH,
		deliveryReport: '/api/v2/dlr',
		otpSend: '/api/v2/otp',
		otpVerify: '/api/v2/otp/verify',
	},
};

export interface ApiRequest {
	method: IHttpRequestMethods;
	endpoint: string;
	qs?: IDataObject;
	/** Sent as application/x-www-form-urlencoded. */
	form?: IDataObject;
	/** Sent as application/json (the JSON API, v2). */
	json?: IDataObject;
	/** Budget in ms for the whole call, retries and their waits included. */
	timeout?: number;
	/** Item the request belongs to, for the error shown in n8n. */
	itemIndex?: number;
	/**
	 * What may be retried (see retryPolicy.ts): `read` for idempotent reads, `send` for anything
	 * that submits messages (retried only when nothing was sent), `never` (default) for one attempt.
	 */
	retry?: RetryMode;
}

/**
 * application/x-www-form-urlencoded, encoded here rather than by n8n: encodeURIComponent is about
 * ten times faster than URLSearchParams on a 50,000-message bulk body (measured: 5 vs 60 ms per
 * 10,000 messages), and decoders read %20 and + alike. A list or object (the personalised bulk
 * list) is sent as JSON, the form the panel reads it in.
 */
export function encodeForm(form: IDataObject): string {
	const fields: string[] = [];
	for (const [name, value] of Object.entries(form)) {
		if (value === undefined || value === null) continue;
		const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
		fields.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
	}
	return fields.join('&');
}

/** Removes anything key-like (the API key, a trigger's token) from text that may quote a URL or a request body. */
export function redact(text: string): string {
	return text
		.replace(/(\/miscapi\/)[^/\s"'?#]+/gi, '$1***')
		.replace(/([?&\s"'](?:key|token)=)[^&\s"']*/gi, '$1***')
		.replace(/(^(?:key|token)=)[^&\s"']*/gi, '$1***');
}

const NETWORK_MESSAGES: Record<string, string> = {
	ECONNREFUSED: 'SMS Handover refused the connection',
	ECONNRESET: 'SMS Handover closed the connection before answering',
	EPIPE: 'SMS Handover closed the connection before answering',
	ENOTFOUND: 'The SMS Handover host name could not be resolved',
	EAI_AGAIN: 'The SMS Handover host name could not be resolved',
	ETIMEDOUT: 'SMS Handover did not answer in time',
	ECONNABORTED: 'SMS Handover did not answer in time',
};

const MAY_HAVE_BEEN_SENT =
	'The messages may or may not have been submitted. Check the delivery reports or the panel before sending again: this node never resends on its own.';
const NOTHING_SENT = 'Nothing was submitted: the connection to SMS Handover could not be opened.';

/** One failed attempt: what the policy decides on, and what the user will read. */
interface FailedAttempt {
	failure: Failure;
	message: string;
	description?: string;
	httpCode?: string;
	networkCode?: string;
}

type Attempt = { ok: true; data: unknown } | ({ ok: false } & FailedAttempt);

function networkFailure(error: unknown, request: ApiRequest, budgetMs: number): FailedAttempt {
	const { code, timedOut, rawMessage } = readNetworkError(error);
	const failure: Failure = { kind: 'network', code, timedOut };
	const message = timedOut
		? `SMS Handover did not answer within ${budgetMs} ms`
		: (NETWORK_MESSAGES[code] ?? 'Could not reach SMS Handover');
	const descriptionParts = [redact(`${request.method} ${request.endpoint}: ${code || rawMessage}`)];
	if (request.retry === 'send') {
		descriptionParts.push(provesNothingSent(failure) ? NOTHING_SENT : MAY_HAVE_BEEN_SENT);
	}
	return { failure, message, description: descriptionParts.join(' '), networkCode: code || undefined };
}

async function attempt(
	context: ApiContext,
	request: ApiRequest,
	options: IHttpRequestOptions,
	budgetMs: number,
): Promise<Attempt> {
	let response: { statusCode: number; headers: IDataObject; body: unknown };
	try {
		response = await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, options);
	} catch (error) {
		return { ok: false, ...networkFailure(error, request, budgetMs) };
	}

	const status = response.statusCode;
	if (status >= 300 && status < 400) return { ok: false, ...redirectFailure(request, status, response.headers?.location) };

	const header = response.headers?.['retry-after'];
	const retryAfter = typeof header === 'string' ? header : undefined;
	const answer = interpretProviderAnswer(response.statusCode, response.body, retryAfter);
	if (answer.ok) return { ok: true, data: answer.data };

	const failure: Failure = status >= 400 ? { kind: 'status', status, retryAfter } : { kind: 'answer' };
	let description = answer.description ? redact(answer.description) : undefined;
	// A 5xx may come from a proxy after the panel took the request, and an answer that cannot
	// be read (cut off, empty, a page in front of the API) may hide a success.
	if (request.retry === 'send' && (status >= 500 || answer.unreadable)) {
		description = description ? `${description} ${MAY_HAVE_BEEN_SENT}` : MAY_HAVE_BEEN_SENT;
	}
	return { ok: false, failure, message: redact(answer.message), description, httpCode: answer.httpCode };
}

/**
 * The only function that talks HTTP. Returns the provider's parsed answer on success and throws
 * a NodeApiError carrying the provider's message otherwise (including errors sent with HTTP 200).
 * Retries only what `request.retry` allows (see retryPolicy.ts), all within `request.timeout`.
 */
export async function apiRequest(context: ApiContext, request: ApiRequest): Promise<unknown> {
	await assertSecureBaseUrl(context, request);
	const budgetMs = request.timeout ?? DEFAULT_TIMEOUT_MS;
	const mode = request.retry ?? 'never';
	const deadline = Date.now() + budgetMs;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.endpoint,
		qs: request.qs,
		headers: { Accept: 'application/json, text/plain;q=0.9, */*;q=0.1' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// The key travels in a header, the form, the query or the path: a redirect must not carry it elsewhere.
		disableFollowRedirect: true,
		encoding: 'text',
		json: false,
		timeout: budgetMs,
	};
	if (request.json) {
		options.body = JSON.stringify(request.json);
		options.headers = { ...options.headers, 'Content-Type': 'application/json; charset=utf-8' };
	} else if (request.form) {
		options.body = encodeForm(request.form);
		// With the charset parameter n8n passes our string through; on the bare media type it
		// parses the whole body into an object and throws it away (≈ 100 ms per 10,000 messages).
		options.headers = { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' };
	}

	for (let attempts = 1; ; attempts++) {
		// Each attempt may use all that is left of the budget, so a slow panel can still answer.
		const result = await attempt(context, request, { ...options, timeout: Math.max(1, deadline - Date.now()) }, budgetMs);
		if (result.ok) return result.data;

		const remainingMs = deadline - Date.now();
		const decision = retryDecision(mode, result.failure, {
			attempts,
			remainingMs,
			now: Date.now(),
			random: Math.random(),
		});
		if (decision.retry) {
			context.logger.info(
				redact(
					`SMS Handover: ${request.method} ${request.endpoint} failed (${result.message}); attempt ${attempts + 1} in ${decision.waitMs} ms`,
				),
			);
			await sleep(decision.waitMs);
			continue;
		}

		const timedOut = result.failure.kind === 'network' && result.failure.timedOut;
		const message = `${result.message}${stopNote(decision, attempts, { totalMs: budgetMs, remainingMs }, timedOut)}`;
		// No `code` key: NodeApiError would swap our message for a generic one keyed on it.
		const cause: JsonObject =
			result.failure.kind === 'network'
				? { message, networkCode: result.networkCode ?? null }
				: { message, httpCode: result.httpCode ?? null };
		throw new NodeApiError(context.getNode(), cause, {
			message,
			description: result.description,
			httpCode: result.httpCode,
			itemIndex: request.itemIndex,
		});
	}
}

export { apiVersion, type ApiVersion } from './apiVersion';
