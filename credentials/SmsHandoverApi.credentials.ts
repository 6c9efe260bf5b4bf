import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { accountTimeZoneProperties, credentialTimeZone, timeZoneProblem } from './accountTimeZone';

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
const CREDENTIAL_TEST_HEADER = 'x-smshandover-credential-test';

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
 * - a path containing the marker gets the key in the path (the provider gives no other way);
 * - POST requests carry it in the form body, so it stays out of URLs and access logs;
 * - other requests (the documented GETs) carry it as the `key` query parameter.
 */
export async function placeApiKey(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const insecure = insecureBaseUrl(credentials);
	if (insecure) throw new Error(insecure);
	const key = String(credentials.apiKey ?? '').trim();
	const options: IHttpRequestOptions = { ...requestOptions };
	if (options.headers && CREDENTIAL_TEST_HEADER in options.headers) {
		options.headers = { ...options.headers };
		delete options.headers[CREDENTIAL_TEST_HEADER];
		const zoneProblem = timeZoneProblem(credentialTimeZone(credentials));
		if (zoneProblem) throw new Error(zoneProblem);
	}
	options.baseURL = String(credentials.baseUrl ?? '').replace(/\/+$/, '') || undefined;

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

export class SmsHandoverApi implements ICredentialType {
	name = 'smsHandoverApi';

	displayName = 'SMS Handover API';

	icon: Icon = { light: 'file:smsHandover.svg', dark: 'file:smsHandover.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-smshandover#sms-handover-api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The API key shown in the API section of your SMS Handover panel',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://console.smshandover.com',
			description:
				'Address of the SMS Handover panel. Change it for a white-label panel of the same product or for the local sandbox.',
		},
		{
			displayName: 'Allow Unencrypted HTTP',
			name: 'allowUnencryptedHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether to accept a Base URL that starts with http:// (for a panel that serves no HTTPS). The API key, every number and message then cross the network in clear text, readable by anyone on the way, and balance and report requests carry the key in their URL. Not needed for http://localhost.',
		},
		{
			displayName: 'Bulk Parameter Name',
			name: 'bulkParameterName',
			type: 'options',
			options: [
				{
					name: 'As in the API Documentation',
					value: 'bulk_campaigm',
					description: 'Sends them as "bulk_campaigm" (without the final n), the spelling of SMS Handover\'s API documentation',
				},
				{
					name: 'Corrected Spelling',
					value: 'bulk_campaign',
					description: 'Sends them as "bulk_campaign", the spelling the panel\'s Node API reads',
				},
			],
			default: 'bulk_campaigm',
			description:
				'Name of the parameter that carries personalised messages (Send Bulk). If a two-message Send Bulk test fails with "Malformed Request" or "MISSING CONTACTS", your panel expects the other spelling.',
		},
		{
			displayName: 'Panel Decodes Messages',
			name: 'messageDecoding',
			type: 'options',
			options: [
				{
					name: 'Once (as Documented)',
					value: 'once',
					description: 'The panel reads the message text as the API documentation says',
				},
				{
					name: 'Twice',
					value: 'twice',
					description:
						'The panel decodes the text a second time (a "+" arrives as a space): the node encodes it once more, so it arrives as written',
				},
			],
			default: 'once',
			description:
				'How your panel reads Send and Schedule texts. Send yourself a message with a "+" in it: if it arrives as a space, choose Twice. Send Bulk is not affected.',
		},
		...accountTimeZoneProperties,
	];

	authenticate = placeApiKey;

	/**
	 * The "Test" button: one GET of the balance, through `authenticate` like every request.
	 *
	 * Declarative, not a node's `testedBy` function: a function test only gets the deprecated
	 * `request` helper in n8n 1.x and 2.x, which n8n's verification scanner rejects. n8n runs this
	 * request with its RoutingNode and fails the test when a rule matches: `responseSuccessBody`
	 * compares lodash `get(body, key)` with `value`. The panel answers every balance request with
	 * HTTP 200 and one of: a JSON array of routes (good key), `INFO: ADMIN HAS UNLIMITED BALANCE AND
	 * VALIDITY` (the admin's key) or `ERR: INVALID API KEY`. The body is read as text, so `get(body,
	 * '0')` is its first character: `E` is the panel's error, `<` a web page, `{` JSON but no balance.
	 * (Parsed as JSON, the `[]` of an account without routes gives n8n no item, and its rule check
	 * throws a TypeError instead of answering.)
	 * Anything else answered with 2xx passes; HTTP errors and unreachable hosts fail in n8n itself.
	 * OTP endpoints are never called: a verify with an empty reference uses up an attempt of the
	 * account's first pending OTP.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: BALANCE_PATH,
			headers: { Accept: 'application/json, text/plain;q=0.9, */*;q=0.1', [CREDENTIAL_TEST_HEADER]: '1' },
			json: false,
			encoding: 'text',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: '0',
					value: 'E',
					message:
						'SMS Handover rejected the API key (ERR: INVALID API KEY). Copy it again from the API section of your panel.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: '0',
					value: '<',
					message: 'SMS Handover answered with a web page instead of API data. Check the Base URL.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: '0',
					value: '{',
					message: 'SMS Handover answered, but not with a balance. Check the Base URL.',
				},
			},
		],
	};
}
