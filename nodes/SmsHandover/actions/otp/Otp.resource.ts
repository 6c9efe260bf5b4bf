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
				description: 'Send a one-time password by SMS and return the reference Verify needs. Costs one SMS; every call sends a new code.',
				action: 'Send an OTP',
			},
			{
				name: 'Verify',
				value: 'verify',
				description: 'Check the code a user entered. Not a plain read: a wrong code uses up one of a few attempts and a match ends the reference, so call it once per code entered.',
				action: 'Verify an OTP',
			},
		],
		default: 'send',
	},
	...send.description,
	...verify.description,
];
