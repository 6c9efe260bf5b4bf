import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account/Account.resource';
import * as deliveryReport from './actions/deliveryReport/DeliveryReport.resource';
import * as otp from './actions/otp/Otp.resource';
import { router } from './actions/router';
import * as sms from './actions/sms/Sms.resource';

export class SmsHandover implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Handover',
		name: 'smsHandover',
		icon: { light: 'file:smsHandover.svg', dark: 'file:smsHandover.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Send SMS and OTPs, check the balance and pull delivery reports with SMS Handover',
		defaults: { name: 'SMS Handover' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smsHandoverApi', required: true }],
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

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
