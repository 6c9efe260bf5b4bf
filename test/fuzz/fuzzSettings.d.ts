// Types for fuzzSettings.js: how much to fuzz, and the checks every fuzz test shares.
export const FULL: boolean;
/** fast-check settings for one property: seed and runs for this mode; endOnFailure with FUZZ_NO_SHRINK=1. */
export function fuzzSettings(name: string, runs: { subset: number; full: number }): { seed: number; numRuns: number; endOnFailure: boolean };
/** A line on stderr in a full run or a replay (FUZZ_FULL or FUZZ_SEED); nothing in the `npm test` subset. */
export function note(line: string): void;
/** Own property names of the built-in prototypes, to see whether a request added any. */
export function prototypeFingerprint(): string;
/** Whether a request got a property onto every object. */
export function polluted(): boolean;
