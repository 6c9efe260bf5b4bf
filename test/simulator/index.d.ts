// Types for the plain-JS simulator (index.js), so TypeScript tests can import it: `import { startSimulator } from '../simulator';`

export type SimEndpoint = 'send' | 'balance' | 'dlr' | 'otpSend' | 'otpVerify';
export type SimFailureMode =
	| 'http500'
	| 'http502'
	| 'http503'
	| 'http504'
	| 'http429'
	| 'redirect'
	| 'hang'
	| 'reset'
	| 'html'
	| 'malformedJson'
	| 'errText'
	| 'errorJson'
	| 'errorField'
	| 'emptyArray'
	| 'emptyBody';
/** Shapes for arbitrary report objects (pushDlr) and the simulator's earlier guessed pushes. */
export type RawDlrStyle = 'query' | 'form' | 'json' | 'jsonArray';
/** The panel's own pushes: see README "Delivery-report pushes". */
export type PanelDlrStyle = 'native' | 'batch' | 'ntapi' | 'empty';
export type DlrStyle = PanelDlrStyle | RawDlrStyle;
/** What a recipient's final report says; 'none' never gets one. */
export type DlrOutcome = 'delivered' | 'failed' | 'expired' | 'rejected' | 'invalid' | 'unknownCode' | 'none';

export interface SimRoute {
	id: string;
	name: string;
	balance: number;
}

export interface SimDlrSettings {
	/** Default 'native'. */
	style: DlrStyle;
	/** From the send to the final report and its push (default 20). Also the batch flush delay. */
	delayMs: number;
	/** Default true; false = reports stay Operator Submitted and nothing is pushed until deliver(). */
	autoPush: boolean;
	/** Default 'delivered'. */
	outcome: DlrOutcome;
	/** mobile → outcome, overriding `outcome` (default {}). */
	outcomeByNumber: Record<string, DlrOutcome>;
	/** Panel push times: `${date}` text (default 'dateString') or 'YYYY-MM-DD HH:mm:ss' ('sql'). */
	timeFormat: 'dateString' | 'sql';
	/** The panel's clock, for every time the simulator writes (default 330 = IST). */
	utcOffsetMinutes: number;
	/** sms_delivery_time of a report with no delivery time (invalid), dateString format (default 'null'). */
	missingTimeText: string;
	/** Panel pushes: POSTs in all for one report when not answered 2xx (default 4). */
	maxAttempts: number;
	/** Between those POSTs (default 500). */
	retryDelayMs: number;
	/** Reports per POST in the batch style (default 1000). */
	batchSize: number;
	/** getDLR rows: panel `{MSISDN, DLR, DESC}` (default) or 'legacy' (`SimDlrReport`). */
	getDlrStyle: 'panel' | 'legacy';
	/** MSISDN in panel getDLR rows (default 'string', as PHP's PDO returns it). */
	getDlrMsisdn: 'string' | 'number';
	/** Status written in legacy getDLR rows and the raw-style pushes (default 'DELIVRD'). */
	status: string;
	/** Default '000'. */
	errorCode: string;
	/** Per push request (default 5000). */
	timeoutMs: number;
	/** Push requests in flight at once (default 8). */
	concurrency: number;
}

export interface SimOtpSettings {
	/** 'panel' (default): sendOtpApi/verifyOtpApi; 'legacy': the simulator's earlier rules. */
	style: 'panel' | 'legacy';
	/** Default 600000 (10 minutes). */
	ttlMs: number;
	/** Wrong codes allowed; the next verify answers TOO MANY ATTEMPTS (panel) or match 'expired' (legacy). Default 5. */
	maxAttempts: number;
	/** Channel ids send-otp accepts in the panel style (default '1'…'5'). */
	channels: string[];
}

export interface SimSettings {
	otp: SimOtpSettings;
	dlr: SimDlrSettings;
	sendResponseStyle: 'json' | 'text';
	otpStatusField: 'result' | 'status';
	latencyMs: number;
	jsonContentType: string;
	textContentType: string;
	/** A message containing one of these (any case) is held for approval (default ['HOLDME']). */
	heldWords: string[];
	/** The only bulk parameter read (default 'bulk_campaigm'). */
	bulkParameterName: 'bulk_campaigm' | 'bulk_campaign';
}

export interface SimulatorOptions {
	port?: number;
	host?: string;
	apiKey?: string;
	/** The panel's admin key: valid everywhere, unlimited balance (default 'sim-admin-key-0001'). */
	adminKey?: string;
	routes?: Array<{ id: string | number; name?: string; balance: number }>;
	otp?: Partial<SimSettings['otp']>;
	dlr?: Partial<SimDlrSettings>;
	sendResponseStyle?: SimSettings['sendResponseStyle'];
	otpStatusField?: SimSettings['otpStatusField'];
	latencyMs?: number;
	jsonContentType?: string;
	textContentType?: string;
	heldWords?: string[];
	bulkParameterName?: SimSettings['bulkParameterName'];
}

export interface SimConfigureChanges extends Partial<Omit<SimSettings, 'otp' | 'dlr'>> {
	otp?: Partial<SimSettings['otp']>;
	dlr?: Partial<SimDlrSettings>;
}

export interface SimRequest {
	endpoint: SimEndpoint | 'unknown';
	method: string;
	/** Path without the query string. */
	path: string;
	query: Record<string, string>;
	/** Parsed urlencoded body, or the JSON body; {} otherwise. */
	form: Record<string, unknown>;
	rawBody: string;
	/** As Node's IncomingMessage has them: lower-case names. */
	headers: Record<string, string | string[] | undefined>;
	/** Date.now() when the body had been read. */
	at: number;
}

export interface SimDlrPush {
	url: string;
	method: 'GET' | 'POST';
	contentType: string | null;
	body: string;
	/** HTTP status of the target's answer, null when the push failed. */
	status: number | null;
	error: string | null;
	responseBody: string;
	at: number;
	/** 1 for the first POST of a report, 2… for the panel's retries. */
	attempt: number;
}

export interface SimDlrReport {
	sms_shoot_id: string;
	mobile: string;
	status: string;
	delivered_at: string;
	error_code: string;
}

/** One recipient's delivery state. */
export interface SimReport {
	mobile: string;
	/** The SMSC message id: message_id in native pushes, SMID in ntapi. */
	smsId: string;
	segments: number;
	outcome: DlrOutcome;
	/** Set once the report was made final by a push timer, a batch flush or deliver(). */
	finalAt: number | null;
	pushed: boolean;
}

/** Panel getDLR row. DLR and DESC are null for codes the panel has no word for. */
export interface SimGetDlrRow {
	MSISDN: string | number;
	DLR: string | null;
	DESC: string | null;
}

export interface SimSubmission {
	shootId: string;
	owner: 'user' | 'admin';
	routeId: string;
	routeTitle: string;
	type: string;
	senderId: string;
	campaign: string;
	time: string;
	dlrUrl: string;
	bulk: boolean;
	encoding: 'GSM-7' | 'UCS-2' | 'mixed';
	/** Segments × recipients, taken from the route's balance (not for the admin key). */
	credits: number;
	/** Held for approval (a held word): never pushed, getDLR Pending. */
	held: boolean;
	createdAt: number;
	deliveredAtMs: number;
	delayMs: number;
	/** createdAt + delayMs when dlr.autoPush was on at the send, else null. */
	autoFinalAt: number | null;
	pushStyle: DlrStyle;
	outcomes: { outcome: DlrOutcome; outcomeByNumber: Record<string, DlrOutcome> };
	readonly recipients: string[];
	readonly messages: string[];
	/** Per recipient, built on first use. */
	readonly reports: SimReport[];
}

export interface FailureOptions {
	message?: string;
	/** Retry-After header value for http429 (default 1; a string such as an HTTP-date as given; null = no header). */
	retryAfter?: number | string | null;
	/** For redirect: the status (default 307) and the Location header (default another host). */
	status?: 301 | 302 | 303 | 307 | 308;
	location?: string;
}

export interface Simulator {
	readonly baseUrl: string;
	readonly port: number;
	readonly apiKey: string;
	readonly adminKey: string;
	readonly requests: SimRequest[];
	readonly dlrPushes: SimDlrPush[];
	readonly config: SimSettings;
	clearRequests(): void;
	/** Fails the next `count` (default 1) requests to `endpoint`, after letting `after` (default 0) of them through. */
	failNext(endpoint: SimEndpoint | '*', mode: SimFailureMode, options?: FailureOptions & { count?: number; after?: number }): void;
	/** A failure for every request to `endpoint` until set to null (failNext ones go first). */
	setFailure(endpoint: SimEndpoint | '*', mode: SimFailureMode | null, options?: FailureOptions): void;
	setLatency(ms: number): void;
	configure(changes: SimConfigureChanges): SimSettings;
	getOtp(reference: string): string | undefined;
	/** Current balance of a route (default: the first route). */
	balance(routeId?: string | number): number | undefined;
	getSubmission(shootId: string): SimSubmission | undefined;
	waitForDlrPushes(count: number, timeoutMs?: number): Promise<SimDlrPush[]>;
	/** Pushes arbitrary report objects in a raw style (one attempt each); a panel style is refused. */
	pushDlr(url: string, options: { style?: DlrStyle; reports: Array<Record<string, unknown>> }): Promise<SimDlrPush[]>;
	/**
	 * Makes the reports of a submission (every submission when shootId is undefined; one recipient with
	 * `mobile`) final now, with `outcome` if given, and pushes them in the configured dlr.style. Reports already
	 * pushed, held submissions and outcome 'none' are left alone. Resolves with every push attempt made.
	 */
	deliver(shootId?: string, options?: { mobile?: string; outcome?: DlrOutcome }): Promise<SimDlrPush[]>;
	/** Back to the start options and balances; forgets requests, pushes, failures, OTPs, submissions. */
	reset(): void;
	close(): Promise<void>;
}

export function startSimulator(options?: SimulatorOptions): Promise<Simulator>;

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
