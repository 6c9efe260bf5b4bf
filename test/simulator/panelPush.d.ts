// Types for panelPush.js: the builders of the panel's push bodies, re-exported by index.d.ts.

/**
 * The panel's push bodies (panelPush.js): the one builder for these shapes, used by the simulator and by
 * every test that needs a push of its own. Defaults are panel-like; a field overridden with `undefined`
 * is left out.
 */
export interface NativePushPart {
	messageId?: string;
	mobile?: number | string;
	/** The panel's word: DELIVERED, FAILED, REJECTED, INVALID or ''. */
	dlr?: string;
	/** operator_reply: the SMPP stat word (DELIVRD, UNDELIV…). */
	reply?: string;
	/** sms_delivery_time. */
	deliveryTime?: string;
}

export interface NativePushOverrides extends NativePushPart {
	shootId?: string | null;
	sentTime?: string;
	senderId?: string | null;
	/** The SMS's part count (default 1): credits_charged, and the parts listed, `<id>` then `<id>_2 … <id>_<n+1>` for n > 1. */
	segments?: number;
	/** credits_charged when it should not be `segments`. */
	credits?: number | string | null;
	attempt?: number | string;
	route?: { id: number | string; title: string | null };
	/** Exactly these parts instead of the listed ones, the i-th built over the i-th listed part. */
	parts?: NativePushPart[];
}

export type NativePushPartBody = {
	message_id?: string;
	mobile?: number | string;
	dlr?: string;
	operator_reply?: string;
	sms_delivery_time?: string;
};

/** One recipient of the native push, in the panel's key order. */
export type NativePushBody = {
	sms_shoot_id?: string | null;
	mobile?: number | string;
	sms_sent_time?: string;
	sender_id?: string | null;
	credits_charged?: number | string | null;
	dlr: NativePushPartBody[];
	post_attempt?: number | string;
	route_data?: { id: number | string; title: string | null };
};

export type NtapiPushBody = { CMD: string; NTYPE: 'REP'; FROM: number | string; SMID: string; STATUS: 'OK'; DETAIL: string };

/** One recipient of the panel's native push (the default: 1 part, delivered). */
export function nativePush(overrides?: NativePushOverrides): NativePushBody;
/** The batch mode's body: one native object per entry. */
export function batchPush(list: NativePushOverrides[]): NativePushBody[];
/** The ntapi push {CMD: 'DLVRREP', NTYPE: 'REP', FROM, SMID, STATUS: 'OK', DETAIL}. */
export function ntapiPush(overrides?: { mobile?: number | string; messageId?: string; reply?: string; cmd?: string }): NtapiPushBody;

/** Overrides of nestedReport(); a field set to `undefined` is left out. */
export interface NestedReportOverrides {
	shootId?: string | null;
	mobile?: number | string;
	senderId?: string | null;
	/** `sent`, 'YYYY-MM-DD HH:mm:ss' on the panel's clock. */
	sent?: string | null;
	/** dlr.status: getSmppcubeDlrcodeDescription's text (Handset Delivered, SMSC REJECT…). */
	status?: string | null;
	/** dlr.operator_reply: the SMPP stat word. */
	reply?: string | null;
	/** dlr.delivery_time, null while there is none. */
	deliveryTime?: string | null;
	/** The whole dlr object instead (undefined: no dlr at all). */
	dlr?: Record<string, unknown>;
}

/** One message in the nested shape of the panel's newer API (httpApi.php, api/v2/dlr), in its key order. */
export type NestedReportBody = {
	sms_shoot_id?: string | null;
	mobile?: number | string;
	sender_id?: string | null;
	sent?: string | null;
	dlr?: { status?: string | null; operator_reply?: string | null; delivery_time?: string | null };
};

/** The nested record (default: delivered, 'Handset Delivered' / 'DELIVRD'). */
export function nestedReport(overrides?: NestedReportOverrides): NestedReportBody;
