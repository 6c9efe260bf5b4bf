import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The secret token the SMS Handover Trigger requires on every delivery-report request. A
 * credential, not a node parameter: n8n stores it encrypted, and it stays out of the workflow
 * JSON, its exports and templates. Nothing is ever sent with it: the trigger only compares.
 */
export class SmsHandoverWebhookApi implements ICredentialType {
	name = 'smsHandoverWebhookApi';

	displayName = 'SMS Handover Webhook API';

	icon: Icon = { light: 'file:smsHandover.svg', dark: 'file:smsHandover.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-smshandover#webhook-secret';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Delivery-report requests must carry this value as query parameter "token" (or header "X-SMSHandover-Token"). At least 16 characters: letters, digits, "-", ".", "_" and "~", so it travels in a URL unchanged.',
		},
	];

	// No declarative `test`: there is nothing to call. The SMS Handover Trigger's
	// `smsHandoverWebhookApiTest` method (testedBy) checks the token's form without a request.
}
