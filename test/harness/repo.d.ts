// Types for repo.js: the repository on disk, for the tests that read its files or run npm in it.
/** The repository's root folder. */
export const REPO: string;
/** A file of the repository (`file` relative to its root), as UTF-8 text. */
export function readRepoFile(file: string): string;
/** The names in a folder of the repository (`dir` relative to its root). */
export function listRepoDir(dir: string): string[];
/** Runs npm in the repository (without the npm_* settings of a surrounding npm run) and returns its stdout; throws when it fails. */
export function npmInRepo(...args: string[]): string;
