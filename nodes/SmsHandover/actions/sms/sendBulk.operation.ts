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
	bulkOptions,
]);

/**
 * All input items become personalised messages in as few POSTs as the panel allows (50,000 per
 * request, grouped by sender ID and SMS type). Every option applies to the whole run.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await sendMessages(this, items, { plan: 'bulk' });
}
