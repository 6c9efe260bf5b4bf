// Types for rawHttp.js: HTTP requests fetch will not make (a body on a GET).
export interface RawReply {
	status: number;
	/** Lower-case names, as Node gives them. */
	headers: Record<string, string | string[] | undefined>;
	text: string;
}

/** Sends one request (http: only) with `method` (default GET), `headers` and `body` (Content-Length added) and reads the whole answer. */
export function rawRequest(url: string, options?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<RawReply>;
