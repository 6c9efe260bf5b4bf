/**
 * What a request that got no answer failed on, read from the error n8n's request helper throws.
 * Pure: no n8n imports, so both n8n shapes are unit-tested (test/unit/networkError.test.ts).
 *
 * n8n wraps the request library's error in a NodeApiError. n8n 2.x keeps that error as `cause`
 * (with Node's `code`: ECONNRESET, ECONNREFUSED...). n8n 1.x loses `cause` (a class field resets
 * it after the constructor set it) and swaps the message for its own sentence ("The connection to
 * the server was closed unexpectedly..."), but keeps the code in `httpCode` and the original
 * text ("socket hang up", "connect ECONNREFUSED 127.0.0.1:9") in `messages`.
 */
export interface NetworkError {
	/** Node's error code, '' when none can be found. */
	code: string;
	timedOut: boolean;
	/** The request library's own text, for the description when there is no code. */
	rawMessage: string;
}

interface N8nRequestError {
	message?: unknown;
	code?: unknown;
	cause?: { code?: unknown; message?: unknown } | null;
	/** n8n 1.x: the network code lands here when there is no HTTP status. */
	httpCode?: unknown;
	/** n8n 1.x: the original messages. */
	messages?: unknown;
}

const ERROR_CODE = /^E[A-Z][A-Z0-9_]+$/;
const CODE_IN_TEXT = /\b(E(?:CONN[A-Z]+|PIPE|NOTFOUND|AI_AGAIN|TIMEDOUT|HOSTUNREACH|NETUNREACH))\b/;

const asCode = (value: unknown) => (typeof value === 'string' && ERROR_CODE.test(value) ? value : undefined);

export function readNetworkError(error: unknown): NetworkError {
	const failure = (error ?? {}) as N8nRequestError;
	const inner = failure.cause ?? {};
	const texts = [inner.message, ...(Array.isArray(failure.messages) ? failure.messages : []), failure.message].filter(
		(text): text is string => typeof text === 'string' && text !== '',
	);
	const rawMessage = texts[0] ?? '';
	const code =
		asCode(inner.code) ??
		asCode(failure.code) ??
		asCode(failure.httpCode) ??
		texts.map((text) => CODE_IN_TEXT.exec(text)?.[1]).find((found) => found !== undefined) ??
		// Node names a socket closed before any answer "socket hang up", sometimes without a code.
		(texts.some((text) => /socket hang up/i.test(text)) ? 'ECONNRESET' : '');
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || texts.some((text) => /timeout/i.test(text));
	return { code, timedOut, rawMessage };
}
