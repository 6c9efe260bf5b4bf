'use strict';
/**
 * Builds and packs the package once (the e2e harness's buildAndPack), then unpacks that tarball
 * under bench/out/pkg: every section measures the same code, even if dist/ is rebuilt meanwhile
 * by someone else. bench/out/ is inside the repo, so the unpacked dist resolves n8n-workflow from
 * the repo's node_modules, as n8n's own copy is resolved in a real install.
 */
const fs = require('fs');
const path = require('path');
const h = require('../../test/e2e/lib');

const OUT_DIR = path.join(__dirname, '..', 'out');
const REPO = path.join(__dirname, '..', '..');
/** test/harness/engine.ts compiled by bench/tsconfig.json: the jest runner, for a built package. */
const HARNESS = path.join(OUT_DIR, 'harness', 'engine.js');

async function snapshotPackage({ skipBuild = false, log }) {
	const packDir = path.join(OUT_DIR, 'pack');
	const packageDir = path.join(OUT_DIR, 'pkg');
	fs.rmSync(packDir, { recursive: true, force: true });
	const packed = await h.buildAndPack({ log, skipBuild, outDir: packDir });
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	const r = await h.run('tar', ['-xzf', packed.tarball, '-C', packageDir, '--strip-components=1']);
	if (r.code !== 0) throw new Error(`tar failed: ${r.stderr}`);
	await compileHarness({ log });
	return { packed, packageDir };
}

async function compileHarness({ log }) {
	fs.rmSync(path.dirname(HARNESS), { recursive: true, force: true });
	const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
	const r = await h.run(process.execPath, [tsc, '-p', path.join(REPO, 'bench', 'tsconfig.json')], { cwd: REPO, timeoutMs: 5 * 60 * 1000 });
	if (r.code !== 0 || !fs.existsSync(HARNESS)) throw new Error(`compiling test/harness failed:\n${r.stdout}${r.stderr}`);
	if (log) log(`compiled test/harness/engine.ts in ${h.formatMs(r.ms)}`);
}

module.exports = { OUT_DIR, HARNESS, snapshotPackage };
