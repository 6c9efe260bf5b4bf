'use strict';
/**
 * n8n's Logger in a jest test file. n8n-core's ErrorReporter logs every node error with
 * Logger.error, the transport logs its retries and the trigger its warnings: printed, the errors
 * tests expect would bury what jest says. On first use this makes the Container's Logger at debug
 * level (every line reaches it: the fault matrix searches them all for the API key) and swaps its
 * winston logger for a recorder, so nothing is printed and every line is kept for the running test.
 *
 * A test reads the lines with `logged()` and takes the ones it expected with `take()`; the
 * in-process runner (engine.ts, through `runLog`) takes the error lines that repeat the error it
 * returns. After each test (jestSetup.js) an error line nobody took fails that test. Spies on the
 * Logger's methods (`jest.spyOn(n8nLogger(), 'warn')`) still work: they sit in front of the recorder.
 */
let logger;
/** Lines of the running test, in order: { level, message, meta }. */
let lines = [];
/** The lines of `lines` someone took. */
let taken = new Set();

/** A winston-like sink: n8n's Logger calls `log(level, message, meta)`; scoped loggers use `child()`. */
function recorder(defaultMeta = {}) {
	return {
		log(level, message, meta = {}) {
			lines.push({ level, message: String(message), meta: { ...defaultMeta, ...meta } });
		},
		child(meta) {
			return recorder({ ...defaultMeta, ...meta });
		},
	};
}

/** n8n's Logger of this test file, recording instead of printing. */
function n8nLogger() {
	if (logger) return logger;
	const { Container } = require('@n8n/di');
	const { Logger } = require('@n8n/backend-common');
	// The level is read once, when n8n's config is made; the environment is left as it was.
	const level = process.env.N8N_LOG_LEVEL;
	process.env.N8N_LOG_LEVEL = 'debug';
	try {
		logger = Container.get(Logger);
	} finally {
		if (level === undefined) delete process.env.N8N_LOG_LEVEL;
		else process.env.N8N_LOG_LEVEL = level;
	}
	logger.setInternalLogger(recorder());
	return logger;
}

/** Every line logged in the running test so far, taken or not. */
function logged() {
	return [...lines];
}

function matches(line, level, message) {
	if (level !== undefined && line.level !== level) return false;
	if (message === undefined) return true;
	return typeof message === 'string' ? line.message.includes(message) : message.test(line.message);
}

/**
 * Takes the lines not yet taken with this level whose message contains `message` (or matches it),
 * and returns them: a test asserts on what it took.
 */
function take(level, message) {
	const found = lines.filter((line) => !taken.has(line) && matches(line, level, message));
	for (const line of found) taken.add(line);
	return found;
}

/** The messages of an error and its causes, as n8n's ErrorReporter logs them (one line each). */
function messagesOf(error) {
	const messages = [];
	const seen = new Set();
	// Not `instanceof Error`: errors made by Node itself come from another realm than jest's.
	for (let e = error; e && typeof e.message === 'string' && !seen.has(e); e = e.cause) {
		seen.add(e);
		messages.push(e.message);
	}
	return messages;
}

/** Whether a logged line is the report of one of `messages` (ErrorReporter appends the stack after a newline). */
const reports = (line, messages) => messages.some((message) => line.message === message || line.message.startsWith(`${message}\n`));

/** What the in-process runner needs: a place in the log, and the lines of a run. */
const runLog = {
	mark() {
		n8nLogger();
		return lines.length;
	},
	/** Lines logged since `mark`; error lines that report `error` (or one of its causes) count as taken. */
	linesOfRun(mark, error) {
		const run = lines.slice(mark);
		const messages = messagesOf(error);
		for (const line of run) if (line.level === 'error' && reports(line, messages)) taken.add(line);
		return run;
	},
};

function describeLine(line) {
	const message = line.message.length > 600 ? `${line.message.slice(0, 600)}…` : line.message;
	return `  ${line.level}: ${message}`;
}

/**
 * After each test: starts the record afresh and throws when n8n logged an error that neither the
 * test nor the runner took.
 */
function endTest() {
	if (!logger) return;
	const untaken = lines.filter((line) => line.level === 'error' && !taken.has(line));
	lines = [];
	taken = new Set();
	if (untaken.length > 0) {
		throw new Error(
			`n8n logged ${untaken.length} error line(s) this test did not expect (take them with take('error', …) from test/harness/n8nLog):\n` +
				untaken.map(describeLine).join('\n'),
		);
	}
}

module.exports = { n8nLogger, logged, take, runLog, endTest };
