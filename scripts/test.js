#!/usr/bin/env node
'use strict';
// `npm test`: jest on every suite of jest.config.js. It says first what else that does: the package suite
// (test/package/packContents.test.ts) builds the package, rewriting dist/, and packs it with
// `npm pack --dry-run`. Arguments go to jest as they are (`npm test -- test/unit`).
const { spawnSync } = require('node:child_process');

const args = process.argv.slice(2);
console.log(
	args.length === 0
		? 'npm test: jest on every suite (unit, integration, simulator, fuzz subset, package); the package suite builds the package (npm run build, rewrites dist/) and packs it (npm pack --dry-run)'
		: `npm test: jest ${args.join(' ')} (the package suite, if it runs, builds the package into dist/ and packs it)`,
);
const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...args], { stdio: 'inherit' });
if (jest.signal) process.kill(process.pid, jest.signal);
process.exit(jest.status ?? 1);
