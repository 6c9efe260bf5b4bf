// Types for summary.js: summaries printed only when asked by an environment variable.
/** Writes `line()` to stderr when the environment variable `variable` is set. */
export function printWhenAsked(variable: string, line: () => string): void;
