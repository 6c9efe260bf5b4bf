// Types for n8nLog.js: n8n's Logger in a jest test file, recording instead of printing.
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface LogLine {
	level: LogLevel;
	/** As logged; n8n's ErrorReporter appends the stack after a newline. */
	message: string;
	/** The metadata, with the file and function n8n's Logger adds. */
	meta: Record<string, unknown>;
}

/** The methods of n8n's Logger (@n8n/backend-common) a test spies on. */
export interface N8nLogger {
	error(message: string, meta?: object): void;
	warn(message: string, meta?: object): void;
	info(message: string, meta?: object): void;
	debug(message: string, meta?: object): void;
}

/** What the in-process runner (engine.ts) needs: a place in the log, and the lines of a run. */
export interface RunLog {
	mark(): number;
	/** Lines logged since `mark`; error lines that report `error` (or one of its causes) count as taken. */
	linesOfRun(mark: number, error: Error | undefined): LogLine[];
}

/** n8n's Logger of this test file (the Container's), at debug level, recording instead of printing. */
export function n8nLogger(): N8nLogger;
/** Every line logged in the running test so far, taken or not. */
export function logged(): LogLine[];
/** Takes the lines not yet taken with this level whose message contains `message` (or matches it), and returns them. */
export function take(level?: LogLevel, message?: string | RegExp): LogLine[];
export const runLog: RunLog;
/** After each test (jestSetup.js): starts afresh; throws when an error line was not taken. */
export function endTest(): void;
