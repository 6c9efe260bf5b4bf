'use strict';
// Plain JavaScript as an oracle: what an expression evaluates to, independent of the code under test.
// (A TypeScript test may not build functions from text under n8n's node rules.)

/** The value of `expression` evaluated as JavaScript with `variables` in scope (e.g. { $json: item }). */
function evaluateExpression(expression, variables) {
	const names = Object.keys(variables);
	return new Function(...names, `return (${expression});`)(...names.map((name) => variables[name]));
}

module.exports = { evaluateExpression };
