import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { API_KEY_PATH_MARKER } from '../../../credentials/SmsHandoverApi.credentials';
import { interpretProviderAnswer } from '../helpers/providerResponse';

export const CREDENTIAL_TYPE = 'smsHandoverApi';
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Paths of the provider's API. Keys in paths are placed by the credential (see placeApiKey). */
export const endpoints = {
	send: '/smsapi/index',
	balance: `/miscapi/${API_KEY_PATH_MARKER}/getBalance/true/`,
	deliveryReport: (shootId: string) =>
		`/miscapi/${API_KEY_PATH_MARKER}/getDLR/${encodeURIComponent(shootId)}`,
	otpSend: '/send-otp/index',
	otpVerify: '/verify-otp/index',
};

export interface ApiRequest {
	method: IHttpRequestMethods;
	endpoint: string;
	qs?: IDataObject;
	/** Sent as application/x-www-form-urlencoded. */
	form?: IDataObject;
	timeout?: number;
	/** Item the request belongs to, for the error shown in n8n. */
	itemIndex?: number;
	/** A send cannot be retried blindly: a lost answer may hide a submitted SMS. */
	submitsMessages?: boolean;
}

/**
 * application/x-www-form-urlencoded, encoded here rather than by n8n: encodeURIComponent is about
 * ten times faster than URLSearchParams on a 50,000-message bulk body (measured: 5 vs 60 ms per
 * 10,000 messages), and decoders read %20 and + alike.
 */
export function encodeForm(form: IDataObject): string {
	const fields: string[] = [];
	for (const [name, value] of Object.entries(form)) {
		if (value === undefined || value === null) continue;
		fields.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
	}
	return fields.join('&');
}

/** Removes anything key-like from text that may quote a URL or a request body. */
export function redact(text: string): string {
	return text
		.replace(/(\/miscapi\/)[^/\s"'?#]+/gi, '$1***')
		.replace(/([?&\s"']key=)[^&\s"']*/gi, '$1***')
		.replace(/(^key=)[^&\s"']*/gi, '$1***');
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

function networkFailure(
	this: IExecuteFunctions,
	error: Error & { code?: string },
	request: ApiRequest,
	timeout: number,
): NodeApiError {
	const inner = (error.cause ?? {}) as { code?: string; message?: string };
	const code = inner.code ?? error.code ?? '';
	const rawMessage = String(inner.message ?? error.message ?? '');
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(rawMessage);
	const message = timedOut
		? `SMS Handover did not answer within ${timeout} ms`
		: (NETWORK_MESSAGES[code] ?? 'Could not reach SMS Handover');
	const descriptionParts = [redact(`${request.method} ${request.endpoint}: ${code || rawMessage}`)];
	if (request.submitsMessages) {
		descriptionParts.push(
			'The messages may or may not have been submitted. Check the delivery reports or the panel before sending again: this node never resends on its own.',
		);
	}
	// No `code` key: NodeApiError would swap our message for a generic one keyed on it.
	const cause: JsonObject = { message, networkCode: code || null };
	return new NodeApiError(this.getNode(), cause, {
		message,
		description: descriptionParts.join(' '),
		itemIndex: request.itemIndex,
	});
}

/**
 * The only function that talks HTTP. Returns the provider's parsed answer on success and throws
 * a NodeApiError carrying the provider's message otherwise (including errors sent with HTTP 200).
 */
export async function apiRequest(this: IExecuteFunctions, request: ApiRequest): Promise<unknown> {
	const timeout = request.timeout ?? DEFAULT_TIMEOUT_MS;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.endpoint,
		qs: request.qs,
		headers: { Accept: 'application/json, text/plain;q=0.9, */*;q=0.1' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		encoding: 'text',
		json: false,
		timeout,
	};
	if (request.form) {
		options.body = encodeForm(request.form);
		// With the charset parameter n8n passes our string through; on the bare media type it
		// parses the whole body into an object and throws it away (≈ 100 ms per 10,000 messages).
		options.headers = { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' };
	}

	let response: { statusCode: number; headers: IDataObject; body: unknown };
	try {
		response = await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options);
	} catch (error) {
		throw networkFailure.call(this, error as Error, request, timeout);
	}

	const retryAfter = response.headers?.['retry-after'];
	const answer = interpretProviderAnswer(
		response.statusCode,
		response.body,
		typeof retryAfter === 'string' ? retryAfter : undefined,
	);
	if (answer.ok) return answer.data;

	const message = redact(answer.message);
	const cause: JsonObject = { message, httpCode: answer.httpCode ?? null };
	throw new NodeApiError(this.getNode(), cause, {
		message,
		description: answer.description ? redact(answer.description) : undefined,
		httpCode: answer.httpCode,
		itemIndex: request.itemIndex,
	});
}

