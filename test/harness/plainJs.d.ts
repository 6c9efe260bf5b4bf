// Types for plainJs.js: plain JavaScript as an oracle.
/** The value of `expression` evaluated as JavaScript with `variables` in scope. */
export function evaluateExpression(expression: string, variables: Record<string, unknown>): unknown;
