import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { extractReportRecords, normaliseReport } from '../../helpers/dlr';
import { apiRequest, endpoints } from '../../transport';
import { requestOptions } from '../common.descriptions';
import { forOperation } from '../displayOptions';
import { itemParameter } from '../itemParameters';
import { processItems } from '../processItems';
import { accountTimeZone } from '../sms/scheduleInput';
import { requestTimeout, toRequiredText } from '../sms/smsInput';

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
		perform: async ({ shootId, timeout }, itemIndex) => {
			const answer = await apiRequest.call(this, {
				method: 'GET',
				endpoint: endpoints.deliveryReport(shootId),
				timeout,
				itemIndex,
			});
			const reports = extractReportRecords(answer)
				.map((record) => normaliseReport(record, { timeZone }))
				// A record with neither shoot id nor number is a status note ("NO DLR"), not a report.
				.filter((report) => report !== null && (report.shootId !== null || report.mobile !== null))
				.map((report) => ({ ...report, shootId: report!.shootId ?? shootId }) as unknown as IDataObject);
			if (reports.length) return reports;
			// Nothing is lost: a shoot id without reports yet still comes out, with what the panel said.
			return {
				shootId,
				mobile: null,
				status: 'unknown',
				providerStatus: null,
				deliveredAt: null,
				errorCode: null,
				raw: answer as IDataObject,
			};
		},
	});
}
