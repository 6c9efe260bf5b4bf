import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { sendMessages } from '../../sending';
import { bulkOptions, messageField, mobileField, senderIdField } from '../shared/descriptions';
import { forOperation } from '../shared/displayOptions';

export const description: INodeProperties[] = forOperation('sms', 'sendBulk', [
	senderIdField,
	{
		...mobileField,
		placeholder: '={{ $json.mobile }}',
		description:
			'Phone number of this item’s recipient, with country code. Map it from the input, e.g. by dragging a field here.',
	},
	{
		...messageField,
		placeholder: '=Hello {{ $json.name }}',
		description: `${messageField.description} Evaluated for each item, so every recipient gets a personal text.`,
	},
	{
		displayName: 'Template Parameters',
		name: 'parameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		description:
			"JSON API (v2) only: this item's values for the #name# fields of the text, e.g. name → the recipient's first name, mapped from the input. With Options → Template ID they fill the panel's template; otherwise the node fills them into Message.",
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'name' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	bulkOptions,
]);

/**
 * All input items become personalised messages in as few POSTs as the panel allows (50,000 per
 * request, grouped by sender ID and SMS type). Every option applies to the whole run.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await sendMessages(this, items, { plan: 'bulk' });
}
