'use strict';
// Waiting in tests: Node's timers, kept out of the TypeScript tests (n8n's node rules refuse them there).

/** Resolves after `ms` milliseconds. */
function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `condition` every `everyMs` until it returns something truthy, and resolves with that;
 * rejects with `message()` (or a generic text) after `timeoutMs`.
 */
async function waitFor(condition, { timeoutMs = 5000, everyMs = 10, message } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await condition();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(message ? message() : `condition not met within ${timeoutMs} ms`);
		await delay(everyMs);
	}
}

module.exports = { delay, waitFor };
