#!/usr/bin/env node
// The shape of the code, measured over the TypeScript sources of nodes/ and credentials/:
//   - imports between two resource folders of actions/ (target: none);
//   - the longest chain of relative imports that stays inside actions/ (target: at most 5 files);
//   - hand-written files over 250 lines (target: none);
//   - blocks of 6 or more identical lines (comments and blank lines aside) that stand in two places
//     of nodes/, outside the resource files' operation dropdowns (target: none).
//
//   node scripts/architecture.mjs [root]          report (root: a checkout, default this one)
//   node scripts/architecture.mjs [root] --check  report, exit 1 when a target is missed (npm run lint)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const check = args.includes('--check');
const ROOT = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const ACTIONS = 'nodes/SmsHandover/actions';
const MAX_CHAIN = 5;
const MAX_LINES = 250;
const MIN_BLOCK = 6;

function sourceFiles(dir) {
	const found = [];
	const walk = (relative) => {
		for (const entry of fs.readdirSync(path.join(ROOT, relative), { withFileTypes: true })) {
			const child = path.posix.join(relative, entry.name);
			if (entry.isDirectory()) walk(child);
			else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(child);
		}
	};
	if (fs.existsSync(path.join(ROOT, dir))) walk(dir);
	return found.sort();
}

const files = [...sourceFiles('nodes'), ...sourceFiles('credentials')];
const text = new Map(files.map((file) => [file, fs.readFileSync(path.join(ROOT, file), 'utf8')]));
const known = new Set(files);

// `import … from './x'`, `export … from './x'`, `import './x'`: relative module paths only.
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function resolve(from, specifier) {
	const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
	return [`${base}.ts`, `${base}/index.ts`, base].find((candidate) => known.has(candidate)) ?? null;
}

const imports = new Map(
	files.map((file) => {
		const targets = new Set();
		for (const match of text.get(file).matchAll(IMPORT)) {
			const target = resolve(file, match[1] ?? match[2]);
			if (target) targets.add(target);
		}
		return [file, [...targets]];
	}),
);

const inActions = (file) => file.startsWith(`${ACTIONS}/`);
/** The resource folder of an actions/ file (`sms`, `otp`…), or null for a shared file. */
function resourceOf(file) {
	if (!inActions(file)) return null;
	const parts = file.slice(ACTIONS.length + 1).split('/');
	if (parts.length < 2 || parts[0] === 'shared') return null;
	return fs.readdirSync(path.join(ROOT, ACTIONS, parts[0])).some((name) => name.endsWith('.resource.ts')) ? parts[0] : null;
}

// 1. Imports between resource folders.
const crossResource = [];
for (const [file, targets] of imports) {
	for (const target of targets) {
		const [a, b] = [resourceOf(file), resourceOf(target)];
		if (a && b && a !== b) crossResource.push(`${file} → ${target}`);
	}
}

// 2. The longest import chain inside actions/ (files counted, the importing file included).
const longest = new Map();
function chainFrom(file, visiting = new Set()) {
	if (longest.has(file)) return longest.get(file);
	if (visiting.has(file)) return [file]; // a cycle: stop here
	visiting.add(file);
	let best = [file];
	for (const target of imports.get(file).filter(inActions)) {
		const chain = [file, ...chainFrom(target, visiting)];
		if (chain.length > best.length) best = chain;
	}
	visiting.delete(file);
	longest.set(file, best);
	return best;
}
const actionFiles = files.filter(inActions);
const chain = actionFiles.map((file) => chainFrom(file)).reduce((a, b) => (b.length > a.length ? b : a), []);
const actionImports = actionFiles.reduce((sum, file) => sum + imports.get(file).filter(inActions).length, 0);
const actionLines = actionFiles.reduce((sum, file) => sum + text.get(file).split('\n').length - 1, 0);

// 3. Long files.
const lineCount = (file) => text.get(file).split('\n').length - (text.get(file).endsWith('\n') ? 1 : 0);
const longFiles = files.filter((file) => lineCount(file) > MAX_LINES).map((file) => `${file} (${lineCount(file)} lines)`);

// 4. Repeated blocks: windows of MIN_BLOCK code lines (trimmed; blank and comment lines skipped).
const isResourceFile = (file) => file.endsWith('.resource.ts');
const codeLines = (file) =>
	text
		.get(file)
		.split('\n')
		.map((line, index) => ({ line: line.trim(), number: index + 1 }))
		.filter(({ line }) => line !== '' && !/^(\/\/|\/\*|\*)/.test(line));
const windows = new Map();
for (const file of files.filter((f) => f.startsWith('nodes/') && !isResourceFile(f))) {
	const lines = codeLines(file);
	for (let start = 0; start + MIN_BLOCK <= lines.length; start++) {
		const block = lines.slice(start, start + MIN_BLOCK);
		// Closing brackets and imports alone repeat everywhere without being logic.
		if (block.filter(({ line }) => /[A-Za-z0-9]/.test(line) && !/^import\s/.test(line)).length < MIN_BLOCK - 1) continue;
		const key = block.map(({ line }) => line).join('\n');
		const at = `${file}:${block[0].number}-${block[block.length - 1].number}`;
		if (!windows.has(key)) windows.set(key, []);
		windows.get(key).push({ file, at });
	}
}
// Overlapping windows of one longer block name the same places: keep the first per set of files.
const byFiles = new Map();
for (const places of windows.values()) {
	if (places.length < 2) continue;
	const files = places.map((place) => place.file).join(' ~ ');
	if (!byFiles.has(files)) byFiles.set(files, places.map((place) => place.at).join(' ~ '));
}
const repeated = [...byFiles.values()];

const report = [
	`root: ${ROOT}`,
	`actions/: ${actionFiles.length} files, ${actionLines} lines, ${actionImports} relative imports between them`,
	`imports between resource folders: ${crossResource.length}${crossResource.length ? `\n  ${crossResource.join('\n  ')}` : ''}`,
	`longest import chain inside actions/: ${chain.length} files (${chain.join(' → ')})`,
	`files over ${MAX_LINES} lines in nodes/ and credentials/: ${longFiles.length}${longFiles.length ? `\n  ${longFiles.join('\n  ')}` : ''}`,
	`blocks of ${MIN_BLOCK}+ identical code lines repeated in nodes/ (resource files aside): ${repeated.length}${repeated.length ? `\n  ${repeated.slice(0, 20).join('\n  ')}` : ''}`,
];
console.log(report.join('\n'));

const missed = [
	crossResource.length > 0 && 'an import between resource folders',
	chain.length > MAX_CHAIN && `an import chain of ${chain.length} files inside actions/ (at most ${MAX_CHAIN})`,
	longFiles.length > 0 && `a file over ${MAX_LINES} lines`,
	repeated.length > 0 && `a repeated block of ${MIN_BLOCK}+ lines`,
].filter(Boolean);
if (check && missed.length) {
	console.error(`architecture targets missed: ${missed.join('; ')}`);
	process.exitCode = 1;
}
