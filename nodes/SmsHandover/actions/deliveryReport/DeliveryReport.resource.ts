import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deliveryReport'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the delivery reports of a submission by its shoot ID, one item per recipient. Read-only: safe to call again.',
				action: 'Get delivery reports',
			},
		],
		default: 'get',
	},
	...get.description,
];
