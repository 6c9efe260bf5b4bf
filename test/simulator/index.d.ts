// Types for the plain-JS simulator (index.js), so TypeScript tests can import it: `import { startSimulator } from '../simulator';`
import type { IncomingHttpHeaders } from 'node:http';

export type SimEndpoint = 'send' | 'balance' | 'dlr' | 'otpSend' | 'otpVerify';
export type SimFailureMode =
	| 'http500'
	| 'http502'
	| 'http503'
	| 'http429'
	| 'hang'
	| 'reset'
	| 'html'
	| 'malformedJson'
	| 'errText'
	| 'errorJson';
export type DlrStyle = 'query' | 'form' | 'json' | 'jsonArray';

export interface SimRoute {
	id: string;
	name: string;
	balance: number;
}

export interface SimDlrSettings {
	style: DlrStyle;
	delayMs: number;
	/** Status written in getDLR answers and pushes (default 'DELIVRD'). */
	status: string;
	/** Default '000'. */
	errorCode: string;
	/** delivered_at is written on this clock (default 330 = IST). */
	utcOffsetMinutes: number;
	/** Per push request (default 5000). */
	timeoutMs: number;
	/** Push requests in flight at once (default 8). */
	concurrency: number;
}

export interface SimSettings {
	otp: { ttlMs: number; maxAttempts: number };
	dlr: SimDlrSettings;
	sendResponseStyle: 'json' | 'text';
	otpStatusField: 'result' | 'status';
	latencyMs: number;
	jsonContentType: string;
	textContentType: string;
}

export interface SimulatorOptions {
	port?: number;
	host?: string;
	apiKey?: string;
	routes?: Array<{ id: string | number; name?: string; balance: number }>;
	otp?: Partial<SimSettings['otp']>;
	dlr?: Partial<SimDlrSettings>;
	sendResponseStyle?: SimSettings['sendResponseStyle'];
	otpStatusField?: SimSettings['otpStatusField'];
	latencyMs?: number;
	jsonContentType?: string;
	textContentType?: string;
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
	form: Record<string, any>;
	rawBody: string;
	headers: IncomingHttpHeaders;
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
}

export interface SimDlrReport {
	sms_shoot_id: string;
	mobile: string;
	status: string;
	delivered_at: string;
	error_code: string;
}

export interface SimSubmission {
	shootId: string;
	routeId: string;
	type: string;
	senderId: string;
	campaign: string;
	time: string;
	dlrUrl: string;
	bulk: boolean;
	encoding: 'GSM-7' | 'UCS-2' | 'mixed';
	/** Segments × recipients taken from the route's balance. */
	credits: number;
	createdAt: number;
	deliveredAtMs: number;
	readonly recipients: string[];
	readonly messages: string[];
}

export interface FailureOptions {
	message?: string;
	/** Retry-After header value for http429 (default 1). */
	retryAfter?: number | string;
}

export interface Simulator {
	readonly baseUrl: string;
	readonly port: number;
	readonly apiKey: string;
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
	pushDlr(url: string, options: { style?: DlrStyle; reports: Array<Record<string, unknown>> }): Promise<SimDlrPush[]>;
	/** Back to the start options and balances; forgets requests, pushes, failures, OTPs, submissions. */
	reset(): void;
	close(): Promise<void>;
}

export function startSimulator(options?: SimulatorOptions): Promise<Simulator>;
