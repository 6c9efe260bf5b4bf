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
		// n8n's editor opens this as it is; without it, it appends its ?utm_… query to the codex link,
		// behind any #anchor, which breaks the anchor.
		documentationUrl: 'https://www.npmjs.com/package/n8n-nodes-smshandover#delivery-reports',
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
		// "Reports: delivered, failed", "All reports + inbound SMS", "Inbound SMS".
		subtitle:
			'={{ [($parameter["triggerOn"] || []).includes("inboundSms") && !($parameter["triggerOn"] || []).includes("deliveryReport") ? "" : (($parameter["events"] || []).length === 0 || $parameter["events"].includes("all") ? "All reports" : "Reports: " + $parameter["events"].join(", ")), ($parameter["triggerOn"] || []).includes("inboundSms") ? "inbound SMS" : ""].filter(Boolean).join(" + ").replace(/^inbound/, "Inbound") }}',
		// n8n's node list shows this text for the whole package (the action node included): it says both.
		description: 'Send SMS and OTPs with SMS Handover, and start workflows on its delivery reports and inbound SMS',
		// Shown while the editor listens for a test event (in place of n8n's "Go to … and create an event").
		eventTriggerDescription:
			"Push a report to this node's Test URL with ?token=<secret>: from the sandbox's control page, or send an SMS with that URL as DLR URL",
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
