'use strict';
// The few PHP functions whose exact behaviour the panel's answers depend on, written for the simulator:
// urlencode, urldecode, intval of a request string, strtok's first token, trim, and the sender-id filter
// of DooTextHelper::cleanInput. Strings are handled as PHP handles them, as UTF-8 bytes.

const UNRESERVED = /[A-Za-z0-9_.-]/;
const HEX = '0123456789ABCDEF';

/** PHP urlencode: letters, digits and -_. kept, space → '+', every other byte %XX (upper-case hex). */
function urlencode(text) {
	let out = '';
	for (const byte of Buffer.from(String(text), 'utf8')) {
		const char = String.fromCharCode(byte);
		if (byte < 0x80 && UNRESERVED.test(char)) out += char;
		else if (byte === 0x20) out += '+';
		else out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
	}
	return out;
}

const isHex = (byte) => (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);

/** The bytes PHP urldecode makes of `text`: '+' → space, %XX → that byte, a lone '%' kept. */
function urldecodeBytes(text) {
	const input = Buffer.from(String(text), 'utf8');
	const out = Buffer.alloc(input.length);
	let length = 0;
	for (let i = 0; i < input.length; i++) {
		const byte = input[i];
		if (byte === 0x2b) out[length++] = 0x20;
		else if (byte === 0x25 && i + 2 < input.length && isHex(input[i + 1]) && isHex(input[i + 2])) {
			out[length++] = parseInt(String.fromCharCode(input[i + 1], input[i + 2]), 16);
			i += 2;
		} else out[length++] = byte;
	}
	return out.subarray(0, length);
}

/** PHP urldecode, read back as UTF-8 (bytes that are not UTF-8 become U+FFFD). */
function urldecode(text) {
	return urldecodeBytes(text).toString('utf8');
}

// PHP_INT_MAX as a double (2^63 - 1 rounds to 2^63).
const INT_MAX = 2 ** 63;
const NUMERIC_PREFIX = /^[ \t\n\r\v\f]*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/;

/**
 * PHP 8 intval() of a request string: the leading number (leading whitespace, sign, decimals and exponent
 * allowed), truncated toward zero, capped to the 64-bit range; 0 when the string does not start with one
 * ('Transactional' → 0, '12abc' → 12, ' 3' → 3, '1e3' → 1000, '0x1A' → 0).
 */
function intval(text) {
	const match = NUMERIC_PREFIX.exec(String(text));
	if (!match) return 0;
	const value = Math.trunc(Number(match[1]));
	if (!Number.isFinite(value)) return value > 0 ? INT_MAX : -INT_MAX;
	return Math.max(-INT_MAX, Math.min(INT_MAX, value)) || 0;
}

const TRIMMED = new Set([' ', '\t', '\n', '\r', '\0', '\v']);

/** PHP trim with its default characters: space, \t, \n, \r, \0, \x0B. */
function trim(text) {
	let start = 0;
	let end = text.length;
	while (start < end && TRIMMED.has(text[start])) start++;
	while (end > start && TRIMMED.has(text[end - 1])) end--;
	return text.slice(start, end);
}

/** strtolower as PHP 8.2 does it: A–Z only. */
const lowerAscii = (text) => text.replace(/[A-Z]/g, (char) => char.toLowerCase());

/** strtok($text, ' '): the first run of non-space characters ('' where PHP gives false). */
function firstToken(text) {
	const match = /^ *([^ ]+)/.exec(text);
	return match ? match[1] : '';
}

/**
 * DooTextHelper::cleanInput($sender, ' ', 0): preg_replace('/[^A-Za-z0-9\-_ \w\d\p{L}]/u', '', …). PHP's /u
 * turns on Unicode properties, so \w is any letter or number: kept are letters, numbers, '-', '_' and the
 * space; everything else goes. A subject that is not UTF-8 makes preg_replace return null: '' here.
 */
function cleanSenderId(bytes) {
	let text;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return '';
	}
	return text.replace(/[^\p{L}\p{N}_ -]/gu, '');
}

module.exports = { urlencode, urldecode, urldecodeBytes, intval, trim, lowerAscii, firstToken, cleanSenderId };
