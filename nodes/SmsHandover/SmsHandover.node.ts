import type {
	IExecuteFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account/Account.resource';
import * as deliveryReport from './actions/deliveryReport/DeliveryReport.resource';
import * as otp from './actions/otp/Otp.resource';
import { router } from './actions/router';
import * as sms from './actions/sms/Sms.resource';
import { resumeOnDeliveryReport } from './waiting';
import { smsHandoverWebhookApiTest } from '../../credentials/SmsHandoverWebhookApi.credentials';
import { noWebhookRegistration } from './webhook/registration';

export class SmsHandover implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Handover',
		name: 'smsHandover',
		// n8n's editor opens this as it is; without it, it appends its ?utm_… query to the codex link,
		// behind any #anchor, which breaks the anchor.
		documentationUrl: 'https://www.npmjs.com/package/n8n-nodes-smshandover#operations',
		icon: { light: 'file:smsHandover.svg', dark: 'file:smsHandover.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Send SMS and OTPs, check the balance and pull delivery reports with SMS Handover',
		defaults: { name: 'SMS Handover' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'smsHandoverApi', required: true },
			// Optional: its token goes on the DLR URL when Add Trigger Token is on (the trigger's secret).
			{ name: 'smsHandoverWebhookApi', required: false, testedBy: 'smsHandoverWebhookApiTest' },
		],
		// Send and Wait for Delivery (push): the panel posts the report to this execution's resume
		// URL (`/webhook-waiting/<id>`). responseData noData: an empty 200 when it resumes.
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: '', restartWebhook: true },
			{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', responseData: 'noData', path: '', restartWebhook: true },
		],
		waitingNodeTooltip: 'Waiting for the SMS delivery report, or until Max Wait',
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

	methods = { credentialTest: { smsHandoverWebhookApiTest } };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}

	webhookMethods = noWebhookRegistration;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeOnDeliveryReport(this);
	}
}
