import { API_CREDENTIAL_TYPE, apiVersionOf, type ApiVersion } from '../../../credentials/SmsHandoverApi.credentials';
import type { ApiContext } from './index';

export type { ApiVersion } from '../../../credentials/SmsHandoverApi.credentials';

// One read of the credential per node run (or webhook call).
const versions = new WeakMap<object, ApiVersion>();

/** Which of the panel's APIs the node's credential speaks: the documented classic one, or JSON (v2). */
export async function apiVersion(context: ApiContext): Promise<ApiVersion> {
	const known = versions.get(context);
	if (known) return known;
	const version = apiVersionOf(await context.getCredentials(API_CREDENTIAL_TYPE));
	versions.set(context, version);
	return version;
}
