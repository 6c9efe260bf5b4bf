import type { IWebhookFunctions } from 'n8n-workflow';

import { tokenFormProblem, WEBHOOK_CREDENTIAL_TYPE } from '../../../credentials/SmsHandoverWebhookApi.credentials';

export { smsHandoverWebhookApiTest, tokenFormProblem } from '../../../credentials/SmsHandoverWebhookApi.credentials';

/** The secret requests must carry, as the node is configured. */
export type Secret =
	| { kind: 'token'; token: string; deprecated: boolean }
	/** No credential and no deprecated parameter. */
	| { kind: 'none' }
	/** A credential whose token breaks the credential's own rule (n8n saves a credential whose test failed). */
	| { kind: 'unusable'; problem: string };

/**
 * The Webhook credential's token when the node has that credential (it wins over the deprecated
 * Secret Token parameter), else the parameter, else none. The credential's token is checked
 * against the rule its Test applies: a short or malformed token is refused, never used.
 */
export async function webhookSecret(context: IWebhookFunctions, parameterToken: string | undefined): Promise<Secret> {
	if (context.getNode().credentials?.[WEBHOOK_CREDENTIAL_TYPE]) {
		const data = await context.getCredentials(WEBHOOK_CREDENTIAL_TYPE);
		const problem = tokenFormProblem(data?.token);
		return problem === null ? { kind: 'token', token: data.token as string, deprecated: false } : { kind: 'unusable', problem };
	}
	return parameterToken ? { kind: 'token', token: parameterToken, deprecated: true } : { kind: 'none' };
}
