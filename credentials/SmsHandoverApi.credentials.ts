import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/**
 * Where a URL path must carry the API key (balance and delivery-report endpoints), the transport
 * writes this marker and `placeApiKey` substitutes it. The key itself never leaves this file.
 */
export const API_KEY_PATH_MARKER = '{apiKey}';

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
	const key = String(credentials.apiKey ?? '').trim();
	const options: IHttpRequestOptions = { ...requestOptions };
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

	documentationUrl = 'https://github.com/n8n-nodes-smshandover/n8n-nodes-smshandover#credential';

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
			displayName: 'Bulk Parameter Name',
			name: 'bulkParameterName',
			type: 'options',
			options: [
				{
					name: 'Bulk_campaigm (as Documented)',
					value: 'bulk_campaigm',
					description: "The spelling in SMS Handover's API documentation",
				},
				{
					name: 'Bulk_campaign',
					value: 'bulk_campaign',
					description: "The spelling the panel's Node API reads",
				},
			],
			default: 'bulk_campaigm',
			description:
				'Name of the parameter that carries personalised messages (Send Bulk). If a two-message Send Bulk test fails with "Malformed Request" or "MISSING CONTACTS", your panel expects the other spelling.',
		},
		{
			displayName: 'Account Time Zone',
			name: 'timeZone',
			type: 'string',
			default: 'Asia/Kolkata',
			placeholder: 'Asia/Kolkata',
			description:
				'IANA time zone the panel uses for scheduled messages. Scheduled times are converted into it.',
		},
	];

	authenticate = placeApiKey;

	// No declarative `test` here: the balance endpoint answers "ERR: ..." text, often with HTTP 200,
	// which a declarative test cannot report with the provider's message. The action node's
	// `smsHandoverApiTest` method (testedBy) does.
}
