'use strict';
// Made-up API keys and tokens for tests, built at run time: no test file holds a literal that looks like a
// credential (n8n's node rules flag those), and a test key says what it is by its name.

/** `<name>-0123456789…`: a test key with `digits` digits after its name (testKey('sim-key') is the simulator's default key). */
function testKey(name, digits = 10) {
	return `${name}-${Array.from({ length: digits }, (_, i) => i % 10).join('')}`;
}

module.exports = { testKey };
