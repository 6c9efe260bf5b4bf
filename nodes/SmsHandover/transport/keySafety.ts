/**
 * What keeps the API key on its way to the panel and nowhere else: the credential's Base URL is
 * checked before the first request, and a redirect is reported, never followed (the transport
 * sets disableFollowRedirect on every request).
 */
import { NodeOperationError } from 'n8n-workflow';

import { API_CREDENTIAL_TYPE, insecureBaseUrl } from '../../../credentials/SmsHandoverApi.credentials';
import type { ApiContext, ApiRequest } from './index';
import type { Failure } from './retryPolicy';

const NOT_FOLLOWED =
	"The node does not follow redirects, so the API key never goes to another address: set the credential's Base URL to the address the panel answers on (https:// and the right host).";
const NOTHING_TAKEN = 'Nothing was submitted: the panel answered with a redirect instead of taking the request.';

/** A 3xx answer, named by its status and the host it points at (never its path or query: the key could be in them). */
export function redirectFailure(
	request: ApiRequest,
	status: number,
	location: unknown,
): { failure: Failure; message: string; description: string; httpCode: string } {
	let target = 'an address it did not name';
	if (typeof location === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
		target = URL.canParse(location) ? new URL(location).host : 'an address that is not a URL';
	} else if (typeof location === 'string' && location !== '') {
		target = 'another path on the same host';
	}
	return {
		failure: { kind: 'redirect', status },
		message: `SMS Handover answered with a redirect (HTTP ${status}) to ${target}`,
		description: request.retry === 'send' ? `${NOT_FOLLOWED} ${NOTHING_TAKEN}` : NOT_FOLLOWED,
		httpCode: String(status),
	};
}

// The credential's Base URL is checked once per node run (or webhook call), before the first request.
const checkedContexts = new WeakSet<object>();

/** Refuses a Base URL the key may not go to (credentials/SmsHandoverApi.credentials.ts), before anything is sent. */
export async function assertSecureBaseUrl(context: ApiContext, request: ApiRequest): Promise<void> {
	if (checkedContexts.has(context)) return;
	const insecure = insecureBaseUrl(await context.getCredentials(API_CREDENTIAL_TYPE));
	if (insecure) {
		// A sending operation adds what was submitted before (here: nothing).
		throw new NodeOperationError(context.getNode(), insecure, { itemIndex: request.itemIndex });
	}
	checkedContexts.add(context);
}
