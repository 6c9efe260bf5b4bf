import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { accountTimeZoneProperties } from './accountTimeZone';
import { BALANCE_PATH, CREDENTIAL_TEST_HEADER, placeApiKey } from './apiKeyPlacement';

export {
	API_CREDENTIAL_TYPE,
	API_KEY_PATH_MARKER,
	BALANCE_PATH,
	CREDENTIAL_TEST_HEADER,
	V2_CREDITS_PATH,
	apiVersionOf,
	insecureBaseUrl,
	placeApiKey,
	type ApiVersion,
} from './apiKeyPlacement';

const REFUSED_KEY = (status: number) =>
	`SMS Handover refused the API key (HTTP ${status}). Copy it again from the API section of your panel, and check the credential's API.`;
const NO_V2 = (status: number) =>
	`SMS Handover has no JSON API (v2) at this Base URL (HTTP ${status}). Check the Base URL, or set the credential's API to the documented one.`;
const UNAVAILABLE = (status: number) => `SMS Handover is unavailable (HTTP ${status}). Try the Test again later.`;

const NOTHING_THERE = (status: number) =>
	`SMS Handover has no such API at this Base URL (HTTP ${status}). Check the Base URL, and the credential's API (the JSON API (v2) needs a panel whose API menu shows api/v2/sms).`;

/** What an HTTP status means, for the Test's rules: `message(status)` names it. */
const FAILING_STATUSES: Array<[number, (status: number) => string]> = [
	[400, () => "SMS Handover refused the request (HTTP 400). Check the Base URL and the credential's API."],
	[401, REFUSED_KEY],
	[403, REFUSED_KEY],
	[404, NOTHING_THERE],
	[405, NOTHING_THERE],
	...[429, 500, 502, 503, 504].map((status): [number, (status: number) => string] => [status, UNAVAILABLE]),
];

/** The same statuses as a JSON API (v2) error body names them (`status`, a number or its text). */
const V2_BODY_FAILURES: Array<[number | string, string]> = FAILING_STATUSES.flatMap(([status, message]) => {
	const text = status === 404 || status === 405 ? NO_V2(status) : message(status);
	return [
		[status, text],
		[String(status), text],
	];
});

const V2_REFUSED = 'SMS Handover refused the request (its JSON API answered with an error). Check the API key and the Base URL.';

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
			displayName: 'API',
			name: 'apiVersion',
			type: 'options',
			options: [
				{
					name: 'As in the API Documentation',
					value: 'classic',
					description: 'The classic API: /smsapi/index, /miscapi/…, /send-otp, /verify-otp',
				},
				{
					name: 'JSON API (V2)',
					value: 'v2',
					description: 'The API your panel\'s "HTTP API" page shows (api/v2/sms): one ID per message, templates, the key in a header',
				},
			],
			default: 'classic',
			description:
				'Which of the panel\'s APIs to use. Choose JSON API (v2) when your panel\'s API menu has an "HTTP API" page showing api/v2/sms; keep the documented one otherwise.',
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
			displayOptions: { show: { apiVersion: ['classic'] } },
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
			displayOptions: { show: { apiVersion: ['classic'] } },
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
	 * The "Test" button: one GET of the balance, through `authenticate` like every request (which
	 * checks the Account Time Zone first, and under the JSON API (v2) reads api/v2/credits instead).
	 *
	 * Declarative, not a node's `testedBy` function: a function test only gets the deprecated
	 * `request` helper in n8n 1.x and 2.x, which n8n's verification scanner rejects. n8n runs this
	 * request with its RoutingNode and fails the test when a rule matches: `responseSuccessBody`
	 * compares lodash `get(body, key)` with `value`; an HTTP error fails it, `responseCode` naming the
	 * status (n8n 1.123 reads no status from the error RoutingNode throws, measured by the e2e suite,
	 * and gives its own words). The classic panel answers every balance request with HTTP 200 and one of: a JSON
	 * array of routes (good key), `INFO: ADMIN HAS UNLIMITED BALANCE AND VALIDITY` (the admin's key)
	 * or `ERR: INVALID API KEY`. The body is read as text, so `get(body, '0')` is its first
	 * character: `E` is the panel's error, `<` a web page, `{` JSON but no balance. (Parsed as JSON,
	 * the `[]` of an account without routes gives n8n no item, and its rule check throws a TypeError
	 * instead of answering.) A v2 answer is read as JSON, its errors too (`{success: false, status, message}`): the
	 * `status` rules name them, and no rule matches its success.
	 * Anything else answered with 2xx passes; other HTTP errors and unreachable hosts fail in n8n itself.
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
		// Both kinds of rule in one list: n8n's tester (1.x and 2.x) reads each by its `type`, status
		// rules on an HTTP error and body rules on a success; the type only lists one kind per list.
		rules: [
			// An HTTP error fails the Test whatever its body: named here where n8n reads the status (2.x),
			// in n8n's own words otherwise (1.x).
			...FAILING_STATUSES.map(([status, message]) => ({
				type: 'responseCode' as const,
				properties: { value: status, message: message(status) },
			})),
			// The JSON API (v2) may answer an error with HTTP 200, its body `{ success: false, status, message }`:
			// these name what the status means. A classic answer is text, without such fields.
			...V2_BODY_FAILURES.map(([status, message]) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: 'status', value: status, message },
			})),
			...[false, 'false', 'error', 'failed', 'failure'].map((value) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: typeof value === 'boolean' || value === 'false' ? 'success' : 'status', value, message: V2_REFUSED },
			})),
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
		] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as IAuthenticateRuleResponseSuccessBody[],
	};
}
