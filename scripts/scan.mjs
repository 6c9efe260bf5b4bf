#!/usr/bin/env node
// n8n's verification scanner (@n8n/scan-community-package) on this package, the way it scans a
// published one (scanner/scanner.mjs, analyzePackageByName): its ESLint config (buildScanConfig,
// inline eslint-disable comments ignored) over two legs,
//   source:  package.json + {nodes,credentials}/**/*.{js,ts,json} of the repository (SOURCE_FILE_PATTERNS)
//   tarball: **/*.js + package.json of what `npm pack` ships (built first, see --no-build).
// It leaves out what needs the registry (provenance, download, source fetch): publish.yml runs the
// real CLI on the published version for that.
//
//   node scripts/scan.mjs            CI: every rule except the two that need the publisher (below)
//   node scripts/scan.mjs --full     every rule, and the scanner's own analyzePackage verdict (publish.yml)
//   node scripts/scan.mjs --no-build use the current dist/
//
// The publisher's identity is not known yet, so CI leaves out exactly two requirements: an
// `author` with name and e-mail (an error, checked twice: @n8n's `valid-author` and n8n-nodes-base's
// `community-package-json-author-missing`) and a `homepage` (`require-homepage`, a warning). Nothing
// is invented to satisfy them; `--full` keeps them and fails until CONTRIBUTING.md "Publishing" is done.
// Exit code 1 on any error or warning (the scanner itself fails on errors only; lint allows no warning).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCANNER = path.join(REPO, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs');
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];
const CI_LEFT_OUT = [
	'@n8n/community-nodes/valid-author',
	'n8n-nodes-base/community-package-json-author-missing',
	'@n8n/community-nodes/require-homepage',
];

const { analyzePackage, buildScanConfig, SOURCE_FILE_PATTERNS } = await import(SCANNER);
// The scanner's own eslint and fast-glob, so the versions match what it runs with.
const scannerRequire = createRequire(SCANNER);
const { ESLint } = scannerRequire('eslint');
const glob = scannerRequire('fast-glob');

/** analyzePackage's ESLint run with `leftOut` rules switched off; returns ESLint's results. */
async function lintLeg(dir, patterns, leftOut) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: [...(await buildScanConfig()), { rules: Object.fromEntries(leftOut.map((rule) => [rule, 'off'])) }],
	});
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	if (files.length === 0) throw new Error(`no files to scan in ${dir}`);
	const results = await eslint.lintFiles(files);
	const formatter = await eslint.loadFormatter('stylish');
	return { files: files.length, results, text: await formatter.format(results) };
}

function packTarball({ build }) {
	const { buildAndPack } = require('../test/e2e/lib/pack.js');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smshandover-scan-'));
	process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
	return buildAndPack({ skipBuild: !build, outDir: dir, log: (line) => console.log(`[scan] ${line}`) }).then((packed) => {
		const unpacked = path.join(dir, 'package');
		fs.mkdirSync(unpacked);
		const tar = spawnSync('tar', ['-xzf', packed.tarball, '-C', unpacked, '--strip-components=1']);
		if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
		return unpacked;
	});
}

async function main() {
	const args = process.argv.slice(2);
	const full = args.includes('--full');
	const legs = [
		{ name: 'source', dir: REPO, patterns: SOURCE_FILE_PATTERNS },
		{ name: 'tarball', dir: await packTarball({ build: !args.includes('--no-build') }), patterns: TARBALL_PATTERNS },
	];
	let failed = false;
	const leftOut = full ? [] : CI_LEFT_OUT;
	for (const leg of legs) {
		if (full) {
			// The scanner's own verdict (errors only), then the same run again to count its warnings.
			const verdict = await analyzePackage(leg.dir, leg.patterns);
			console.log(`[scan] ${leg.name}: the scanner's analyzePackage ${verdict.passed ? 'passed' : `FAILED (${verdict.message})`}`);
			if (!verdict.passed) failed = true;
		}
		const { files, results, text } = await lintLeg(leg.dir, leg.patterns, leftOut);
		const errors = results.reduce((n, r) => n + r.errorCount, 0);
		const warnings = results.reduce((n, r) => n + r.warningCount, 0);
		const scope = leftOut.length ? `left out: ${leftOut.join(', ')}` : 'every rule';
		console.log(`[scan] ${leg.name}: ${files} files, ${errors} errors, ${warnings} warnings (${scope})`);
		if (text) console.log(text);
		if (errors || warnings) failed = true;
	}
	process.exitCode = failed ? 1 : 0;
}

await main();
