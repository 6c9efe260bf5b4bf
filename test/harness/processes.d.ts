// Types for processes.js: Node processes for tests.
export interface StartedScript {
	/** stdout up to the match. */
	output: string;
	/** Sends the signal; resolves the exit code. */
	stop(signal: NodeJS.Signals): Promise<number | null>;
}

export interface NodeRun {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Starts `node <script> ...args` (`script` relative to the repository) and resolves once its stdout matches `ready`. */
export function startScript(script: string, args: string[], ready: RegExp, options?: { timeoutMs?: number }): Promise<StartedScript>;
/** Runs `node ...args` to its end, with `env` added to this process's environment. */
export function runNode(args: string[], options?: { env?: Record<string, string>; timeoutMs?: number }): NodeRun;
/** Runs `node <script> ...args` (`script` relative to the repository) to its end. */
export function runScript(script: string, args: string[], options?: { env?: Record<string, string>; timeoutMs?: number }): NodeRun;
