'use strict';
// Summaries a test prints only when asked by an environment variable, written to stderr at once.

/** Writes `line()` to stderr when the environment variable `variable` is set (e.g. FAULT_MATRIX_SUMMARY=1). */
function printWhenAsked(variable, line) {
	if (process.env[variable]) process.stderr.write(`${line()}\n`);
}

module.exports = { printWhenAsked };
