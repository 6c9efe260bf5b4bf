/**
 * Contact numbers: split what the user gave (text, array, number) into tokens, normalise each to
 * digits with the country prefix, refuse what cannot be a phone number. Pure, and one linear
 * pass over the input (50,000 contacts is the common bulk size), with no regex per character.
 */

export interface ParsedContacts {
	/** Normalised digits, duplicates removed, in first-seen order. */
	numbers: string[];
	/** Tokens that are not plausible phone numbers, exactly as given. */
	invalid: string[];
}

export const MIN_PHONE_DIGITS = 8;
export const MAX_PHONE_DIGITS = 15; // ITU-T E.164

// Spaces and tabs between numbers are ambiguous ("+91 98765 43210" is one number): see
// splitOnWhitespace. Commas, semicolons and line breaks always separate numbers.
const WHITESPACE_RUN = /\s+/;
const CODE_COMMA = 44;
const CODE_SEMICOLON = 59;
const CODE_LF = 10;
const CODE_CR = 13;

/** Called once per token; `invalidNumber` marks a JS number that can never be a phone number. */
type TokenSink = (raw: string, invalidNumber: boolean) => void;

/** Same set as `\s` in a regular expression, without running one per character. */
function isWhitespace(code: number): boolean {
	if (code < 128) return code === 32 || (code >= 9 && code <= 13);
	return (
		code === 0xa0 ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x202f ||
		code === 0x205f ||
		code === 0x3000 ||
		code === 0xfeff
	);
}

const COUNTRY_PREFIX = /^(\+|00)\d{1,3}$/;

/**
 * A piece between hard separators that holds whitespace is either several numbers separated by
 * spaces or one number written in groups. A lone country prefix ("+91", "0044") belongs to the
 * part after it. Then, if any part is a phone number by itself, the parts are separate tokens;
 * otherwise the whole piece is one number in groups. Doubt ends in an error naming the token,
 * never in digits glued into a different number.
 */
function splitOnWhitespace(piece: string, sink: TokenSink): void {
	const parts: string[] = [];
	for (const part of piece.split(WHITESPACE_RUN)) {
		const previous = parts[parts.length - 1];
		if (previous !== undefined && COUNTRY_PREFIX.test(previous)) parts[parts.length - 1] = `${previous} ${part}`;
		else parts.push(part);
	}
	if (!parts.some((part) => normalisePhone(part) !== null)) {
		sink(piece, false);
		return;
	}
	for (const part of parts) sink(part, false);
}

/**
 * One pass over the text: pieces between hard separators, trimmed, without intermediate arrays
 * (a 50,000-number string is the common bulk input).
 */
function tokeniseString(text: string, sink: TokenSink): void {
	let start = -1; // first non-whitespace character of the current piece
	let end = -1; // just after its last non-whitespace character
	let pendingWhitespace = false;
	let innerWhitespace = false;
	for (let i = 0; i <= text.length; i++) {
		const code = i < text.length ? text.charCodeAt(i) : CODE_COMMA;
		if (code === CODE_COMMA || code === CODE_SEMICOLON || code === CODE_LF || code === CODE_CR) {
			if (start >= 0) {
				const piece = text.slice(start, end);
				if (innerWhitespace) splitOnWhitespace(piece, sink);
				else sink(piece, false);
			}
			start = -1;
			pendingWhitespace = false;
			innerWhitespace = false;
		} else if (isWhitespace(code)) {
			if (start >= 0) pendingWhitespace = true;
		} else {
			if (start < 0) start = i;
			else if (pendingWhitespace) innerWhitespace = true;
			pendingWhitespace = false;
			end = i + 1;
		}
	}
}

/** Sheets and Code nodes hand numbers over as JS numbers: only a non-negative integer can be one. */
function tokeniseNumber(value: number, sink: TokenSink): void {
	sink(String(value), !(Number.isSafeInteger(value) && value >= 0));
}

function tokeniseScalar(value: unknown, sink: TokenSink): void {
	if (value === null || value === undefined) return;
	if (typeof value === 'string') tokeniseString(value, sink);
	else if (typeof value === 'number') tokeniseNumber(value, sink);
	else if (typeof value === 'bigint') sink(String(value), value < BigInt(0));
	else sink(typeof value === 'object' ? JSON.stringify(value) : String(value), true);
}

function tokenise(input: unknown, sink: TokenSink): void {
	if (!Array.isArray(input)) {
		tokeniseScalar(input, sink);
		return;
	}
	for (const element of input) {
		if (!Array.isArray(element)) {
			tokeniseScalar(element, sink);
			continue;
		}
		// Flattened one level only ([[a, b], [c]] from a grouped expression); deeper is a mistake.
		for (const inner of element) {
			if (Array.isArray(inner)) sink(JSON.stringify(inner), true);
			else tokeniseScalar(inner, sink);
		}
	}
}

/**
 * Raw tokens of a contacts value: a string separated by commas, semicolons, line breaks or
 * whitespace; an array of strings or numbers (nested arrays flattened one level); or a number.
 * Tokens are trimmed, empty ones dropped. null and undefined give no tokens.
 */
export function splitContacts(input: unknown): string[] {
	const tokens: string[] = [];
	tokenise(input, (raw) => tokens.push(raw));
	return tokens;
}

const CODE_0 = 48;
const CODE_9 = 57;
const CODE_PLUS = 43;

// Written between digit groups by people and spreadsheets: spaces (incl. the no-break, figure,
// thin and narrow ones pasted from documents), hyphen-minus, dot, parentheses, Unicode dashes.
const GROUPING_CHARACTERS = new Set(
	' \t\u00a0\u2007\u2009\u202f-.()\u2010\u2011\u2012\u2013\u2014'
		.split('')
		.map((character) => character.charCodeAt(0)),
);

// "919876543210.0" is a number a spreadsheet turned into a decimal; dropping the dot would send
// to a different number (9198765432100), so it is refused rather than guessed.
const SPREADSHEET_DECIMAL = /^\+?\d+\.0+$/;

/**
 * Digits of a phone number with its country prefix, or null when `raw` is not plausible.
 * Grouping characters are dropped, one `+` is accepted before the first digit, a leading
 * international `00` is removed. Anything else (letters, `*`, `#`, `/`) makes it invalid, as does
 * a length outside 8-15 digits.
 */
export function normalisePhone(raw: string): string | null {
	let digits = onlyDigits(raw);
	if (digits === null) return null;
	if (digits.charCodeAt(0) === CODE_0 && digits.charCodeAt(1) === CODE_0) digits = digits.slice(2);
	if (digits.length < MIN_PHONE_DIGITS || digits.length > MAX_PHONE_DIGITS) return null;
	return digits;
}

/**
 * The digits of `raw`, or null if it holds anything but digits, grouping characters and one
 * leading `+`. Numbers usually arrive as bare digits or `+` and digits: those are returned
 * without building a new string character by character.
 */
function onlyDigits(raw: string): string | null {
	const start = raw.charCodeAt(0) === CODE_PLUS ? 1 : 0;
	let end = start;
	while (end < raw.length && isDigit(raw.charCodeAt(end))) end++;
	if (end === raw.length) return start === 0 ? raw : raw.slice(start);

	let digits = '';
	let plusSeen = false;
	for (let i = 0; i < raw.length; i++) {
		const code = raw.charCodeAt(i);
		if (isDigit(code)) digits += raw[i];
		else if (code === CODE_PLUS) {
			if (plusSeen || digits !== '') return null;
			plusSeen = true;
		} else if (!GROUPING_CHARACTERS.has(code)) return null;
	}
	return SPREADSHEET_DECIMAL.test(raw) ? null : digits;
}


function isDigit(code: number): boolean {
	return code >= CODE_0 && code <= CODE_9;
}

/** Normalised, de-duplicated numbers (first-seen order) and the tokens that are not numbers. */
export function parseContacts(input: unknown): ParsedContacts {
	const seen = new Set<string>();
	const numbers: string[] = [];
	const invalid: string[] = [];
	tokenise(input, (raw, invalidNumber) => {
		const phone = invalidNumber ? null : normalisePhone(raw);
		if (phone === null) {
			invalid.push(raw);
			return;
		}
		const known = seen.size;
		seen.add(phone); // one hash lookup instead of has() + add()
		if (seen.size !== known) numbers.push(phone);
	});
	return { numbers, invalid };
}

/** Digits without the leading zeros of an international (`00`) or national (`0`) prefix. */
export const significantDigits = (value: unknown) => String(value ?? '').replace(/\D/g, '').replace(/^0+/, '');

/**
 * Whether two numbers are the same handset as a panel may echo it: digits compared, `+`, `00` or a
 * national `0` aside, and a country code the panel put before a number sent without one (it adds
 * the route's prefix to short numbers). The shorter must still be a whole subscriber number.
 */
export function sameMobile(a: unknown, b: unknown): boolean {
	return sameSignificantDigits(significantDigits(a), significantDigits(b));
}

/** sameMobile for numbers already reduced to their significant digits. */
export function sameSignificantDigits(x: string, y: string): boolean {
	if (x === '' || y === '') return false;
	if (x === y) return true;
	const [shorter, longer] = x.length < y.length ? [x, y] : [y, x];
	return shorter.length >= MIN_PHONE_DIGITS && longer.endsWith(shorter);
}
