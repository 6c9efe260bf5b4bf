'use strict';
// Whether a browser script parses, for the control page's test (compiled, never run).
const vm = require('node:vm');

/** True when `source` compiles as a classic script. */
function compiles(source) {
	new vm.Script(source, { filename: 'controlPage.inline.js' });
	return true;
}

module.exports = { compiles };
