// Types for scriptSyntax.js.
/** True when `source` compiles as a classic script; throws its SyntaxError otherwise. */
export function compiles(source: string): boolean;
