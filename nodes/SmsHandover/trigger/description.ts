import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';

/** From this version the trigger refuses every request until it has a Webhook credential. */
export const SECRET_REQUIRED_FROM_VERSION = 4;

/** Panels push reports with GET or POST, so both methods answer on one path. */
export const dlrWebhooks: IWebhookDescription[] = [
	// responseData noData: an empty 200 (without it n8n answers with its default body text).
	{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', responseData: 'noData', path: 'dlr' },
	{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'dlr' },
];

const commonOptions: INodeProperties[] = [
	{
		displayName: 'Deduplicate',
		name: 'deduplicate',
		type: 'boolean',
		default: false,
		description:
			'Whether to drop a report already received (same shoot ID, number and status) within the deduplication window',
	},
	{
		displayName: 'Deduplication Window (Minutes)',
		name: 'deduplicateWindow',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		description:
			'How long a report is remembered for deduplication. Reports are remembered in memory, per n8n process: at most the last 50,000 of each trigger.',
	},
];

const deprecatedSecretToken: INodeProperties = {
	displayName: 'Secret Token (Deprecated)',
	name: 'secretToken',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		'Deprecated: it is stored in clear in the workflow and exported with it. Use a Webhook credential (SMS Handover Webhook API) instead; when both are set, the credential wins. When set, a request must carry this value as query parameter "token" or header "X-SMSHandover-Token"; other requests get 401 and start nothing.',
};

/** The Options collection, for every version of a description or only for some. */
function optionsCollection(options: INodeProperties[], displayOptions?: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		...(displayOptions ? { displayOptions } : {}),
		options,
	};
}

const wiringNotice: INodeProperties = {
	displayName:
		"SMS Handover has no API to register this URL. Delivery reports: paste this node's Production URL into the SMS Handover node's DLR URL option and turn on its Add Trigger Token option (it adds this trigger's secret when it sends), or into your panel's delivery-report settings with the secret appended: <code>.../dlr?token=&lt;secret&gt;</code>. Inbound SMS: set your panel's Default MO URL to <code>.../dlr?token=&lt;secret&gt;&amp;from=%p&amp;text=%r&amp;to=%v&amp;&#105;d=%i&amp;time=%t&amp;keyword=%m</code>.",
	name: 'notice',
	type: 'notice',
	default: '',
};

/** Versions 1–3 accept every request when no secret is set: existing workflows keep working, and this says what that means. */
const openDoorNotice: INodeProperties = {
	displayName:
		'Without an SMS Handover Webhook API credential (Credential to connect with), anyone who has this URL can start this workflow. Version 4 of this node requires one.',
	name: 'openDoorNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { '@version': [{ _cnd: { lt: SECRET_REQUIRED_FROM_VERSION } }] } },
};

/** What the trigger starts on. n8n names the node list's "On …" entries after this first multi-select. */
const triggerOn: INodeProperties = {
	displayName: 'Trigger On',
	name: 'triggerOn',
	type: 'multiOptions',
	default: ['deliveryReport'],
	description: 'What starts the workflow. Nothing selected means delivery reports.',
	options: [
		{
			name: 'Delivery Report',
			value: 'deliveryReport',
			description: 'The panel pushes the delivery report of a message sent with this URL as DLR URL',
		},
		{
			name: 'Inbound SMS',
			value: 'inboundSms',
			description: "A handset sends an SMS to one of the account's virtual numbers or keywords, and the panel forwards it",
		},
	],
};

const events: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	default: [],
	displayOptions: { show: { triggerOn: ['deliveryReport'] } },
	description: 'Which delivery statuses start the workflow. Leave empty for every report.',
	options: [
		{ name: 'Delivered', value: 'delivered', description: 'The message reached the handset' },
		{ name: 'Expired', value: 'expired', description: 'The message expired before delivery' },
		{
			name: 'Failed',
			value: 'failed',
			description: 'The message could not be delivered (absent subscriber, invalid number, ...)',
		},
		{
			name: 'Pending',
			value: 'pending',
			description: 'The message is accepted, queued or on its way',
		},
		{ name: 'Rejected', value: 'rejected', description: 'The message was refused (DND, NDNC, ...)' },
		{ name: 'Unknown', value: 'unknown', description: 'The report carries a status we do not recognise' },
	],
};

const secretRequiredNotice: INodeProperties = {
	displayName:
		'This version requires an SMS Handover Webhook API credential (Credential to connect with): without one the trigger refuses every request (401).',
	name: 'secretRequiredNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { '@version': [{ _cnd: { gte: SECRET_REQUIRED_FROM_VERSION } }] } },
};

/**
 * Two definitions of `options`: from version 3 the deprecated Secret Token is gone from the list
 * (the Webhook credential replaces it); versions 1 and 2 keep it so existing workflows still show,
 * and keep using, the value they have.
 */
export const triggerProperties: INodeProperties[] = [
	wiringNotice,
	openDoorNotice,
	secretRequiredNotice,
	triggerOn,
	events,
	optionsCollection(commonOptions, { hide: { '@version': [1, 2] } }),
	optionsCollection([...commonOptions, deprecatedSecretToken], { show: { '@version': [1, 2] } }),
];
