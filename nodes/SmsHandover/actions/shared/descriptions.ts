/** Parameters several operations show: spread into their descriptions, defined once here. */
import type { INodeProperties } from 'n8n-workflow';

import { BULK_LIMIT } from '../../helpers/panelLimits';
import { MAX_TIMEOUT_MS } from '../../transport';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from './concurrency';
import {
	balanceGuardOption,
	creditsPerSegmentOption,
	dryRunOption,
	extraParametersOption,
	templateIdOption,
} from './optionFields';

export const senderIdField: INodeProperties = {
	displayName: 'Sender ID',
	name: 'senderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'DEMO',
	description: 'An approved sender ID of your account',
};

export const contactsField: INodeProperties = {
	displayName: 'Contacts',
	name: 'contacts',
	type: 'string',
	required: true,
	default: '',
	placeholder: '919876543210, 919812345678',
	description:
		'Phone numbers with country code, separated by commas, spaces, semicolons or new lines, or an array from an expression. Duplicates are sent once.',
};

/** One phone number per item (Send Bulk, OTP Send). */
export const mobileField: INodeProperties = {
	displayName: 'Mobile',
	name: 'mobile',
	type: 'string',
	required: true,
	default: '',
	placeholder: '919876543210',
	description: 'Phone number with country code, e.g. 919876543210',
};

// Not `required` for n8n: with a Template ID (JSON API) there is no text. The node refuses an empty one otherwise.
export const messageField: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description:
		'Text of the SMS, at most 720 characters (required unless Options → Template ID is set). GSM-7 text costs one part per 160 characters (153 when split), other text one per 70 (67).',
};

const typeOption: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{
			name: 'Auto',
			value: 'auto',
			description: 'Text when the message fits the GSM-7 alphabet, Unicode otherwise',
		},
		{ name: 'Flash', value: 'flash', description: 'Shown on screen without being stored' },
		{ name: 'Text', value: 'text', description: 'GSM-7 text' },
		{ name: 'Unicode', value: 'unicode', description: 'Any script and emoji (UCS-2)' },
	],
	default: 'auto',
	description: 'SMS type sent to the provider',
};

const campaignOption: INodeProperties = {
	displayName: 'Campaign',
	name: 'campaign',
	type: 'string',
	default: '',
	placeholder: '0',
	description: 'ID of the campaign to file the messages under. Empty uses the default campaign.',
};

const routeIdOption: INodeProperties = {
	displayName: 'Route ID',
	name: 'routeId',
	type: 'string',
	default: '',
	description:
		'For accounts with several routes: the route to send on, as shown in the API details of the panel',
};

const dlrUrlOption: INodeProperties = {
	displayName: 'DLR URL',
	name: 'dlrUrl',
	type: 'string',
	default: '',
	placeholder: 'https://n8n.example.com/webhook/…/dlr',
	description:
		"URL the provider pushes delivery reports to. Paste the production URL of an SMS Handover Trigger here, without its token: turn on Add Trigger Token and select the trigger's Webhook credential on this node.",
};

const addTriggerTokenOption: INodeProperties = {
	displayName: 'Add Trigger Token',
	name: 'addTriggerToken',
	type: 'boolean',
	default: false,
	description:
		"Whether to add the secret token of this node's SMS Handover Webhook API credential to the DLR URL when sending (as token=…). Select the same credential as in the SMS Handover Trigger: the token then stays out of the workflow, previews and errors.",
};

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1000, maxValue: MAX_TIMEOUT_MS },
	default: 30000,
	description: 'How long to wait for the provider, in milliseconds',
};

const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
	default: DEFAULT_CONCURRENCY,
	description: 'How many items may be sent at the same time. Output stays in input order.',
};

const batchSizeOption: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: BULK_LIMIT },
	default: BULK_LIMIT,
	description: `Messages per request, at most ${BULK_LIMIT.toLocaleString('en-US')} (the provider's limit)`,
};

const bulkScheduleOption: INodeProperties = {
	displayName: 'Schedule At',
	name: 'scheduleAt',
	type: 'dateTime',
	default: '',
	description: "When to send, in the account's time zone set in the credential. Empty sends now.",
};

export const scheduleAtField: INodeProperties = {
	displayName: 'Schedule At',
	name: 'scheduleAt',
	type: 'dateTime',
	required: true,
	default: '',
	description: "When to send. Converted into the account's time zone set in the credential.",
};

/** An Options collection ("Add option") holding `options`, sorted by name as n8n's linter wants. */
export function optionsCollection(options: INodeProperties[], fields: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		...fields,
	};
}

/** What every sending operation offers; each adds its own (the collection sorts them by name). */
const messageOptions = [
	balanceGuardOption,
	creditsPerSegmentOption,
	dryRunOption,
	extraParametersOption,
	typeOption,
	campaignOption,
	routeIdOption,
	timeoutOption,
];

export const sendOptions = optionsCollection([...messageOptions, dlrUrlOption, addTriggerTokenOption, concurrencyOption, templateIdOption]);

export const bulkOptions = optionsCollection([
	...messageOptions,
	dlrUrlOption,
	addTriggerTokenOption,
	batchSizeOption,
	bulkScheduleOption,
	templateIdOption,
]);

/** As Send, without DLR URL (the node sets it) and Concurrency (one item per execution). */
export const sendAndWaitOptions = optionsCollection(messageOptions);

export const requestOptions = optionsCollection([timeoutOption]);

/** OTP Verify: the panel's codes are six digits, and every call uses up one of five attempts. */
export const verifyOptions = optionsCollection([
	timeoutOption,
	{
		displayName: 'Code Length',
		name: 'codeLength',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 12 },
		default: 6,
		description:
			"How many digits the panel's codes have (6 for SMS Handover). A code of other length or with other characters is refused before it can use up an attempt. 0 accepts any code.",
	},
]);
