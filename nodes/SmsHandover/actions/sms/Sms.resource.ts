import type { INodeProperties } from 'n8n-workflow';

import * as schedule from './schedule.operation';
import * as sendAndWaitForDelivery from './sendAndWait.operation';
import * as send from './send.operation';
import * as sendBulk from './sendBulk.operation';

export { schedule, send, sendAndWaitForDelivery, sendBulk };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [
			{
				name: 'Schedule',
				value: 'schedule',
				description: 'Schedule one text to one or more numbers for later. Costs credit like Send; every call schedules another message.',
				action: 'Schedule an SMS',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send one text to one or more numbers now. Costs credit per part and recipient; every call sends again.',
				action: 'Send an SMS',
			},
			{
				name: 'Send and Wait for Delivery',
				value: 'sendAndWaitForDelivery',
				description:
					'Send one text to one number, then pause until its final delivery report and continue with it (status delivered, failed, rejected, expired, or timeout). Costs credit like Send; every call sends again.',
				action: 'Send an SMS and wait for its delivery',
			},
			{
				name: 'Send Bulk',
				value: 'sendBulk',
				description: 'Send a personalised text to the number of each input item, in as few requests as possible. Costs credit per part and recipient; every call sends again.',
				action: 'Send personalised SMS in bulk',
			},
		],
		default: 'send',
	},
	...send.description,
	...schedule.description,
	...sendBulk.description,
	...sendAndWaitForDelivery.description,
];
