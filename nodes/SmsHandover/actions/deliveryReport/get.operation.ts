import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { requestOptions } from '../common.descriptions';
import { forOperation } from '../displayOptions';
import { itemParameter } from '../itemParameters';
import { processItems } from '../processItems';
import { pullReports } from './pullReports';
import { accountTimeZone } from '../accountSettings';
import { toRequiredText } from '../sms/smsInput';
import { requestTimeout } from '../sms/smsOptions';

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
	requestOptions,
]);

/** One item per recipient report, in the same shape as the SMS Handover Trigger's items. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const node = this.getNode();
	const shootIds = itemParameter(this, 'shootId', items);
	// Panels write report times without a zone, on the account's clock.
	const timeZone = await accountTimeZone.call(this);
	return await processItems(this, items, {
		concurrency: 5,
		prepare: (itemIndex) => ({
			shootId: toRequiredText(node, shootIds(itemIndex), itemIndex, 'shootId'),
			timeout: requestTimeout(this, itemIndex),
		}),
		perform: async ({ shootId, timeout }, itemIndex) =>
			await pullReports.call(this, shootId, timeZone, timeout, itemIndex),
	});
}
