import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { apiRequest, endpoints } from '../../transport';
import { requestOptions } from '../common.descriptions';
import { forOperation } from '../displayOptions';
import { unexpectedReply } from '../nodeError';
import { balanceItems } from './balanceAnswer';
import { processItems } from '../processItems';
import { requestTimeout } from '../sms/smsOptions';

export const description: INodeProperties[] = forOperation('account', 'getBalance', [requestOptions]);

/** One item per route, with the provider's fields and `balance` as a number. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const node = this.getNode();
	return await processItems(this, items, {
		prepare: (itemIndex): number | undefined => requestTimeout(this, itemIndex),
		perform: async (timeout, itemIndex) => {
			const answer = await apiRequest.call(this, { method: 'GET', endpoint: endpoints.balance, timeout, itemIndex, retry: 'read' });
			return balanceItems(answer, (reason) => unexpectedReply(node, reason, answer, itemIndex));
		},
	});
}
