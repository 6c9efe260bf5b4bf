import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './account/Account.resource';
import * as deliveryReport from './deliveryReport/DeliveryReport.resource';
import * as otp from './otp/Otp.resource';
import * as sms from './sms/Sms.resource';

export const versionDescription: INodeTypeDescription = {
	displayName: 'SMS Handover',
	name: 'smsHandover',
	icon: 'file:smsHandover.svg',
	group: ['output'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description: 'Send SMS and OTPs, check the balance and pull delivery reports with SMS Handover',
	defaults: { name: 'SMS Handover' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'smsHandoverApi', required: true, testedBy: 'smsHandoverApiTest' }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Account', value: 'account' },
				{ name: 'Delivery Report', value: 'deliveryReport' },
				{ name: 'OTP', value: 'otp' },
				{ name: 'SMS', value: 'sms' },
			],
			default: 'sms',
		},
		...sms.description,
		...deliveryReport.description,
		...account.description,
		...otp.description,
	],
};
