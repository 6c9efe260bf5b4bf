/**
 * Runs the cells of the fault matrix (tables in faultMatrix.ts) through n8n's engine against the
 * simulator, with everything n8n logged at every level (the harness records it at debug level,
 * test/harness/n8nLog.js), and checks each against the tables.
 *
 * The waits between attempts (n8n-workflow's `sleep`) are recorded, not slept: the matrix is
 * about how many requests go out and what the user reads, and a loaded machine must not turn a
 * 3-attempt cell into 2 by eating its timeout budget. retries.test.ts times the real waits.
 */
import { runActionNode, type RunResult } from '../harness/execute';
import { refusedPort } from '../harness/servers';
import { printWhenAsked } from '../harness/summary';

const mockWaits: number[] = [];
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: async (ms: number) => {
		mockWaits.push(ms);
	},
}));
import { startSimulator, type Simulator } from '../simulator';
import {
	CANARY_KEY,
	endpointOf,
	expectationFor,
	FAULT_NAMES,
	FAULTS,
	OPERATIONS,
	type Api,
	type CellExpectation,
	type FaultName,
	type Operation,
	type OperationName,
	type SendVerdict,
} from './faultMatrix';

/** JSON of anything, errors with their non-enumerable fields (message, stack, cause), cycles cut. */
function allText(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, entry: unknown) => {
		if (typeof entry === 'bigint') return entry.toString();
		if (entry === null || typeof entry !== 'object') return entry;
		if (seen.has(entry)) return '[seen]';
		seen.add(entry);
		if (entry instanceof Error) {
			const error = entry as Error & { description?: unknown; cause?: unknown };
			return { ...error, name: error.name, message: error.message, description: error.description, stack: error.stack, cause: error.cause };
		}
		return entry;
	});
}

interface CellRun {
	result: RunResult;
	/** What n8n logged during the run, debug included. */
	logs: RunResult['logged'];
	/** Retries the transport announced (one info line per retry). */
	retries: number;
	/** The waits it asked for before them, in ms. */
	waits: number[];
}

async function runCell(
	sim: Simulator,
	refusedUrl: string,
	redirectTarget: Simulator,
	operationName: OperationName,
	faultName: FaultName,
	continueOnFail: boolean,
	api: Api,
): Promise<CellRun> {
	const operation = OPERATIONS[operationName];
	const fault = FAULTS[faultName];
	if (fault.simulate) {
		const [mode, options] = fault.simulate;
		const location = fault.redirects ? `${redirectTarget.baseUrl}/smsapi/index` : undefined;
		// v2 refuses with its error shape and a 4xx status (a 5xx would say the panel broke, not refused).
		const refusal = api === 'v2' && (mode === 'errText' || mode === 'errorJson') ? { status: 400 } : {};
		sim.setFailure(endpointOf(operation, api), mode, { ...options, ...refusal, ...(location ? { location } : {}) });
	}
	mockWaits.length = 0;
	const result = await runActionNode({
		parameters: { ...operation.parameters, options: { timeout: fault.timeoutMs } },
		items: operation.items,
		credentials: {
			apiKey: CANARY_KEY,
			baseUrl: fault.simulate ? sim.baseUrl : refusedUrl,
			timeZone: 'Asia/Kolkata',
			apiVersion: api,
		},
		continueOnFail,
	});
	const retries = result.logged.filter((line) => line.level === 'info' && /; attempt \d in \d+ ms$/.test(line.message)).length;
	return { result, logs: result.logged, retries, waits: [...mockWaits] };
}

/**
 * Where the key travelled in a request the simulator got (so a leak check is not vacuous): classic,
 * in the path, query or form; v2, in the Authorization header and nowhere else.
 */
function carriesKey(request: Simulator['requests'][number], api: Api): boolean {
	const elsewhere = request.path.includes(CANARY_KEY) || request.query.key === CANARY_KEY || request.form.key === CANARY_KEY;
	if (api === 'classic') return elsewhere;
	return request.headers.authorization === `Bearer ${CANARY_KEY}` && !elsewhere && !JSON.stringify(request.form).includes(CANARY_KEY);
}

const MAY_HAVE_GONE_OUT = /may (or may not )?have been submitted/;
const NOTHING_SUBMITTED = /Nothing was submitted: the connection to SMS Handover could not be opened/;
const NOTHING_TAKEN = /Nothing was submitted: the panel answered with a redirect instead of taking the request/;

/** What a send's error says about the message, checked against the fault's verdict. */
function expectSendVerdict(description: unknown, verdict: SendVerdict | undefined) {
	const text = String(description ?? '');
	if (verdict === 'mayHaveGoneOut') expect(text).toMatch(MAY_HAVE_GONE_OUT);
	else expect(text).not.toMatch(MAY_HAVE_GONE_OUT);
	if (verdict === 'nothingSubmitted') expect(text).toMatch(NOTHING_SUBMITTED);
	if (verdict === 'nothingTaken') expect(text).toMatch(NOTHING_TAKEN);
}

/** The items or the node error of a cell, against what the tables say. */
function expectOutcome(operation: Operation, expected: CellExpectation, continueOnFail: boolean, result: RunResult) {
	const { outcome } = expected;
	if ('result' in outcome) {
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual(
			operation.items.map((item, itemIndex) => ({ json: expect.objectContaining(outcome.result(item)), pairedItem: { item: itemIndex } })),
		);
		return;
	}
	const retryNote = expected.attemptsPerRequest > 1 ? /; gave up after 3 attempts/ : /^(?![\s\S]*gave up after)/;
	const sendVerdict = operation.retry === 'send' ? outcome.send : undefined;
	if (continueOnFail) {
		// Every input item comes out, as an error paired with it.
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual(operation.items.map((_, itemIndex) => ({ item: itemIndex })));
		for (const { json } of result.items) {
			expect(json.error).toMatch(outcome.cause);
			expect(json.error).toMatch(retryNote);
			if (sendVerdict) expectSendVerdict(json.description, sendVerdict);
		}
		return;
	}
	expect(result.items).toEqual([]);
	expect(result.error?.message).toMatch(outcome.cause);
	expect(result.error?.message).toMatch(retryNote);
	// The error names the item that failed: one of those that got as far as a request.
	const reached = Array.from({ length: operation.perItem ? expected.firstAttempts : 1 }, (_, itemIndex) => itemIndex);
	expect(reached).toContain(result.error?.context?.itemIndex);
	if (sendVerdict) expectSendVerdict(result.error?.description, sendVerdict);
}

/** Counts over every cell a file ran, printed with FAULT_MATRIX_SUMMARY=1. */
const tally = { cells: 0, requests: 0, items: 0, leaks: 0 };

/**
 * One `it` per operation × fault × continueOnFail, named after the three, so a failure says
 * which cell broke.
 */
export function describeFaultMatrix(operationNames: OperationName[], api: Api = 'classic') {
	let sim: Simulator;
	let refusedUrl: string;
	// Where redirect cells point: a second panel, which must never receive a request.
	let redirectTarget: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, apiKey: CANARY_KEY });
		redirectTarget = await startSimulator({ port: 0, apiKey: CANARY_KEY });
		// A port nothing listens on: connections to it are refused.
		refusedUrl = `http://127.0.0.1:${await refusedPort()}`;
	});
	beforeEach(() => {
		sim.reset();
		redirectTarget.reset();
	});
	afterAll(async () => {
		await sim.close();
		await redirectTarget.close();
		printWhenAsked(
			'FAULT_MATRIX_SUMMARY',
			() => `fault matrix (${api}) ${operationNames.join(', ')}: ${tally.cells} cells, ${tally.requests} requests, ${tally.items} input items, ${tally.leaks} leaks`,
		);
	});

	for (const operationName of operationNames) {
		const operation = OPERATIONS[operationName];
		describe(api === 'classic' ? operationName : `${operationName} (${api})`, () => {
			for (const faultName of FAULT_NAMES) {
				for (const continueOnFail of [true, false]) {
					it(`${operationName} × ${faultName} × continueOnFail ${continueOnFail ? 'on' : 'off'}`, async () => {
						const expected = expectationFor(operationName, faultName, continueOnFail, api);
						const { result, logs, retries, waits } = await runCell(sim, refusedUrl, redirectTarget, operationName, faultName, continueOnFail, api);
						// Every level was searched: the run logged its debug lines too.
						expect(logs.some((line) => line.level === 'debug')).toBe(true);
						const leaked = allText({ items: result.items, error: result.error, run: result.run, logs }).includes(CANARY_KEY);
						Object.assign(tally, {
							cells: tally.cells + 1,
							items: tally.items + operation.items.length,
							requests: tally.requests + expected.requests,
							leaks: tally.leaks + (leaked ? 1 : 0),
						});

						// Exactly the expected requests: no double send, retries only where the policy allows.
						if (FAULTS[faultName].simulate) {
							expect(sim.requests.map((request) => request.endpoint)).toEqual(Array(expected.requests).fill(endpointOf(operation, api)));
							expect(sim.requests.every((request) => carriesKey(request, api))).toBe(true);
						} else {
							expect(sim.requests).toEqual([]);
						}
						// A redirect is never followed: the address it names gets nothing, the key least of all.
						expect(redirectTarget.requests).toEqual([]);
						expect(retries).toBe(expected.requests - expected.firstAttempts);
						// One wait per retry, within the documented backoff (Retry-After 0 or past: none).
						expect(waits).toHaveLength(retries);
						for (const ms of waits) expect(ms).toBeLessThanOrEqual(800);
						expectOutcome(operation, expected, continueOnFail, result);
						expect(leaked).toBe(false);
					});
				}
			}
		});
	}
}
