// Types for testKeys.js: made-up API keys and tokens for tests, built at run time.
/** `<name>-0123456789…`: a test key with `digits` (default 10) digits after its name. */
export function testKey(name: string, digits?: number): string;
