// Types for repoFiles.js: file access for TypeScript tests (n8n's Cloud lint keeps node:fs out of *.ts).

/** The text of a repository file (path relative to the repository root, forward slashes). */
export function readRepoFile(relPath: string): string;

/** Whether a file or folder exists at that repository-relative path. */
export function repoFileExists(relPath: string): boolean;

/** The files directly in `dir` whose names end with `ext`, as repository-relative paths, sorted. */
export function listRepoFiles(dir: string, ext: string): string[];

/** Where a relative link in `fromFile` leads (repository-relative), or null when it leaves the repository. */
export function resolveRepoLink(fromFile: string, target: string): string | null;
