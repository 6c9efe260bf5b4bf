import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';

/** The Events entry that lets every delivery status through (as does an empty selection). */
export const ALL_REPORTS = 'all';

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

// Short <code> pieces: n8n does not wrap inside one, and a long one pushes the notice past the panel.
const wiringNotice: INodeProperties = {
	displayName:
		"<b>Test</b>: copy the <b>Test URL</b> (Webhook URLs), add <code>?token=&lt;secret&gt;</code> (the Webhook credential's Secret Token), click Listen for test event, then push a report to it from the sandbox's control page (<code>npm run dev</code> prints its address), or send an SMS with it as DLR URL. <b>Live</b>: activate the workflow and use the <b>Production URL</b> the same way. Without the token a request gets 401 and starts nothing. SMS Handover has no API to register this URL: put it in the sending node's DLR URL option (its Add Trigger Token adds the token), or in the panel's delivery-report settings. <b>Inbound SMS</b>: set your panel's Default MO URL to the Production URL followed by <code>?token=&lt;secret&gt;</code> <code>&amp;from=%p&amp;text=%r</code> <code>&amp;to=%v&amp;&#105;d=%i</code> <code>&amp;time=%t&amp;keyword=%m</code> (all on one line).",
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

/**
 * What the trigger starts on. n8n's node list makes its trigger entries ("On …") from the first
 * parameter displayed as "Event", "Events" or "Trigger On", so this one names them (`action`).
 */
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
			action: 'On delivery report (any status)',
			description: 'The panel pushes the delivery report of a message sent with this URL as DLR URL',
		},
		{
			name: 'Inbound SMS',
			value: 'inboundSms',
			action: 'On inbound SMS',
			description: "A handset sends an SMS to one of the account's virtual numbers or keywords, and the panel forwards it",
		},
	],
};

const events: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	default: [ALL_REPORTS],
	displayOptions: { show: { triggerOn: ['deliveryReport'] } },
	description:
		'Which delivery reports start the workflow: All Reports, or only the statuses picked here (a report with another status is answered and ignored)',
	options: [
		{ name: 'All Reports', value: ALL_REPORTS, description: 'Every delivery report, whatever its status' },
		{ name: 'Delivered', value: 'delivered', description: 'Only reports of messages that reached the handset' },
		{ name: 'Expired', value: 'expired', description: 'Only reports of messages that expired before delivery' },
		{
			name: 'Failed',
			value: 'failed',
			description: 'Only reports of messages that could not be delivered (absent subscriber, invalid number, ...)',
		},
		{
			name: 'Pending',
			value: 'pending',
			description: 'Only reports of messages accepted, queued or on their way',
		},
		{ name: 'Rejected', value: 'rejected', description: 'Only reports of refused messages (DND, NDNC, ...)' },
		{ name: 'Unknown', value: 'unknown', description: 'Only reports with a status we do not recognise' },
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
