// Types for the plain-JS simulator (index.js), so TypeScript tests can import it: `import { startSimulator } from '../simulator';`
import type { SimConfigureChanges, SimSettings, SimulatorOptions } from './settings';

/** The JSON API (v2): POST api/v2/sms, GET api/v2/credits, GET api/v2/dlr, POST api/v2/otp, GET api/v2/otp/verify. */
export type SimV2Endpoint = 'v2Send' | 'v2Credits' | 'v2Dlr' | 'v2OtpSend' | 'v2OtpVerify';
export type SimEndpoint = 'send' | 'balance' | 'dlr' | 'otpSend' | 'otpVerify' | SimV2Endpoint;
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
	| 'frameworkError'
	| 'emptyArray'
	| 'emptyBody';
/** Shapes for arbitrary report objects (pushDlr) and the simulator's earlier guessed pushes. */
export type RawDlrStyle = 'query' | 'form' | 'json' | 'jsonArray';
/** The panel's own pushes: see README "Delivery-report pushes". */
export type PanelDlrStyle = 'native' | 'batch' | 'ntapi' | 'empty';
/** The nested records of the panel's newer API (api/v2/dlr): one per POST, or an array per URL like 'batch'. */
export type NestedDlrStyle = 'nested' | 'nestedBatch';
export type DlrStyle = PanelDlrStyle | RawDlrStyle | NestedDlrStyle;
/**
 * What a recipient's final report says; 'none' never gets one. The unknownCode family and 'blacklisted' get
 * getDLR "DLR": null with the DESC of their vendor code (see README "Delivery reports").
 */
export type DlrOutcome =
	| 'delivered'
	| 'failed'
	| 'expired'
	| 'rejected'
	| 'invalid'
	| 'unknownCode'
	| 'blacklisted'
	| 'unknownCodeInvalid'
	| 'unknownCodeRejected'
	| 'unknownCodeBuffered'
	| 'unknownCodeSubmitted'
	| 'none';

export interface SimRoute {
	id: string;
	name: string;
	balance: number;
}


export interface SimRequest {
	endpoint: SimEndpoint | 'unknown';
	method: string;
	/** Path without the query string. */
	path: string;
	query: Record<string, string>;
	/** Parsed urlencoded body, or the JSON body (v2: the JSON object sent, GET bodies too); {} otherwise. */
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

/** One handset message for receiveInbound(): what the panel's getReplies reads from Kannel's GET. */
export interface SimInboundMessage {
	/** The sender's number as PHP has it ($_GET['phone']): %p, inserted as it is. */
	from: string;
	/** The SMS text: %r. */
	text: string;
	/** The VMN (long or short code) it was sent to: %v. */
	to: string;
	/** intsmsid: %i (default ''). */
	messageId?: string;
	/** The matched primary keyword instead of matching the text against inbound.keywords (null: none). */
	keyword?: string | null;
	/** The VMN's or the matched keyword's trigger URL (placeholders %p %r %v %i %t; '' or absent: no call). */
	url?: string;
	/** The account's Default MO URL (the same placeholders and %m; '' or absent: no call). */
	defaultMoUrl?: string;
}

/** One GET the panel made for an inbound message. */
export interface SimInboundCall {
	/** 'trigger' (the VMN/keyword URL, first) or 'defaultMo'. */
	source: 'trigger' | 'defaultMo';
	/** The URL with its placeholders replaced, as requested. */
	url: string;
	method: 'GET';
	/** HTTP status of the answer, null when there was none (refused, malformed URL, timed out, aborted). */
	status: number | null;
	error: string | null;
	/** The answer (the panel ignores it), at most 2000 characters. */
	responseBody: string;
	/** Date.now() when the GET started. */
	at: number;
	/** What %t stood for: the panel's clock when the message arrived, 'YYYY-MM-DD HH:mm:ss'. */
	time: string;
	/** The matched primary keyword (%m in the Default MO URL), or null. */
	keyword: string | null;
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
	/** senderid as sent. */
	senderId: string;
	/** campaign as sent. */
	campaign: string;
	/** The route the panel used: intval(routeid), 0 (absent, text) = the first route; the same as routeId. */
	routeUsed: string;
	/** intval(campaign): 0 = the account's default campaign. */
	campaignUsed: number;
	/** cleanInput(urldecode(senderid)): letters, numbers, '-', '_' and spaces; what pushes carry as sender_id. */
	senderUsed: string;
	time: string;
	dlrUrl: string;
	bulk: boolean;
	encoding: 'GSM-7' | 'UCS-2' | 'mixed';
	/** Segments × recipients, taken from the route's balance (billing 'credits'). */
	credits: number;
	/** How the send was paid: the admin key's sends are 'unlimited'. */
	billing: 'credits' | 'wallet' | 'unlimited';
	/** Taken from the wallet: credits × smsPrice (0 unless billing is 'wallet'). */
	cost: number;
	/** Held for approval (a held word): never pushed, getDLR Pending. */
	held: boolean;
	createdAt: number;
	deliveredAtMs: number;
	delayMs: number;
	/** createdAt + delayMs when dlr.autoPush was on at the send, else null. */
	autoFinalAt: number | null;
	pushStyle: DlrStyle;
	outcomes: { outcome: DlrOutcome; outcomeByNumber: Record<string, DlrOutcome> };
	/**
	 * Which API made it: 'classic' (/smsapi/index) or 'v2' (POST api/v2/sms; shootId is its batch_id, dlrUrl its
	 * notifyUrl, type its mode, senderId/senderUsed its sender, time its schedule, campaign its campaignId).
	 */
	api: 'classic' | 'v2';
	/** v2 only: the templateId used (intval), null without one. */
	templateId?: number | null;
	/** v2 only: the contactGroup used (intval), null without one. */
	contactGroup?: number | null;
	readonly recipients: string[];
	/** The text each recipient gets (with decodeMessagesTwice: msg after the second urldecode). */
	readonly messages: string[];
	/** Per recipient, built on first use. */
	readonly reports: SimReport[];
}

/** The shapes pushReport() posts: the panel's own and the nested ones (the control page offers native, batch, ntapi). */
export type ReportStyle = 'native' | 'batch' | 'ntapi' | 'empty' | 'nested' | 'nestedBatch';

/** One submission as GET /__sim/submissions lists it (newest first), for the control page. */
export interface SimSubmissionSummary {
	shootId: string;
	owner: 'user' | 'admin';
	createdAt: number;
	/** The sender ID the panel used (senderUsed). */
	senderId: string;
	/** The text of a classic send; null for a bulk (each listed recipient then has its own). */
	text: string | null;
	bulk: boolean;
	held: boolean;
	/** The send's time parameter ('' = now). */
	scheduledFor: string;
	/** The send's dlr_url, as given. */
	dlrUrl: string;
	/** Where automatic reports go: the account's Default DLR URL when set, else dlrUrl ('' = nowhere). */
	pushUrl: string;
	recipientCount: number;
	/** The first 25 recipients. */
	recipients: Array<{ mobile: string; smsId: string; outcome: DlrOutcome; final: boolean; pushed: boolean; text?: string }>;
}

export interface FailureOptions {
	message?: string;
	/** Retry-After header value for http429 (default 1; a string such as an HTTP-date as given; null = no header). */
	retryAfter?: number | string | null;
	/**
	 * For redirect: the status (default 307; 301, 302, 303, 307 or 308). For errText/errorJson on a v2 endpoint: the
	 * HTTP status and the body's status (default 500).
	 */
	status?: number;
	location?: string;
}

export interface Simulator {
	readonly baseUrl: string;
	readonly port: number;
	readonly apiKey: string;
	readonly adminKey: string;
	readonly requests: SimRequest[];
	readonly dlrPushes: SimDlrPush[];
	/** Every GET made by receiveInbound(), in order. */
	readonly inboundCalls: SimInboundCall[];
	/** The wallet's current amount (billing 'wallet'). */
	readonly walletAmount: number;
	/** Every submission of either API by shoot id (= v2 batch_id), in the order made. */
	readonly submissions: ReadonlyMap<string, SimSubmission>;
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
	/**
	 * One recipient's report with `outcome` (not 'none'), posted once (never retried) to `url` in `style`, built as
	 * the automatic push builds it; the report becomes final with that outcome and counts as pushed. Resolves with
	 * the attempt's record (also in dlrPushes). Refuses an unknown shoot id or recipient and a held submission.
	 */
	pushReport(shootId: string, options: { mobile: string; outcome: Exclude<DlrOutcome, 'none'>; style: ReportStyle; url: string }): Promise<SimDlrPush[]>;
	/**
	 * The panel's getReplies for one handset message: a GET of `url`, then one of `defaultMoUrl` (each only
	 * when given), one after the other, never retried. Resolves with their records (also in inboundCalls).
	 */
	receiveInbound(message: SimInboundMessage): Promise<SimInboundCall[]>;
	/** Back to the start options, balances and wallet; forgets requests, pushes, inbound calls, failures, OTPs, submissions. */
	reset(): void;
	close(): Promise<void>;
}

export function startSimulator(options?: SimulatorOptions): Promise<Simulator>;

export * from './panelPush';
export * from './settings';
export * from './v2Api';
