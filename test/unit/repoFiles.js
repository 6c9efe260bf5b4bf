// File access for TypeScript tests. n8n's Cloud lint forbids node:fs, node:path, process and
// __dirname in *.ts files, so the tests reach the repository's files through these functions.
// Paths are repository-relative with forward slashes; none may leave the repository.
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');

function absolute(relPath) {
	const full = path.resolve(REPO, relPath);
	if (full !== REPO && !full.startsWith(REPO + path.sep)) throw new Error(`${relPath} is outside the repository`);
	return full;
}

/** The text of a file, read as UTF-8. */
function readRepoFile(relPath) {
	return fs.readFileSync(absolute(relPath), 'utf8');
}

/** Whether a file or folder exists at that path (false for a path outside the repository). */
function repoFileExists(relPath) {
	try {
		return fs.existsSync(absolute(relPath));
	} catch {
		return false;
	}
}

/** The files directly in a folder whose names end with `ext`, as repository-relative paths, sorted. */
function listRepoFiles(dir, ext) {
	const folder = absolute(dir);
	if (!fs.existsSync(folder)) return [];
	return fs
		.readdirSync(folder, { withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith(ext))
		.map((entry) => path.posix.join(dir, entry.name))
		.sort();
}

/**
 * Where a relative link written in `fromFile` leads, as a repository-relative path, or null when it
 * leaves the repository. `target` is the link's path without its `#anchor`; '' is `fromFile` itself.
 */
function resolveRepoLink(fromFile, target) {
	if (target === '') return fromFile;
	// GitHub reads a link starting with `/` from the repository's root.
	const base = target.startsWith('/') ? '.' : path.posix.dirname(fromFile);
	const joined = path.posix.normalize(path.posix.join(base, target.replace(/^\/+/, '')));
	if (joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(joined)) return null;
	return joined.replace(/\/$/, '') || '.';
}

module.exports = { readRepoFile, repoFileExists, listRepoFiles, resolveRepoLink };
