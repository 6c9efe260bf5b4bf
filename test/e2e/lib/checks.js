'use strict';
// A minimal check runner: one PASS/FAIL line per check, counts for the final summary.
const assert = require('node:assert/strict');
const { formatMs } = require('./proc');

class CheckRunner {
	constructor({ out = (line) => console.log(line) } = {}) {
		this.out = out;
		this.passed = 0;
		this.failed = 0;
		this.failures = [];
	}

	/** Runs fn; a thrown error fails the check. Resolves true when it passed. */
	async check(label, fn) {
		const started = Date.now();
		try {
			await fn();
			this.passed += 1;
			this.out(`PASS ${label} (${formatMs(Date.now() - started)})`);
			return true;
		} catch (error) {
			this.failed += 1;
			const message = error && error.message ? error.message : String(error);
			this.failures.push({ label, message });
			this.out(`FAIL ${label} (${formatMs(Date.now() - started)})\n${indent(message)}`);
			return false;
		}
	}

	/** Records checks that could not run (their setup failed) as failures. */
	skip(label, reason) {
		this.failed += 1;
		this.failures.push({ label, message: reason });
		this.out(`FAIL ${label} (not run: ${reason.split('\n')[0]})`);
	}

	summary() {
		return `${this.passed} passed, ${this.failed} failed`;
	}
}

function indent(text) {
	return String(text)
		.split('\n')
		.slice(0, 60)
		.map((l) => `    ${l}`)
		.join('\n');
}

/** Asserts `actual` has every key of `expected` with deep-equal values (other keys allowed). */
function assertFields(actual, expected, what = 'value') {
	assert.ok(actual && typeof actual === 'object', `${what}: expected an object, got ${JSON.stringify(actual)}`);
	for (const [key, value] of Object.entries(expected)) {
		assert.deepStrictEqual(actual[key], value, `${what}.${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual[key])}`);
	}
}

/** Asserts the text of `value` (any JSON) never contains `secret`. */
function assertNoSecret(value, secret, what) {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	assert.ok(!text.includes(secret), `${what} contains the API key`);
}

module.exports = { CheckRunner, assert, assertFields, assertNoSecret };
