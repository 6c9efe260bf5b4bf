/**
 * SMS encoding and segment counting (3GPP TS 23.038 default alphabet, TS 23.040 concatenation).
 * Pure: no n8n imports, so it is unit-tested on tables of cases.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** The `type` values the provider accepts. */
export type SmsType = 'text' | 'unicode' | 'flash';

/** What the user can pick in the node: a provider type, or `auto`. */
export type RequestedSmsType = 'auto' | SmsType;

export interface MessageAnalysis {
	encoding: SmsEncoding;
	/** GSM-7: septets (extension characters count 2). UCS-2: UTF-16 code units (an emoji counts 2). */
	characters: number;
	/** Parts the message is sent in; 0 for an empty message. */
	segments: number;
}

export const GSM7_SINGLE = 160;
export const GSM7_MULTI = 153;
export const UCS2_SINGLE = 70;
export const UCS2_MULTI = 67;

/**
 * The provider's documented limit ("must be limited to 720 characters"). It does not say how it
 * counts, so we compare it with the JavaScript string length (UTF-16 code units): that is what a
 * PHP panel receiving UTF-8 and counting with mb_strlen sees for every BMP character, and it is
 * the stricter reading for emoji (2 each), so a message we accept is never refused for length.
 */
export const MAX_MESSAGE_CHARACTERS = 720;

// 3GPP TS 23.038 default alphabet in table order (0x00-0x7F), without ESC (0x1B), which is not a
// character a user can type but the prefix of the extension table.
const GSM7_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅå' +
	'\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039EÆæßÉ' +
	' !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' +
	'¿abcdefghijklmnopqrstuvwxyzäöñüà';

// Extension table: each is sent as ESC + character, so it costs two septets.
const GSM7_EXTENSION = '\f^{}\\[~]|€';

/** Septets per UTF-16 code unit: 0 = not in the GSM-7 alphabet. One lookup per character. */
const SEPTETS = buildSeptetTable();

function buildSeptetTable(): Uint8Array {
	const table = new Uint8Array(0x10000);
	for (let i = 0; i < GSM7_BASIC.length; i++) table[GSM7_BASIC.charCodeAt(i)] = 1;
	for (let i = 0; i < GSM7_EXTENSION.length; i++) table[GSM7_EXTENSION.charCodeAt(i)] = 2;
	return table;
}

/** Total septets of `text`, or -1 if a character is outside the GSM-7 alphabet. */
function countSeptets(text: string): number {
	let septets = 0;
	for (let i = 0; i < text.length; i++) {
		const cost = SEPTETS[text.charCodeAt(i)];
		if (cost === 0) return -1;
		septets += cost;
	}
	return septets;
}

export function isGsm7(text: string): boolean {
	return countSeptets(text) >= 0;
}

/**
 * Parts of a GSM-7 message. In a concatenated message an escape pair (ESC + character) may not be
 * split across parts, so a 2-septet character that does not fit in what is left of a part starts
 * the next one.
 */
function gsm7Segments(text: string, septets: number): number {
	if (septets === 0) return 0;
	if (septets <= GSM7_SINGLE) return 1;
	let parts = 1;
	let used = 0;
	for (let i = 0; i < text.length; i++) {
		const cost = SEPTETS[text.charCodeAt(i)];
		if (used + cost > GSM7_MULTI) {
			parts++;
			used = 0;
		}
		used += cost;
	}
	return parts;
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Parts of a UCS-2 (in practice UTF-16) message: 67 code units per part, and a surrogate pair
 * (emoji and other characters beyond U+FFFF) is never split, so a pair that would straddle a
 * boundary starts the next part. A lone surrogate counts as one unit.
 */
function ucs2Segments(text: string): number {
	const units = text.length;
	if (units === 0) return 0;
	if (units <= UCS2_SINGLE) return 1;
	let parts = 1;
	let used = 0;
	let i = 0;
	while (i < units) {
		const cost =
			isHighSurrogate(text.charCodeAt(i)) && i + 1 < units && isLowSurrogate(text.charCodeAt(i + 1))
				? 2
				: 1;
		if (used + cost > UCS2_MULTI) {
			parts++;
			used = 0;
		}
		used += cost;
		i += cost;
	}
	return parts;
}

function analyseUcs2(text: string): MessageAnalysis {
	return { encoding: 'UCS-2', characters: text.length, segments: ucs2Segments(text) };
}

/** Encoding the message needs (GSM-7 when every character fits), its length and its parts. */
export function analyseMessage(text: string): MessageAnalysis {
	const septets = countSeptets(text);
	if (septets < 0) return analyseUcs2(text);
	return { encoding: 'GSM-7', characters: septets, segments: gsm7Segments(text, septets) };
}

/** `auto` becomes `text` when the message fits GSM-7 and `unicode` otherwise; the rest pass through. */
export function chooseSmsType(requested: RequestedSmsType, text: string): SmsType {
	switch (requested) {
		case 'auto':
			return isGsm7(text) ? 'text' : 'unicode';
		case 'text':
		case 'unicode':
		case 'flash':
			return requested;
		default:
			throw new Error(
				`Unknown SMS type "${String(requested)}": use auto, text, unicode or flash`,
			);
	}
}

/**
 * Encoding the message goes out in for a provider type. `unicode` is always UCS-2. `text` and
 * `flash` are GSM-7 when the message fits the alphabet; when the user forces them on a message
 * that does not, the provider has to send it as UCS-2 (or mangle it), so we report UCS-2: the
 * segment count the user is billed for is then the honest, larger one.
 */
export function encodingForType(type: SmsType, text: string): SmsEncoding {
	if (type === 'unicode') return 'UCS-2';
	return isGsm7(text) ? 'GSM-7' : 'UCS-2';
}

/** `analyseMessage` for the encoding `type` implies (a GSM-7 message sent as `unicode` counts 70/67). */
export function analyseForType(type: SmsType, text: string): MessageAnalysis {
	return encodingForType(type, text) === 'UCS-2' ? analyseUcs2(text) : analyseMessage(text);
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Where text holds half of a UTF-16 pair (text cut inside an emoji, say), or -1. Such text has no
 * UTF-8 form: a form would fail to encode it, and PHP's json_decode refuses its JSON escape.
 */
export function unpairedSurrogateAt(text: string): number {
	return text.search(UNPAIRED_SURROGATE);
}
