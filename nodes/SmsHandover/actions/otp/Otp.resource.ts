import type { INodeProperties } from 'n8n-workflow';

import * as send from './send.operation';
import * as verify from './verify.operation';

export { send, verify };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['otp'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Send a one-time password to a number',
				action: 'Send an OTP',
			},
			{
				name: 'Verify',
				value: 'verify',
				description: 'Check the code a user entered',
				action: 'Verify an OTP',
			},
		],
		default: 'send',
	},
	...send.description,
	...verify.description,
];
