import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
	IWebhookFunctions,
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
