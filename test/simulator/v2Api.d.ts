// Types of the JSON API (v2) requests and answers the simulator serves (v2Api.js, v2Send.js), re-exported by index.d.ts.
// Every request: `Authorization: Bearer <key>`; JSON bodies with `Content-Type: application/json`.
import type { NestedReportBody } from './panelPush';

/** Every v2 error, sent with HTTP status = `status`. */
export interface V2ErrorAnswer {
	success: false;
	status: number;
	message: string;
}

/** One contact of POST api/v2/sms: a number, optionally its own text or the values of the text's #name# fields. */
export interface V2Contact {
	/** 8–15 digits (a number is read as its digits; surrounding spaces are trimmed). */
	mobile: string | number;
	/** This contact's text instead of message / the template's. */
	message?: string;
	/** name → value: each `#name#` of the text is replaced by the value. */
	parameters?: Record<string, string | number | boolean>;
}

/** The JSON body of POST api/v2/sms (fields the page documents; any other, e.g. dlt_entity_id, is recorded and ignored). */
export interface V2SendBody {
	campaignId?: number;
	/** Absent or 0: the account's default route (the first). */
	routeId?: number;
	sender?: string;
	/** 'text' (default), 'flash' or 'unicode'; a text that needs UCS-2 is sent (and billed) as UCS-2 whatever the mode. */
	mode?: 'text' | 'flash' | 'unicode';
	/** Optional when templateId is given (the template's text wins) or every contact has its own message. */
	message?: string;
	templateId?: number;
	/** Required unless contactGroup is given. At most 50,000. */
	contacts?: V2Contact[];
	/** A contact group id: its numbers replace `contacts`. */
	contactGroup?: number;
	/** 'YYYY-MM-DD HH:mm:ss' (or the classic 'YYYY-MM-DD H:mm') on the panel's clock. */
	schedule?: string;
	/** Where delivery reports are pushed (in dlr.style, like a classic dlr_url). */
	notifyUrl?: string;
	[other: string]: unknown;
}

export interface V2SendAnswer {
	status: 'success';
	/** 'SMS Submitted successfully', or 'SPAM CONTENT DETECTED. CAMPAIGN HELD FOR APPROVAL' for a held campaign. */
	message: string;
	/** The submission's id: the classic sms_shoot_id too (getDLR, sim.getSubmission). */
	batch_id: string;
	total_contacts: number;
	/** One per contact, in contact order; sms_id is a UUID (the report's smsId, message_id of native pushes). */
	message_id: Array<{ mobile: string; sms_id: string }>;
}

export interface V2CreditsAnswer {
	status: 'success';
	/** 'credits' (billing 'credits') or 'currency' (billing 'wallet'). */
	billing_mode: 'credits' | 'currency';
	/** amount: 2 decimals ('0.00' for a credits account); currency: the currency setting. */
	wallet: { amount: string; currency: string };
	/** Credits accounts only (absent for 'currency'): one per route, by name (no route id). */
	credits?: Array<{ route: string; credits: number }>;
}

/** GET api/v2/dlr (batch_id or sms_id, in the query or a JSON body): the nested records, one per message. */
export interface V2DlrAnswer {
	status: 'success';
	data: NestedReportBody[];
}

export interface V2OtpSendAnswer {
	status: 'success';
	/** 10 characters A–Z0–9. */
	reference: string;
}

/** 'yes' for the right code, 'no' for a wrong one (expired, locked out and unknown references are V2ErrorAnswer). */
export interface V2OtpVerifyAnswer {
	status: 'success';
	matched: 'yes' | 'no';
}
