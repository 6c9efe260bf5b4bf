// Types for servers.js: small loopback servers for tests.
export interface RecordedRequest {
	method: string;
	/** Path and query string as received. */
	url: string;
	contentType: string | undefined;
	body: string;
}

export interface Answer {
	status: number;
	contentType: string;
	body: string;
}

export interface RecordingServer {
	/** http://127.0.0.1:<port> */
	url: string;
	requests: RecordedRequest[];
	close(): Promise<void>;
}

/** A loopback server that records every request and answers it with `answer` (or `answer(n)` for the n-th, 1-based). */
export function startRecordingServer(answer: Answer | ((n: number) => Answer)): Promise<RecordingServer>;
/** A loopback port with nothing listening on it: connections are refused. */
export function refusedPort(): Promise<number>;
