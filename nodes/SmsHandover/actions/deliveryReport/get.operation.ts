import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { pullReports } from '../shared/deliveryReports';
import { optionsCollection, timeoutOption } from '../shared/descriptions';
import { forOperation } from '../shared/displayOptions';
import { toRequiredText } from '../shared/input';
import { itemParameter } from '../shared/itemParameters';
import { booleanOption, readTimeout } from '../shared/options';
import { processItems } from '../shared/processItems';

export const description: INodeProperties[] = forOperation('deliveryReport', 'get', [
	{
		displayName: 'Shoot ID',
		name: 'shootId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.shootId }}',
		description: 'The shoot ID (shootId) that Send, Schedule or Send Bulk returned',
	},
	optionsCollection([
		timeoutOption,
		{
			displayName: 'By Message ID',
			name: 'byMessageId',
			type: 'boolean',
			default: false,
			description:
				"Whether Shoot ID holds one message's ID (smsId, from messageIds or Send Bulk's smsId) instead of a shoot ID. JSON API (v2) only.",
		},
	]),
]);

/** One item per recipient report, in the same shape as the SMS Handover Trigger's items. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const node = this.getNode();
	const shootIds = itemParameter(this, 'shootId', items);
	return await processItems(this, items, {
		concurrency: 5,
		prepare: (itemIndex) => ({
			shootId: toRequiredText(node, shootIds(itemIndex), itemIndex, 'shootId'),
			timeout: readTimeout(this, itemIndex),
			byMessageId: booleanOption(node, (this.getNodeParameter('options', itemIndex, {}) as IDataObject).byMessageId, 'options.byMessageId', itemIndex),
		}),
		perform: async ({ shootId, timeout, byMessageId }, itemIndex) => await pullReports(this, shootId, timeout, itemIndex, byMessageId),
	});
}
