'use strict';
// The repository on disk, for the tests that read its files or run npm in it. Node's fs, path,
// child_process and process stay here, out of the TypeScript tests.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');

/** A file of the repository (`file` relative to its root), as UTF-8 text. */
function readRepoFile(file) {
	return fs.readFileSync(path.join(REPO, file), 'utf8');
}

/** The names in a folder of the repository (`dir` relative to its root). */
function listRepoDir(dir) {
	return fs.readdirSync(path.join(REPO, dir));
}

/**
 * Runs npm in the repository and returns its stdout; throws when it fails. A surrounding `npm test`
 * leaks npm_config_* settings into children: npm must read only the repository's.
 */
function npmInRepo(...args) {
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
	return execFileSync('npm', args, { cwd: REPO, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

module.exports = { REPO, readRepoFile, listRepoDir, npmInRepo };
