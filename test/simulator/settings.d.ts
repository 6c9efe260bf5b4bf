// Types of the simulator's settings (startSimulator() options, configure(), POST /__sim/configure), re-exported by index.d.ts.
import type { DlrOutcome, DlrStyle } from './index';

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
	/**
	 * getDLR answer: panel rows `{MSISDN, DLR, DESC}` (default), 'legacy' rows (`SimDlrReport`), or 'nested':
	 * `{status: 'success', data: NestedReportBody[]}` as the newer API answers.
	 */
	getDlrStyle: 'panel' | 'legacy' | 'nested';
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

export interface SimInboundSettings {
	/** The account's primary keywords; the first word of an inbound text matching one (any case) is %m (default ['STOP', 'YES', 'INFO']). */
	keywords: string[];
	/** curl's CURLOPT_CONNECTTIMEOUT for the forwarding GETs (default 10000; 0 = none). There is no overall timeout. */
	connectTimeoutMs: number;
}

/** An SMS template of the account (JSON API v2 templateId). */
export interface SimTemplate {
	/** Positive integer, unique. */
	id: number;
	name?: string;
	/** The text; each `#name#` is replaced by the contact's parameters.name when the contact has it. */
	text: string;
}

/** A contact group of the account (JSON API v2 contactGroup). */
export interface SimContactGroup {
	/** Positive integer, unique. */
	id: number;
	name?: string;
	/** Its numbers, sent to in this order. */
	mobiles: string[];
}

export interface SimSettings {
	otp: SimOtpSettings;
	dlr: SimDlrSettings;
	inbound: SimInboundSettings;
	sendResponseStyle: 'json' | 'text';
	otpStatusField: 'result' | 'status';
	latencyMs: number;
	jsonContentType: string;
	textContentType: string;
	/** A message containing one of these (any case) is held for approval (default ['HOLDME']). */
	heldWords: string[];
	/** The only bulk parameter read (default 'bulk_campaigm'). */
	bulkParameterName: 'bulk_campaigm' | 'bulk_campaign';
	/** Whether msg is urldecoded once more after the request was decoded, as smsViaApi does (default false). */
	decodeMessagesTwice: boolean;
	/** 'credits' (default): route balances; 'wallet': paid from walletAmount, getBalance answers []. */
	billing: 'credits' | 'wallet';
	/** Wallet price of one SMS part (default 0.05). */
	smsPrice: number;
	/** The account's Default DLR URL: when set, every report of the API key's sends is pushed there (default ''). */
	defaultDlrUrl: string;
	/** JSON API (v2) templates (default [{id: 1, name: 'OTP', text: 'Hello #name#, your OTP is #otp#'}]). */
	templates: SimTemplate[];
	/** JSON API (v2) contact groups (default [{id: 1, name: 'Test group', mobiles: ['919800000001', '919800000002']}]). */
	contactGroups: SimContactGroup[];
	/** wallet.currency in api/v2/credits (default 'EUR', the panel's currency_name). */
	currency: string;
}

export interface SimulatorOptions {
	port?: number;
	host?: string;
	apiKey?: string;
	/** The panel's admin key: valid everywhere, unlimited balance (default 'sim-admin-key-0001'). */
	adminKey?: string;
	routes?: Array<{ id: string | number; name?: string; balance: number }>;
	/** The wallet's amount at the start and after reset() (default 100). */
	walletAmount?: number;
	otp?: Partial<SimSettings['otp']>;
	dlr?: Partial<SimDlrSettings>;
	inbound?: Partial<SimInboundSettings>;
	sendResponseStyle?: SimSettings['sendResponseStyle'];
	otpStatusField?: SimSettings['otpStatusField'];
	latencyMs?: number;
	jsonContentType?: string;
	textContentType?: string;
	heldWords?: string[];
	bulkParameterName?: SimSettings['bulkParameterName'];
	decodeMessagesTwice?: boolean;
	billing?: SimSettings['billing'];
	smsPrice?: number;
	defaultDlrUrl?: string;
	templates?: SimTemplate[];
	contactGroups?: SimContactGroup[];
	currency?: string;
}

export interface SimConfigureChanges extends Partial<Omit<SimSettings, 'otp' | 'dlr' | 'inbound'>> {
	otp?: Partial<SimSettings['otp']>;
	dlr?: Partial<SimDlrSettings>;
	inbound?: Partial<SimInboundSettings>;
}
