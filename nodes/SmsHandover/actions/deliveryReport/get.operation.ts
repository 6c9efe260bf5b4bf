import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { extractReportRecords, makeReport, normaliseReport } from '../../helpers/dlr';
import { apiRequest, endpoints } from '../../transport';
import { requestOptions } from '../common.descriptions';
import { forOperation } from '../displayOptions';
import { itemParameter } from '../itemParameters';
import { asNodeError } from '../nodeError';
import { processItems } from '../processItems';
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

/** The panel's reports for one shoot id, one per recipient, or the error that names the shoot id. */
export async function pullReports(
	this: IExecuteFunctions,
	shootId: string,
	timeZone: string,
	timeout: number | undefined,
	itemIndex: number,
): Promise<IDataObject[]> {
	let answer: unknown;
	try {
		answer = await apiRequest.call(this, {
			method: 'GET',
			endpoint: endpoints.deliveryReport(shootId),
			timeout,
			itemIndex,
			retry: 'read',
		});
	} catch (error) {
		if (error instanceof NodeApiError && /INVALID SHOOT ID/i.test(error.message)) {
			throw new NodeApiError(
				this.getNode(),
				{ message: error.message },
				{
					message: `SMS Handover does not know the shoot ID "${shootId}"`,
					description:
						'The panel answered INVALID SHOOT ID: no message of this account has that shoot ID (mistyped, or sent with another account\'s key).',
					itemIndex,
				},
			);
		}
		throw asNodeError(this.getNode(), error, itemIndex);
	}
	const reports = extractReportRecords(answer)
		.map((record) => normaliseReport(record, { timeZone }))
		.filter((report) => report !== null)
		// getDLR rows name the number only: the shoot id is the one asked for.
		.map((report) => ({ ...report, shootId: report.shootId ?? shootId }) as unknown as IDataObject);
	if (reports.length) return reports;
	// Nothing is lost: a shoot id without reports yet still comes out, with what the panel said.
	return [makeReport({ shootId, raw: (answer ?? {}) as IDataObject }) as unknown as IDataObject];
}

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
