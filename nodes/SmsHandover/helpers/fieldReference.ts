/**
 * Fast path for per-item parameters: when a parameter is exactly what n8n's
 * drag-and-drop mapping writes, e.g. `={{ $json.name }}` or `={{ $json['a field'].b }}`, its value
 * for an item is plain property access on the item's JSON, so it is parsed once here and read per
 * item with `readFieldPath` instead of running n8n's expression engine (~0.5 ms) per item.
 *
 * Conservative by design: anything this parser is not certain evaluates to plain property access
 * returns null and goes through n8n's normal evaluation, so both paths give the same value.
 */
import { isSafeObjectProperty } from 'n8n-workflow';

// Keys n8n's expression sandbox refuses to access (n8n-workflow's own `isSafeObjectProperty`, the
// same list in 1.120 and 2.41) and the names it reserves for itself (`___n8n_data`, `__sanitize`),
// plus `$`. On these the slow path must run so the user sees n8n's error.
const NAMES_RESERVED_BY_N8N = new Set(['___n8n_data', '__sanitize', '$']);

function leftToN8n(key: string): boolean {
	return !isSafeObjectProperty(key) || NAMES_RESERVED_BY_N8N.has(key);
}

const ROOT = '$json';
const PREFIX = '={{';
const SUFFIX = '}}';

// A JavaScript IdentifierName without escape sequences (what may follow a dot).
const IDENTIFIER_NAME = /[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*/uy;

// The escapes n8n's mapping writes (`\'`) and their obvious siblings; any other escape
// (`\n`, `\u0041`, `\x41`, line continuation...) is left to n8n.
const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"' };

interface Step {
	key: string;
	next: number;
}

function readDotKey(expression: string, start: number): Step | null {
	IDENTIFIER_NAME.lastIndex = start;
	const match = IDENTIFIER_NAME.exec(expression);
	return match === null ? null : { key: match[0], next: start + match[0].length };
}

/** `['…']` or `["…"]` starting at the `[`; null for anything else (numbers, variables, templates). */
function readBracketKey(expression: string, start: number): Step | null {
	const quote = expression[start + 1];
	if (quote !== "'" && quote !== '"') return null;
	let key = '';
	let position = start + 2;
	while (position < expression.length) {
		const character = expression[position];
		if (character === quote) {
			return expression[position + 1] === ']' ? { key, next: position + 2 } : null;
		}
		if (character === '\n' || character === '\r' || character === '\u2028' || character === '\u2029') {
			return null;
		}
		if (character === '\\') {
			const escaped = SIMPLE_ESCAPES[expression[position + 1]];
			if (escaped === undefined) return null;
			key += escaped;
			position += 2;
			continue;
		}
		key += character;
		position++;
	}
	return null;
}

/**
 * The property path of a plain n8n field reference (`={{ $json.a["b c"].d }}` → `['a', 'b c', 'd']`),
 * or null when `raw` is anything else: not a string, not one expression filling the whole value,
 * not rooted at `$json`, numeric indexes, calls, optional chaining, operators, whitespace between
 * the parts, or keys n8n's sandbox guards.
 */
export function parseFieldReference(raw: unknown): string[] | null {
	if (typeof raw !== 'string' || !raw.startsWith(PREFIX) || !raw.endsWith(SUFFIX)) return null;
	const inside = raw.slice(PREFIX.length, raw.length - SUFFIX.length);
	if (inside.includes('{{') || inside.includes('}}')) return null;
	const expression = inside.trim();
	if (!expression.startsWith(ROOT)) return null;

	const path: string[] = [];
	let position = ROOT.length;
	while (position < expression.length) {
		const character = expression[position];
		let step: Step | null = null;
		if (character === '.') step = readDotKey(expression, position + 1);
		else if (character === '[') step = readBracketKey(expression, position);
		if (step === null || leftToN8n(step.key)) return null;
		path.push(step.key);
		position = step.next;
	}
	return path.length > 0 ? path : null;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The value at `path` in `json`, by plain own-property access: undefined as soon as a hop is
 * missing, null or not an object (arrays are objects: `['list', '0']` reads the first element).
 * A string's own properties (`length`, character indexes) are read too, because JavaScript,
 * and so n8n's evaluation of the same expression, gives them: both paths must agree.
 */
export function readFieldPath(json: object, path: string[]): unknown {
	let current: unknown = json;
	for (const key of path) {
		if (current === null || (typeof current !== 'object' && typeof current !== 'string')) return undefined;
		if (!hasOwn.call(current, key)) return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}
