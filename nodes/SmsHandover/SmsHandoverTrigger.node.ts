import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { dlrWebhooks, triggerProperties } from './trigger/description';
import { smsHandoverWebhookApiTest } from './trigger/secret';
import { receiveDeliveryReports } from './trigger/webhook';
import { noWebhookRegistration } from './webhook/registration';

export class SmsHandoverTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Handover Trigger',
		name: 'smsHandoverTrigger',
		icon: { light: 'file:smsHandover.svg', dark: 'file:smsHandover.dark.svg' },
		group: ['trigger'],
		// Version 2 behaves the same. n8n evaluates an extra expression (the Webhook node's old
		// binaryData option) on every request that reaches a version-1 start node; version 2
		// skips that work. (It did not change measured throughput: see docs/performance.md.)
		// Version 3 drops the deprecated Secret Token option for the Webhook credential.
		// Version 4 refuses every request until it has the Webhook credential. (The credential stays
		// `required: false` here: n8n reads the first entry of a credential's name at run time, so a
		// second, version-4-only entry would hide it from versions 1-3; the node refuses instead.)
		version: [1, 2, 3, 4],
		defaultVersion: 4,
		subtitle:
			'={{ $parameter["events"].length ? "On: " + $parameter["events"].join(", ") : "On every delivery report" }}',
		description: 'Starts the workflow when SMS Handover pushes a delivery report or forwards an inbound SMS',
		defaults: {
			name: 'SMS Handover Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smsHandoverWebhookApi', required: false, testedBy: 'smsHandoverWebhookApiTest' }],
		webhooks: dlrWebhooks,
		properties: triggerProperties,
	};

	methods = { credentialTest: { smsHandoverWebhookApiTest } };

	webhookMethods = noWebhookRegistration;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDeliveryReports(this);
	}
}
