// Types for timers.js: waiting in tests.
/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void>;
/** Polls `condition` until it returns something truthy and resolves with it; rejects with `message()` after `timeoutMs` (default 5000). */
export function waitFor<T>(condition: () => T | Promise<T>, options?: { timeoutMs?: number; everyMs?: number; message?: () => string }): Promise<NonNullable<T>>;
