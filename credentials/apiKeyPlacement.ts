import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { credentialTimeZone, timeZoneProblem } from './accountTimeZone';

export const API_CREDENTIAL_TYPE = 'smsHandoverApi';

/**
 * Where a URL path must carry the API key (balance and delivery-report endpoints), the transport
 * writes this marker and `placeApiKey` substitutes it. The key itself never leaves this file.
 */
export const API_KEY_PATH_MARKER = '{apiKey}';

/** The balance endpoint: it reads nothing but the key, so testing a credential consumes nothing. */
export const BALANCE_PATH = `/miscapi/${API_KEY_PATH_MARKER}/getBalance/true/`;

/**
 * Marks the credential's Test request. `authenticate` removes it and checks the Account Time Zone
 * then (a declarative test can only look at the panel's answer, which knows nothing of it), so a
 * zone n8n does not know fails the Test instead of the first scheduled send.
 */
export const CREDENTIAL_TEST_HEADER = 'x-smshandover-credential-test';

/** Which of the panel's APIs the credential speaks (its API field): the documented classic one, or JSON (v2). */
export type ApiVersion = 'classic' | 'v2';

export const apiVersionOf = (credentials: ICredentialDataDecryptedObject): ApiVersion =>
	credentials.apiVersion === 'v2' ? 'v2' : 'classic';

/** What the Test reads under v2: the credits, a read that consumes nothing. */
export const V2_CREDITS_PATH = '/api/v2/credits';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Why the key may not go to the credential's Base URL, or null. It goes only over https, or over
 * plain http to this machine (the sandbox) or when the user turned on Allow Unencrypted HTTP:
 * otherwise it would cross the network in clear, in the path of balance and report requests.
 */
export function insecureBaseUrl(credentials: ICredentialDataDecryptedObject): string | null {
	let url: URL;
	try {
		url = new URL(String(credentials.baseUrl ?? '').trim());
	} catch {
		return null; // Not a URL at all: the request fails on it with n8n's own message.
	}
	if (url.protocol === 'https:') return null;
	if (url.protocol !== 'http:') return `The credential's Base URL must start with https:// (it starts with ${url.protocol}//).`;
	if (LOOPBACK.test(url.hostname) || credentials.allowUnencryptedHttp === true) return null;
	return `The credential's Base URL (${url.origin}) uses plain http://: the API key, numbers and messages would cross the network unencrypted. Use the panel's https:// address, or turn on Allow Unencrypted HTTP in the credential if the panel serves no HTTPS.`;
}

/**
 * The one audited place that puts the API key on a request:
 * - JSON API (v2): only in the `Authorization: Bearer` header, as the panel's API pages say;
 * - classic API: a path containing the marker gets the key in the path (the provider gives no
 *   other way); POST requests carry it in the form body, so it stays out of URLs and access logs;
 *   other requests (the documented GETs) carry it as the `key` query parameter.
 */
export async function placeApiKey(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const insecure = insecureBaseUrl(credentials);
	if (insecure) throw new Error(insecure);
	const key = String(credentials.apiKey ?? '').trim();
	const options: IHttpRequestOptions = { ...requestOptions };
	const isTest = options.headers !== undefined && CREDENTIAL_TEST_HEADER in options.headers;
	if (isTest) {
		options.headers = { ...options.headers };
		delete options.headers[CREDENTIAL_TEST_HEADER];
		const zoneProblem = timeZoneProblem(credentialTimeZone(credentials));
		if (zoneProblem) throw new Error(zoneProblem);
	}
	options.baseURL = String(credentials.baseUrl ?? '').replace(/\/+$/, '') || undefined;

	if (apiVersionOf(credentials) === 'v2') {
		if (isTest) {
			// The Test's rules read a classic text answer's first character. A v2 answer is JSON, so
			// the rules can name what its `status` means. HTTP errors stay errors: read as bodies, a
			// 401 or 500 without the v2 fields would pass the Test.
			options.url = V2_CREDITS_PATH;
			delete options.encoding;
			options.json = true;
		} else if (options.url.includes(API_KEY_PATH_MARKER)) {
			throw new Error('This request belongs to the classic API, but the credential speaks the JSON API (v2).');
		}
		options.headers = { ...options.headers, Authorization: `Bearer ${key}` };
		return options;
	}

	if (options.url.includes(API_KEY_PATH_MARKER)) {
		options.url = options.url.split(API_KEY_PATH_MARKER).join(encodeURIComponent(key));
	} else if ((options.method ?? 'GET').toUpperCase() === 'POST') {
		// The transport sends forms already url-encoded (a bulk body can be megabytes).
		options.body =
			typeof options.body === 'string'
				? `key=${encodeURIComponent(key)}${options.body ? `&${options.body}` : ''}`
				: { key, ...((options.body as object | undefined) ?? {}) };
	} else {
		options.qs = { key, ...(options.qs ?? {}) };
	}
	return options;
}

