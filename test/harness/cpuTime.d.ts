// Types for cpuTime.js: CPU time of a piece of work.
/** Runs `work` and returns its result with the CPU time (user + system, ms) this process spent meanwhile. */
export function withCpuTime<T>(work: () => T): { result: T; cpuMs: number };
