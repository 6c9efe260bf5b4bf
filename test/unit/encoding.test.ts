import {
	analyseForType,
	analyseMessage,
	chooseSmsType,
	encodingForType,
	GSM7_MULTI,
	GSM7_SINGLE,
	isGsm7,
	MAX_MESSAGE_CHARACTERS,
	UCS2_MULTI,
	UCS2_SINGLE,
	type RequestedSmsType,
} from '../../nodes/SmsHandover/helpers/encoding';

const a = (count: number) => 'a'.repeat(count);
const zhe = (count: number) => 'ж'.repeat(count); // Cyrillic: UCS-2, one code unit each
const THUMBS_UP = '\u{1F44D}'; // 👍: two UTF-16 code units

// 3GPP TS 23.038 default alphabet by code point, written independently of the implementation.
// 0x1B (ESC) is left out: it introduces the extension table and is not a character.
const GSM7_BASIC_CODE_POINTS = [
	0x40, 0xa3, 0x24, 0xa5, 0xe8, 0xe9, 0xf9, 0xec, 0xf2, 0xc7, 0x0a, 0xd8, 0xf8, 0x0d, 0xc5, 0xe5,
	0x394, 0x5f, 0x3a6, 0x393, 0x39b, 0x3a9, 0x3a0, 0x3a8, 0x3a3, 0x398, 0x39e, 0xc6, 0xe6, 0xdf, 0xc9,
	0x20, 0x21, 0x22, 0x23, 0xa4, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
	...range(0x30, 0x3f),
	0xa1, ...range(0x41, 0x5a), 0xc4, 0xd6, 0xd1, 0xdc, 0xa7,
	0xbf, ...range(0x61, 0x7a), 0xe4, 0xf6, 0xf1, 0xfc, 0xe0,
];

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

describe('constants', () => {
	it('match GSM 03.40 / the provider documentation', () => {
		expect([GSM7_SINGLE, GSM7_MULTI, UCS2_SINGLE, UCS2_MULTI, MAX_MESSAGE_CHARACTERS]).toEqual([
			160, 153, 70, 67, 720,
		]);
	});
});

describe('GSM-7 alphabet', () => {
	it('accepts all 127 characters of the basic table, one septet each', () => {
		const text = String.fromCodePoint(...GSM7_BASIC_CODE_POINTS);
		expect(text).toHaveLength(127);
		expect(analyseMessage(text)).toEqual({ encoding: 'GSM-7', characters: 127, segments: 1 });
	});

	it.each(['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f'])(
		'counts extension character %j as two septets',
		(character) => {
			expect(isGsm7(character)).toBe(true);
			expect(analyseMessage(`a${character}b`)).toEqual({ encoding: 'GSM-7', characters: 4, segments: 1 });
		},
	);

	it.each([
		['backtick', '`'],
		['lower-case c cedilla (only Ç is in the table)', 'ç'],
		['Greek capital alpha (looks like A)', '\u0391'],
		['ohm sign (looks like Ω)', '\u2126'],
		['ESC itself', '\u001b'],
		['tab', '\t'],
		['curly apostrophe', '\u2019'],
		['Devanagari', 'न'],
	])('refuses %s', (_label, character) => {
		expect(isGsm7(character)).toBe(false);
		expect(analyseMessage(`ab${character}`)).toEqual({ encoding: 'UCS-2', characters: 3, segments: 1 });
	});
});

describe('analyseMessage', () => {
	it.each([
		['empty', '', 'GSM-7', 0, 0],
		['short text', 'Hello, world!', 'GSM-7', 13, 1],
		['line breaks count one each', 'a\r\nb', 'GSM-7', 4, 1],
		['160 septets: one part', a(160), 'GSM-7', 160, 1],
		['161 septets: two parts', a(161), 'GSM-7', 161, 2],
		['159 + € = 161 septets: two parts', `${a(159)}€`, 'GSM-7', 161, 2],
		['158 + € = 160 septets: one part', `${a(158)}€`, 'GSM-7', 160, 1],
		['306 septets: two parts of 153', a(306), 'GSM-7', 306, 2],
		['307 septets: three parts', a(307), 'GSM-7', 307, 3],
		['152 + € + 151: escape fits as 2 + 151 in part two', `${a(152)}€${a(151)}`, 'GSM-7', 305, 2],
		['152 + € + 152: escape may not straddle, so 306 septets need three parts', `${a(152)}€${a(152)}`, 'GSM-7', 306, 3],
		['152 + { + 152: same for every extension character', `${a(152)}{${a(152)}`, 'GSM-7', 306, 3],
		['720 characters', a(720), 'GSM-7', 720, 5],
		['720 euro signs: 76 pairs per part', '€'.repeat(720), 'GSM-7', 1440, 10],
		['one emoji', THUMBS_UP, 'UCS-2', 2, 1],
		['emoji forces UCS-2 for the whole message', `ok ${THUMBS_UP}`, 'UCS-2', 5, 1],
		['70 UCS-2 units: one part', zhe(70), 'UCS-2', 70, 1],
		['71 UCS-2 units: two parts', zhe(71), 'UCS-2', 71, 2],
		['134 UCS-2 units: two parts of 67', zhe(134), 'UCS-2', 134, 2],
		['135 UCS-2 units: three parts', zhe(135), 'UCS-2', 135, 3],
		['35 emoji = 70 units: one part', THUMBS_UP.repeat(35), 'UCS-2', 70, 1],
		['36 emoji: 33 whole pairs per part', THUMBS_UP.repeat(36), 'UCS-2', 72, 2],
		['66 + emoji + 65: pair fits as 2 + 65 in part two', `${zhe(66)}${THUMBS_UP}${zhe(65)}`, 'UCS-2', 133, 2],
		['66 + emoji + 66: pair may not straddle, so 134 units need three parts', `${zhe(66)}${THUMBS_UP}${zhe(66)}`, 'UCS-2', 134, 3],
		['lone high surrogate counts as one unit', `${zhe(66)}\ud83d${zhe(67)}`, 'UCS-2', 134, 2],
		['GSM text plus one non-GSM character counts 70/67', `${a(70)}ç`, 'UCS-2', 71, 2],
		['720 UCS-2 units', zhe(720), 'UCS-2', 720, 11],
	])('%s', (_label, text, encoding, characters, segments) => {
		expect(analyseMessage(text)).toEqual({ encoding, characters, segments });
	});
});

describe('chooseSmsType', () => {
	it.each<[RequestedSmsType, string, string]>([
		['auto', 'Hello {name}', 'text'],
		['auto', '', 'text'],
		['auto', `Thanks ${THUMBS_UP}`, 'unicode'],
		['auto', 'नमस्ते', 'unicode'],
		['text', `Thanks ${THUMBS_UP}`, 'text'],
		['unicode', 'Hello', 'unicode'],
		['flash', 'Hello', 'flash'],
	])('%s with %j → %s', (requested, text, expected) => {
		expect(chooseSmsType(requested, text)).toBe(expected);
	});

	it('refuses an unknown type with a message naming it', () => {
		expect(() => chooseSmsType('binary' as RequestedSmsType, 'x')).toThrow(
			'Unknown SMS type "binary": use auto, text, unicode or flash',
		);
	});
});

describe('encodingForType and analyseForType', () => {
	it.each([
		['text, GSM message', 'text', 'Hello', 'GSM-7', { encoding: 'GSM-7', characters: 5, segments: 1 }],
		['flash, GSM message with €', 'flash', 'Hello €', 'GSM-7', { encoding: 'GSM-7', characters: 8, segments: 1 }],
		['unicode, GSM message', 'unicode', 'Hello', 'UCS-2', { encoding: 'UCS-2', characters: 5, segments: 1 }],
		['unicode, 71 GSM characters: 70/67 limits apply', 'unicode', a(71), 'UCS-2', { encoding: 'UCS-2', characters: 71, segments: 2 }],
		['text, 161 GSM characters', 'text', a(161), 'GSM-7', { encoding: 'GSM-7', characters: 161, segments: 2 }],
		['text forced on an emoji', 'text', `Hi ${THUMBS_UP}`, 'UCS-2', { encoding: 'UCS-2', characters: 5, segments: 1 }],
		['flash forced on 71 Cyrillic', 'flash', zhe(71), 'UCS-2', { encoding: 'UCS-2', characters: 71, segments: 2 }],
		['unicode, empty', 'unicode', '', 'UCS-2', { encoding: 'UCS-2', characters: 0, segments: 0 }],
	] as const)('%s', (_label, type, text, encoding, analysis) => {
		expect(encodingForType(type, text)).toBe(encoding);
		expect(analyseForType(type, text)).toEqual(analysis);
	});
});
