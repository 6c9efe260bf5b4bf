// `npm run test:fuzz`: the fuzz tests at full volume with a fresh seed (see fuzzSettings.ts).
// Set here, before the workers start, so they inherit them: one seed for every file of the run.
process.env.FUZZ_FULL = '1';
process.env.FUZZ_SEED ??= String(Date.now() % 2 ** 31);

const base = require('../../jest.config');

module.exports = { ...base, rootDir: '../..', roots: ['<rootDir>/test/fuzz'] };
