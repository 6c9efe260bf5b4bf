'use strict';
// Builds and packs this repo, then lays the tarball out the way n8n's community-package
// installer does (CommunityPackagesService.downloadPackage): extract into
// <user folder>/.n8n/nodes/node_modules/<name>, drop dev/peer/optional dependencies from its
// package.json, and list it in <user folder>/.n8n/nodes/package.json ("installed-nodes").
const fs = require('fs');
const os = require('os');
const path = require('path');
const { cleanEnv, run, formatMs } = require('./proc');

const REPO = path.resolve(__dirname, '..', '..', '..');
const defaultLog = (line) => console.log(`[e2e] ${line}`);

/** A temp folder for the tarball, removed when this process exits. */
function temporaryDir() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smshandover-pack-'));
	process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
	return dir;
}

/** `npm run build` then `npm pack`; returns { tarball, name, version }. */
async function buildAndPack({ log = defaultLog, skipBuild = false, outDir } = {}) {
	const env = cleanEnv();
	if (!skipBuild) {
		const r = await run('npm', ['run', 'build'], { cwd: REPO, env, timeoutMs: 10 * 60 * 1000 });
		if (r.code !== 0) throw new Error(`npm run build failed:\n${(r.stdout + r.stderr).trim().split('\n').slice(-30).join('\n')}`);
		log(`built the package in ${formatMs(r.ms)}`);
	}
	const dest = outDir || temporaryDir();
	fs.mkdirSync(dest, { recursive: true });
	const r = await run('npm', ['pack', '--json', '--pack-destination', dest], { cwd: REPO, env, timeoutMs: 120000 });
	if (r.code !== 0) throw new Error(`npm pack failed:\n${r.stderr || r.stdout}`);
	const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
	const tarball = path.join(dest, info.filename);
	log(`packed ${info.name}@${info.version} (${info.files.length} files, ${info.size} bytes)`);
	return { tarball, name: info.name, version: info.version, files: info.files.map((f) => f.path) };
}

/** Installs a packed tarball into a user folder as n8n's installer would. */
async function installIntoUserFolder(userFolder, packed) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const pkgDir = path.join(nodesDir, 'node_modules', packed.name);
	fs.rmSync(pkgDir, { recursive: true, force: true });
	fs.mkdirSync(pkgDir, { recursive: true });
	const r = await run('tar', ['-xzf', packed.tarball, '-C', pkgDir, '--strip-components=1']);
	if (r.code !== 0) throw new Error(`tar failed: ${r.stderr}`);
	const pkgJsonPath = path.join(pkgDir, 'package.json');
	const pkgJson = JSON.parse(fs.readFileSync(pkgJsonPath, 'utf8'));
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete pkgJson[field];
	if (pkgJson.dependencies && Object.keys(pkgJson.dependencies).length) {
		// n8n would `npm install` them; we promise zero runtime dependencies, so refuse instead.
		throw new Error(`the package declares runtime dependencies: ${Object.keys(pkgJson.dependencies).join(', ')}`);
	}
	fs.writeFileSync(pkgJsonPath, JSON.stringify(pkgJson, null, 2));
	const listPath = path.join(nodesDir, 'package.json');
	let list = { name: 'installed-nodes', private: true, dependencies: {} };
	try {
		list = JSON.parse(fs.readFileSync(listPath, 'utf8'));
	} catch {
		// first install in this folder
	}
	list.dependencies = { ...(list.dependencies || {}), [packed.name]: packed.version };
	fs.writeFileSync(listPath, JSON.stringify(list, null, 2));
	return pkgDir;
}

module.exports = { REPO, buildAndPack, installIntoUserFolder };
