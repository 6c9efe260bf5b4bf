import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BULK_PARAMETER, BULK_PARAMETER_NAMES, type BulkParameterName } from '../../helpers/panelLimits';
import { credentialTimeZone, timeZoneProblem } from '../../../../credentials/accountTimeZone';
import { apiVersionOf } from '../../../../credentials/SmsHandoverApi.credentials';
import { CREDENTIAL_TYPE, type ApiVersion } from '../../transport';

/** What the credential says about the account besides its key (the key stays with the transport). */
export interface AccountSettings {
	/** IANA zone the panel reads a scheduled `time` in (report times follow the workflow's zone). */
	timeZone: string;
	bulkParameterName: BulkParameterName;
	/** Whether the panel decodes a Send or Schedule text a second time (its smsViaApi urldecodes `msg`). */
	messageDecoding: 'once' | 'twice';
	/** The classic API, or the JSON API (v2). */
	api: ApiVersion;
}

/** The credential's settings; the time zone is checked only where it is used (accountTimeZone). */
export async function accountSettings(context: IExecuteFunctions): Promise<AccountSettings> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const name = String(credentials.bulkParameterName ?? '') as BulkParameterName;
	return {
		timeZone: credentialTimeZone(credentials),
		bulkParameterName: BULK_PARAMETER_NAMES.includes(name) ? name : BULK_PARAMETER,
		messageDecoding: credentials.messageDecoding === 'twice' ? 'twice' : 'once',
		api: apiVersionOf(credentials),
	};
}

/** The account's time zone, for a scheduled send: the panel reads the `time` it is given in it. */
export function accountTimeZone(context: IExecuteFunctions, settings: AccountSettings): string {
	const problem = timeZoneProblem(settings.timeZone);
	if (problem) throw new NodeOperationError(context.getNode(), problem);
	return settings.timeZone;
}
