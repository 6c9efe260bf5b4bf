/** How many items may have a request in flight at once (Send, Schedule and the reads). */
export const DEFAULT_CONCURRENCY = 5;
export const MAX_CONCURRENCY = 50;

/**
 * Runs `work` on every task, at most `concurrency` at a time, starting them in order; once
 * `stopped()` says so, no further task starts (those under way finish).
 */
export async function runConcurrently<T>(
	tasks: T[],
	concurrency: number,
	work: (task: T) => Promise<void>,
	stopped: () => boolean = () => false,
): Promise<void> {
	const lanes = Math.min(Math.max(1, Math.floor(concurrency)), MAX_CONCURRENCY, tasks.length);
	let next = 0;
	const lane = async () => {
		while (next < tasks.length && !stopped()) await work(tasks[next++]);
	};
	await Promise.all(Array.from({ length: lanes }, lane));
}
