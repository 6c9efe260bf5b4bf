import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isValidTimeZone } from '../helpers/scheduleTime';
import { CREDENTIAL_TYPE } from '../transport';
import { BULK_PARAMETER, BULK_PARAMETER_NAMES, type BulkParameterName } from './sms/bulkLimit';

export const DEFAULT_ACCOUNT_TIME_ZONE = 'Asia/Kolkata';

/** What the credential says about the account besides its key (the key stays with the transport). */
export interface AccountSettings {
	/** IANA zone the panel reads `time` in and writes report times in. */
	timeZone: string;
	bulkParameterName: BulkParameterName;
}

/** The credential's settings; the time zone is checked only where it is used (see `usableTimeZone`). */
export async function accountSettings(this: IExecuteFunctions): Promise<AccountSettings> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const name = String(credentials.bulkParameterName ?? '') as BulkParameterName;
	return {
		timeZone: String(credentials.timeZone ?? '').trim() || DEFAULT_ACCOUNT_TIME_ZONE,
		bulkParameterName: BULK_PARAMETER_NAMES.includes(name) ? name : BULK_PARAMETER,
	};
}

export function usableTimeZone(node: INode, timeZone: string): string {
	if (!isValidTimeZone(timeZone)) {
		throw new NodeOperationError(node, `The credential's time zone "${timeZone}" is not a known IANA time zone`, {
			description: 'Use a name such as Asia/Kolkata or Europe/London.',
		});
	}
	return timeZone;
}

/** The account's time zone: the panel interprets scheduled `time` and writes report times in it. */
export async function accountTimeZone(this: IExecuteFunctions): Promise<string> {
	return usableTimeZone(this.getNode(), (await accountSettings.call(this)).timeZone);
}
