import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	ICredentialType,
	INodeCredentialTestResult,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export const WEBHOOK_CREDENTIAL_TYPE = 'smsHandoverWebhookApi';

export const MIN_TOKEN_LENGTH = 16;
export const MAX_TOKEN_LENGTH = 256;
/** RFC 3986 unreserved characters: the token travels in a query string without encoding. */
const URL_SAFE = /^[A-Za-z0-9._~-]+$/;

/** What is wrong with a token's form, or null when it is fine. Never quotes the token. */
export function tokenFormProblem(token: unknown): string | null {
	if (typeof token !== 'string' || token === '') return 'The secret token is empty';
	if (!URL_SAFE.test(token)) {
		return 'The secret token may only contain letters, digits, "-", ".", "_" and "~" (it travels in a URL); check for spaces or a pasted line break';
	}
	if (token.length < MIN_TOKEN_LENGTH) {
		return `The secret token has ${token.length} characters; use at least ${MIN_TOKEN_LENGTH}`;
	}
	if (token.length > MAX_TOKEN_LENGTH) {
		return `The secret token has ${token.length} characters; use at most ${MAX_TOKEN_LENGTH}`;
	}
	return null;
}

/** The credential's Test: checks the token's form and sends nothing (there is no one to ask). */
export async function smsHandoverWebhookApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const problem = tokenFormProblem(credential.data?.token);
	return problem === null
		? { status: 'OK', message: 'The token can be used (checked here, nothing was sent)' }
		: { status: 'Error', message: problem };
}

/**
 * The secret token the SMS Handover Trigger requires on every delivery-report request. A
 * credential, not a node parameter: n8n stores it encrypted, and it stays out of the workflow
 * JSON, its exports and templates. The trigger compares it; the SMS Handover node, when asked
 * (Add Trigger Token), appends it to the DLR URL it gives the panel.
 */
export class SmsHandoverWebhookApi implements ICredentialType {
	name = 'smsHandoverWebhookApi';

	displayName = 'SMS Handover Webhook API';

	icon: Icon = { light: 'file:smsHandover.svg', dark: 'file:smsHandover.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-smshandover#sms-handover-webhook-api';

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

	// No declarative `test`: there is nothing to call. Both nodes that take this credential test it
	// with `smsHandoverWebhookApiTest` (testedBy), which checks the token's form without a request.
}
