'use strict';
/**
 * How much to fuzz. `npm test` runs a fixed-seed subset; `npm run test:fuzz` (FUZZ_FULL=1 and a
 * fresh FUZZ_SEED, set by test/fuzz/jest.config.js) the full volume, the seed printed so a failure
 * can be replayed: FUZZ_SEED=<seed> npm run test:fuzz (FUZZ_NO_SHRINK=1: report the first failing
 * request as it was generated instead of shrinking it, which is slow for huge bodies).
 * Plain JS: it reads the environment and writes to stderr, which the TypeScript tests do not.
 */
const FULL = process.env.FUZZ_FULL === '1';
const FIXED_SEED = 20261130;
/** A full run or a replay names its seed and what it generated; the `npm test` subset stays quiet. */
const VERBOSE = FULL || Boolean(process.env.FUZZ_SEED);

/** Written at once (jest holds console output until a test ends): a run that dies still names its seed. */
function note(line) {
	if (VERBOSE) process.stderr.write(`${line}\n`);
}

function fuzzSettings(name, runs) {
	const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : FULL ? Date.now() % 2 ** 31 : FIXED_SEED;
	const numRuns = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : FULL ? runs.full : runs.subset;
	note(`${name}: ${numRuns} runs, seed ${seed} (replay: FUZZ_SEED=${seed} npm run test:fuzz)`);
	return { seed, numRuns, endOnFailure: process.env.FUZZ_NO_SHRINK === '1' };
}

/** Own property names of the built-in prototypes, to see whether a request added any. */
function prototypeFingerprint() {
	return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
		.map((proto) => Object.getOwnPropertyNames(proto).sort().join(','))
		.join('|');
}

/** Whether a request got a property onto every object. */
function polluted() {
	const probe = {};
	return probe.polluted !== undefined || probe.sms_shoot_id !== undefined || probe.mobile !== undefined;
}

module.exports = { FULL, fuzzSettings, note, prototypeFingerprint, polluted };
