/**
 * The fault matrix: every operation × every failure the simulator can play × continueOnFail on
 * and off, run through n8n's engine. The expectations come from three tables: what each fault
 * is (and what its error must say), what each operation is (its endpoint and retry mode), and
 * the documented retry policy (README "Guarantees"). Nothing is written per cell by hand.
 * faultMatrixRunner.ts runs the cells; faultMatrix.*.test.ts pick the operations.
 */
import type { IDataObject } from 'n8n-workflow';

import { testKey } from '../harness/testKeys';
import type { FailureOptions, SimEndpoint, SimFailureMode } from '../simulator';

/** A recognisable API key: it must show up nowhere a user or a log can see. */
export const CANARY_KEY = testKey('CANARY-KEY-must-never-leak');

const PANEL_TEXT = 'ROUTE CLOSED BY ADMIN';
const LOCK_OUT_TEXT = 'TOO MANY ATTEMPTS. OTP EXPIRED.';
// An HTTP-date already past: a read may retry at once, the text must still read well.
const PAST_DATE = new Date(Date.now() - 60_000).toUTCString();

export type RetryMode = 'read' | 'send' | 'never';

export type FaultName =
	| 'http500'
	| 'http502'
	| 'http503'
	| 'http504'
	| 'http429'
	| 'http429Date'
	| 'http429NoHeader'
	| 'hang'
	| 'refused'
	| 'reset'
	| 'html'
	| 'malformedJson'
	| 'errText'
	| 'errorJson'
	| 'errorJsonLockOut'
	| 'errorField'
	| 'emptyArray'
	| 'emptyBody'
	| 'redirect307'
	| 'redirect308';

/**
 * The documented retry policy, the one source of every request count below: the faults each
 * kind of request is asked again on, up to 3 attempts. A read that hangs is not asked again
 * (its timeout budget is spent); a send only when nothing can have reached the panel.
 */
const MAX_ATTEMPTS = 3;
const RETRIED_ON: Record<RetryMode, readonly FaultName[]> = {
	read: ['http429', 'http429Date', 'http429NoHeader', 'http502', 'http503', 'http504', 'reset', 'refused'],
	send: ['refused'],
	never: [],
};

/** What a send's error must say about the message: it may have gone out, it did not, or nothing is claimed. */
export type SendVerdict = 'mayHaveGoneOut' | 'nothingSubmitted' | 'nothingTaken' | 'refusedByPanel';

interface Fault {
	/** How the simulator answers every request to the endpoint; absent = nothing listens (refused). */
	simulate?: [SimFailureMode, FailureOptions?];
	/** Timeout option of the cell: short where the fault waits it out. */
	timeoutMs: number;
	/** What the error must name. */
	cause: RegExp;
	/** For sends. */
	send: SendVerdict;
	/** The answer points elsewhere: the runner gives it a recording server as Location, which must get nothing. */
	redirects?: true;
}

export const FAULTS: Record<FaultName, Fault> = {
	http500: { simulate: ['http500'], timeoutMs: 2000, cause: /SMS Handover is unavailable \(HTTP 500\)/, send: 'mayHaveGoneOut' },
	http502: { simulate: ['http502'], timeoutMs: 2000, cause: /SMS Handover is unavailable \(HTTP 502\)/, send: 'mayHaveGoneOut' },
	http503: { simulate: ['http503'], timeoutMs: 2000, cause: /SMS Handover is unavailable \(HTTP 503\)/, send: 'mayHaveGoneOut' },
	http504: { simulate: ['http504'], timeoutMs: 2000, cause: /SMS Handover is unavailable \(HTTP 504\)/, send: 'mayHaveGoneOut' },
	http429: {
		simulate: ['http429', { retryAfter: 0 }],
		timeoutMs: 2000,
		cause: /SMS Handover is rate limiting requests \(HTTP 429, retry after 0 s\)/,
		send: 'refusedByPanel',
	},
	http429Date: {
		simulate: ['http429', { retryAfter: PAST_DATE }],
		timeoutMs: 2000,
		cause: new RegExp(`SMS Handover is rate limiting requests \\(HTTP 429, retry after ${PAST_DATE}\\)`),
		send: 'refusedByPanel',
	},
	http429NoHeader: {
		simulate: ['http429', { retryAfter: null }],
		timeoutMs: 2000,
		cause: /SMS Handover is rate limiting requests \(HTTP 429\)/,
		send: 'refusedByPanel',
	},
	hang: { simulate: ['hang'], timeoutMs: 1000, cause: /SMS Handover did not answer within 1000 ms/, send: 'mayHaveGoneOut' },
	refused: { timeoutMs: 2000, cause: /SMS Handover refused the connection/, send: 'nothingSubmitted' },
	reset: { simulate: ['reset'], timeoutMs: 2000, cause: /SMS Handover closed the connection before answering/, send: 'mayHaveGoneOut' },
	html: { simulate: ['html'], timeoutMs: 2000, cause: /SMS Handover answered with a web page instead of API data/, send: 'mayHaveGoneOut' },
	malformedJson: { simulate: ['malformedJson'], timeoutMs: 2000, cause: /SMS Handover sent a reply that is not valid JSON/, send: 'mayHaveGoneOut' },
	errText: { simulate: ['errText', { message: PANEL_TEXT }], timeoutMs: 2000, cause: new RegExp(PANEL_TEXT), send: 'refusedByPanel' },
	errorJson: { simulate: ['errorJson', { message: PANEL_TEXT }], timeoutMs: 2000, cause: new RegExp(PANEL_TEXT), send: 'refusedByPanel' },
	errorJsonLockOut: {
		simulate: ['errorJson', { message: LOCK_OUT_TEXT }],
		timeoutMs: 2000,
		cause: /TOO MANY ATTEMPTS\. OTP EXPIRED\./,
		send: 'refusedByPanel',
	},
	errorField: { simulate: ['errorField'], timeoutMs: 2000, cause: /Malformed Request/, send: 'refusedByPanel' },
	// What `[]` means depends on who says it: see ANSWERS.
	emptyArray: { simulate: ['emptyArray'], timeoutMs: 2000, cause: /./, send: 'refusedByPanel' },
	emptyBody: { simulate: ['emptyBody'], timeoutMs: 2000, cause: /SMS Handover sent an empty reply/, send: 'mayHaveGoneOut' },
	// A panel that moved, or a proxy sending http to https: never followed, the key stays home.
	redirect307: {
		simulate: ['redirect', { status: 307 }],
		timeoutMs: 2000,
		cause: /SMS Handover answered with a redirect \(HTTP 307\) to 127\.0\.0\.1:\d+/,
		send: 'nothingTaken',
		redirects: true,
	},
	redirect308: {
		simulate: ['redirect', { status: 308 }],
		timeoutMs: 2000,
		cause: /SMS Handover answered with a redirect \(HTTP 308\) to 127\.0\.0\.1:\d+/,
		send: 'nothingTaken',
		redirects: true,
	},
};
export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

export type OperationName =
	| 'sms.send'
	| 'sms.schedule'
	| 'sms.sendBulk'
	| 'deliveryReport.get'
	| 'account.getBalance'
	| 'otp.send'
	| 'otp.verify';

export interface Operation {
	endpoint: SimEndpoint;
	retry: RetryMode;
	parameters: IDataObject;
	/** Two input items, so "every item comes out" means something. */
	items: IDataObject[];
	/** One request per item, or one for the whole run (sendBulk: 2 items = 1 request). */
	perItem: boolean;
	/** Items in flight at once: without continueOnFail, the first failure stops items not yet started. */
	concurrency: number;
}

const MOBILES = ['919876543210', '919812345678'];
const sms = { resource: 'sms', senderId: 'DEMO', contacts: '={{ $json.mobile }}', message: 'Hi' };

export const OPERATIONS: Record<OperationName, Operation> = {
	'sms.send': {
		endpoint: 'send',
		retry: 'send',
		parameters: { ...sms, operation: 'send' },
		items: MOBILES.map((mobile) => ({ mobile })),
		perItem: true,
		concurrency: 5,
	},
	'sms.schedule': {
		endpoint: 'send',
		retry: 'send',
		parameters: { ...sms, operation: 'schedule', scheduleAt: '2099-03-19T14:30:00' },
		items: MOBILES.map((mobile) => ({ mobile })),
		perItem: true,
		concurrency: 5,
	},
	'sms.sendBulk': {
		endpoint: 'send',
		retry: 'send',
		parameters: { resource: 'sms', operation: 'sendBulk', senderId: 'DEMO', mobile: '={{ $json.mobile }}', message: 'Hi' },
		items: MOBILES.map((mobile) => ({ mobile })),
		perItem: false,
		concurrency: 1,
	},
	'deliveryReport.get': {
		endpoint: 'dlr',
		retry: 'read',
		parameters: { resource: 'deliveryReport', operation: 'get', shootId: '={{ $json.shootId }}' },
		items: [{ shootId: 'SHOOTFAULT000001' }, { shootId: 'SHOOTFAULT000002' }],
		perItem: true,
		concurrency: 5,
	},
	'account.getBalance': {
		endpoint: 'balance',
		retry: 'read',
		parameters: { resource: 'account', operation: 'getBalance' },
		items: [{}, {}],
		perItem: true,
		concurrency: 1,
	},
	'otp.send': {
		endpoint: 'otpSend',
		retry: 'send',
		parameters: { resource: 'otp', operation: 'send', channelId: '5', mobile: '={{ $json.mobile }}' },
		items: MOBILES.map((mobile) => ({ mobile })),
		perItem: true,
		concurrency: 5,
	},
	'otp.verify': {
		endpoint: 'otpVerify',
		retry: 'never',
		parameters: { resource: 'otp', operation: 'verify', reference: '={{ $json.reference }}', otp: '123456' },
		items: [{ reference: 'REFFAULT000000001' }, { reference: 'REFFAULT000000002' }],
		perItem: true,
		concurrency: 5,
	},
};

/** An answer that is a result, not an error: the json each item must come out with. */
type Result = { result: (item: IDataObject) => IDataObject };
type Expected = Result | { cause: RegExp; send?: SendVerdict };

/** Answers whose meaning depends on the operation (everything else is the fault's own cause). */
const ANSWERS: Partial<Record<FaultName, Partial<Record<OperationName, Expected>>>> = {
	emptyArray: {
		'sms.send': { cause: /SMS Handover accepted the request but returned no shoot id/, send: 'mayHaveGoneOut' },
		'sms.schedule': { cause: /SMS Handover accepted the request but returned no shoot id/, send: 'mayHaveGoneOut' },
		'sms.sendBulk': { cause: /SMS Handover accepted the request but returned no shoot id/, send: 'mayHaveGoneOut' },
		// No report yet: the item still comes out, naming its shoot id.
		'deliveryReport.get': { result: (item) => ({ shootId: item.shootId, mobile: null, status: 'unknown' }) },
		// A wallet-billed account lists no route credits: one item that says so, not an error.
		'account.getBalance': { result: () => ({ balance: null, unlimited: false, routes: 0, providerMessage: 'SMS Handover lists no route credits for this account' }) },
		'otp.send': { cause: /SMS Handover refused the OTP request without a reason/, send: 'refusedByPanel' },
		'otp.verify': { cause: /SMS Handover does not know the OTP reference "REFFAULT00000000[12]"/ },
	},
	// A lock-out is the verify's answer (verified: false), an error to anyone else.
	errorJsonLockOut: {
		'otp.verify': {
			result: (item) => ({ reference: item.reference, verified: false, expired: true, match: 'expired', reason: LOCK_OUT_TEXT }),
		},
	},
};

/** The panel's JSON API (v2): where each endpoint is, and the `[]` answers that read differently there. */
export type Api = 'classic' | 'v2';

export const V2_ENDPOINTS: Partial<Record<SimEndpoint, SimEndpoint>> = {
	send: 'v2Send',
	balance: 'v2Credits',
	dlr: 'v2Dlr',
	otpSend: 'v2OtpSend',
	otpVerify: 'v2OtpVerify',
};

export const endpointOf = (operation: Operation, api: Api): SimEndpoint =>
	api === 'v2' ? (V2_ENDPOINTS[operation.endpoint] ?? operation.endpoint) : operation.endpoint;

const NO_BATCH_ID = { cause: /SMS Handover accepted the request but returned no batch_id/, send: 'mayHaveGoneOut' as const };
const V2_ANSWERS: Partial<Record<FaultName, Partial<Record<OperationName, Expected>>>> = {
	emptyArray: {
		'sms.send': NO_BATCH_ID,
		'sms.schedule': NO_BATCH_ID,
		'sms.sendBulk': NO_BATCH_ID,
		// v2 lists credits in an object: a bare `[]` is no answer to that.
		'account.getBalance': { cause: /SMS Handover returned no credits/ },
	},
};

export interface CellExpectation {
	outcome: Expected;
	attemptsPerRequest: number;
	/** Requests the first attempts make: items (or 1 for sendBulk) that get as far as a request. */
	firstAttempts: number;
	requests: number;
}

export function expectationFor(operationName: OperationName, faultName: FaultName, continueOnFail: boolean, api: Api = 'classic'): CellExpectation {
	const operation = OPERATIONS[operationName];
	const fault = FAULTS[faultName];
	const outcome: Expected = (api === 'v2' ? V2_ANSWERS[faultName]?.[operationName] : undefined) ??
		ANSWERS[faultName]?.[operationName] ?? { cause: fault.cause, send: fault.send };
	const attemptsPerRequest = RETRIED_ON[operation.retry].includes(faultName) ? MAX_ATTEMPTS : 1;
	const items = operation.items.length;
	const failing = !('result' in outcome);
	// Without continueOnFail the first error stops every item not already in flight.
	const itemsReached = failing && !continueOnFail ? Math.min(operation.concurrency, items) : items;
	const firstAttempts = operation.perItem ? itemsReached : 1;
	return { outcome, attemptsPerRequest, firstAttempts, requests: firstAttempts * attemptsPerRequest };
}
