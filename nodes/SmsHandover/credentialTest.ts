import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { placeApiKey } from '../../credentials/SmsHandoverApi.credentials';
import { interpretProviderAnswer } from './helpers/providerResponse';
import { endpoints, redact } from './transport';

/**
 * Checks a credential with the balance endpoint, which answers `ERR: ...` text (often with HTTP
 * 200) for a bad key: the user sees the provider's own message, never a false success.
 */
export async function smsHandoverApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const request: IHttpRequestOptions = await placeApiKey(credential.data ?? {}, {
		method: 'GET',
		url: endpoints.balance,
	});
	let response: { statusCode: number; body: unknown; headers?: Record<string, string> };
	try {
		// Credential tests get only the legacy `request` helper in n8n 1.x and 2.x.
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		response = await this.helpers.request({
			method: 'GET',
			uri: `${request.baseURL ?? ''}${request.url}`,
			resolveWithFullResponse: true,
			simple: false,
			timeout: 15_000,
		});
	} catch (error) {
		return { status: 'Error', message: redact(`Could not reach SMS Handover: ${(error as Error).message}`) };
	}
	const answer = interpretProviderAnswer(response.statusCode, response.body, response.headers?.['retry-after']);
	if (!answer.ok) {
		return { status: 'Error', message: redact(answer.description ? `${answer.message}. ${answer.description}` : answer.message) };
	}
	if (!Array.isArray(answer.data)) {
		return { status: 'Error', message: 'SMS Handover answered, but not with a balance: check the Base URL' };
	}
	return { status: 'OK', message: 'Connection successful' };
}
