/** The sending options that are not about one request's fields: pricing, checks and extras. */
import type { INodeProperties } from 'n8n-workflow';

export const extraParametersOption: INodeProperties = {
	displayName: 'Extra Parameters',
	name: 'extraParameters',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Parameter',
	default: {},
	description:
		"Further request parameters, sent as given. The panel forwards them to the route: Indian routes need the DLT entity and template IDs here, under the names your panel's API page lists for your account.",
	options: [
		{
			displayName: 'Parameter',
			name: 'parameter',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'dlt_template_id' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export const templateIdOption: INodeProperties = {
	displayName: 'Template ID',
	name: 'templateId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 12',
	description:
		"JSON API (v2) only: the panel's message template to send (its #name# fields filled from Send Bulk's Template Parameters). Message may then stay empty; the panel computes the final text, so Dry Run cannot count its parts.",
};

export const dryRunOption: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to check and price the messages without sending anything: each item shows its encoding, segments, credits and the request that would be sent (without the API key). Read from the first item.',
};

export const balanceGuardOption: INodeProperties = {
	displayName: 'Balance Guard',
	name: 'balanceGuard',
	type: 'boolean',
	default: false,
	description:
		"Whether to read the route's balance once before sending and send nothing when it cannot pay for every message (segments × recipients × Credits Per Segment). An admin key's unlimited balance passes. Read from the first item.",
};

export const creditsPerSegmentOption: INodeProperties = {
	displayName: 'Credits Per Segment',
	name: 'creditsPerSegment',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 4 },
	default: 1,
	description: 'What one SMS part costs on the route, in the units of its balance (Balance Guard and Dry Run)',
};
