import type { ICredentialDataDecryptedObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { isValidTimeZone } from '../nodes/SmsHandover/helpers/zoneTime';
import timeZoneList from './timeZones.json';

export const DEFAULT_ACCOUNT_TIME_ZONE = 'Asia/Kolkata';

/** The list entry that shows a text field, for a zone name the list lacks. */
export const OTHER_TIME_ZONE = 'other';

// Every tzdata zone and link name (scripts/time-zones.mjs writes the list), then "Other".
const zoneOptions: INodePropertyOptions[] = [
	...timeZoneList.zones.map((zone) => ({ name: zone, value: zone })),
	{ name: 'Other (Type a Name)', value: OTHER_TIME_ZONE, description: 'A zone name the list does not have' },
];

export const accountTimeZoneProperties: INodeProperties[] = [
	{
		displayName: 'Account Time Zone',
		name: 'timeZone',
		type: 'options',
		options: zoneOptions,
		default: DEFAULT_ACCOUNT_TIME_ZONE,
		description:
			"The time zone of your SMS Handover account: the panel reads a scheduled message's time in it (Schedule, and Send Bulk's Schedule At), so scheduled times are converted into it. Type to search. Report times without an offset are read in the workflow's time zone.",
	},
	{
		displayName: 'Other Time Zone',
		name: 'timeZoneOther',
		type: 'string',
		default: '',
		placeholder: 'e.g. America/Ciudad_Juarez',
		displayOptions: { show: { timeZone: [OTHER_TIME_ZONE] } },
		description: 'An IANA time zone name, as n8n (Luxon) knows it',
	},
];

/**
 * The zone the credential names. Credentials saved before the list (a free-text field then) keep
 * their value in `timeZone`: it is used as it is, listed or not.
 */
export function credentialTimeZone(credentials: ICredentialDataDecryptedObject): string {
	const chosen = String(credentials.timeZone ?? '').trim() || DEFAULT_ACCOUNT_TIME_ZONE;
	return chosen === OTHER_TIME_ZONE ? String(credentials.timeZoneOther ?? '').trim() : chosen;
}

/** Why the credential's zone (from credentialTimeZone) cannot be used, or null. */
export function timeZoneProblem(zone: string): string | null {
	if (isValidTimeZone(zone)) return null;
	if (zone === '') return "The credential's Account Time Zone is Other, but Other Time Zone is empty. Type an IANA zone name there, such as Europe/London.";
	return `The credential's Account Time Zone "${zone}" is not a time zone n8n knows. Pick the account's zone from the list (for example Asia/Kolkata or Europe/London).`;
}
