import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readBalance } from '../shared/balance';
import { requestOptions } from '../shared/descriptions';
import { forOperation } from '../shared/displayOptions';
import { readTimeout } from '../shared/options';
import { processItems } from '../shared/processItems';

export const description: INodeProperties[] = forOperation('account', 'getBalance', [requestOptions]);

/** One item per route, with the provider's fields and `balance` as a number. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await processItems(this, items, {
		prepare: (itemIndex) => readTimeout(this, itemIndex),
		perform: async (timeout, itemIndex) => await readBalance(this, timeout, itemIndex),
	});
}
