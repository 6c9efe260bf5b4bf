import {
	MAX_PHONE_DIGITS,
	MIN_PHONE_DIGITS,
	normalisePhone,
	parseContacts,
	sameMobile,
	splitContacts,
} from '../../nodes/SmsHandover/helpers/phone';
import { withCpuTime } from '../harness/cpuTime';

describe('splitContacts', () => {
	it.each<[string, unknown, string[]]>([
		['comma separated', '919876543210,919812345678', ['919876543210', '919812345678']],
		['semicolons with spaces', '919876543210; 919812345678 ;919811111111', ['919876543210', '919812345678', '919811111111']],
		['newlines, CRLF too', '919876543210\n919812345678\r\n919811111111\n', ['919876543210', '919812345678', '919811111111']],
		['spaces between whole numbers', '919876543210 919812345678\t919811111111', ['919876543210', '919812345678', '919811111111']],
		['one number written in groups', '+91 98765 43210', ['+91 98765 43210']],
		['a country prefix before a national number', '+91 9876543210 0044 7700900123', ['+91 9876543210', '0044 7700900123']],
		['a country prefix before a grouped number', '+91 98765-43210', ['+91 98765-43210']],
		['grouped numbers separated by commas', '+91 98765 43210, +91 98123 45678', ['+91 98765 43210', '+91 98123 45678']],
		['a number followed by a stray fragment', '919876543210 12', ['919876543210', '12']],
		['mixed separators and empty tokens', ' ,919876543210,,; \n 919812345678, ', ['919876543210', '919812345678']],
		['only separators', '  , ;; \n ', []],
		['empty string', '', []],
		['null', null, []],
		['undefined', undefined, []],
		['array of strings and numbers', ['919876543210', 919812345678], ['919876543210', '919812345678']],
		['array elements are split too', ['919876543210, 919812345678'], ['919876543210', '919812345678']],
		['nested arrays flattened one level', [['919876543210', '919812345678'], ['919811111111']], ['919876543210', '919812345678', '919811111111']],
		['empty cells in an array', ['919876543210', null, '', undefined, ' '], ['919876543210']],
		['arrays deeper than one level become one invalid token', [[['919876543210']]], ['["919876543210"]']],
		['a number', 919876543210, ['919876543210']],
		['a number in exponent notation', 9.1987654321e11, ['919876543210']],
		['an object', { mobile: '919876543210' }, ['{"mobile":"919876543210"}']],
		['a boolean', true, ['true']],
	])('%s', (_label, input, expected) => {
		expect(splitContacts(input)).toEqual(expected);
	});
});

describe('normalisePhone', () => {
	it('accepts 8 to 15 digits (E.164)', () => {
		expect([MIN_PHONE_DIGITS, MAX_PHONE_DIGITS]).toEqual([8, 15]);
	});

	it.each<[string, string | null]>([
		['919876543210', '919876543210'],
		['+919876543210', '919876543210'],
		['+91 98765-43210', '919876543210'],
		['+91-98765-43210', '919876543210'],
		['0091 98765 43210', '919876543210'],
		['00919876543210', '919876543210'],
		['(+91) 98765.43210', '919876543210'],
		['+1 (415) 555-0123', '14155550123'],
		['+91\u00a098765\u00a043210', '919876543210'],
		['98765\u201343210', '9876543210'],
		['09876543210', '09876543210'],
		['12345678', '12345678'],
		['1234567', null],
		['0012345678', '12345678'],
		['001234567', null],
		['123456789012345', '123456789012345'],
		['1234567890123456', null],
		['+00 1234 5678', '12345678'],
		['91987654321O', null],
		['abc', null],
		['', null],
		['+', null],
		['91+9876543210', null],
		['++919876543210', null],
		['9198*76543210', null],
		['#919876543210', null],
		['919876543210/1', null],
		['9.19877E+11', null],
		['919876543210.0', null],
		['+919876543210.00', null],
		['06.12.34.56.00', '0612345600'],
		['1.415.555.0100', '14155550100'],
	])('%j → %j', (raw, expected) => {
		expect(normalisePhone(raw)).toBe(expected);
	});
});

describe('parseContacts', () => {
	it.each<[string, unknown, string[], string[]]>([
		['removes duplicates after normalising, first one wins', '+919876543210, 919876543210, 0091 98765 43210', ['919876543210'], []],
		['keeps first-seen order', '919812345678,919876543210,919812345678', ['919812345678', '919876543210'], []],
		['reports invalid tokens as given', 'abc, 12345, 919876543210, 1234567890123456', ['919876543210'], ['abc', '12345', '1234567890123456']],
		['reports a 7-digit number and accepts an 8-digit one', '1234567 12345678', ['12345678'], ['1234567']],
		['reports a grouped number that is too long as one token', '98765 43210 98765 43211', [], ['98765 43210 98765 43211']],
		['numbers from a sheet', [919876543210, 919812345678], ['919876543210', '919812345678'], []],
		['the same number as a JS number and as text', [919876543210, '+91 98765 43210'], ['919876543210'], []],
		['a number in exponent notation', 9.1987654321e11, ['919876543210'], []],
		['a bigint', BigInt('919876543210'), ['919876543210'], []],
		['a negative number', -919876543210, [], ['-919876543210']],
		['a negative bigint', BigInt('-919876543210'), [], ['-919876543210']],
		['a fraction', 9198765432.1, [], ['9198765432.1']],
		['NaN and Infinity', [Number.NaN, Number.POSITIVE_INFINITY], [], ['NaN', 'Infinity']],
		['an integer too large to be exact', 1e16, [], ['10000000000000000']],
		['an object in an array', ['919876543210', { n: 1 }], ['919876543210'], ['{"n":1}']],
		['nothing', '', [], []],
	])('%s', (_label, input, numbers, invalid) => {
		expect(parseContacts(input)).toEqual({ numbers, invalid });
	});

	it('parses 50,000 contacts in one pass, fast', () => {
		const numbers = Array.from({ length: 50_000 }, (_, index) => String(919_800_000_000 + index));
		const text = numbers.map((number, index) => (index % 2 ? `+${number}` : number)).join(', ');
		const asJsNumbers = numbers.map(Number);

		// CPU time, not wall time: other test files run in parallel on the same cores.
		const {
			result: [fromText, fromArray],
			cpuMs,
		} = withCpuTime(() => [parseContacts(text), parseContacts(asJsNumbers)]);

		expect(fromText).toEqual({ numbers, invalid: [] });
		expect(fromArray).toEqual({ numbers, invalid: [] });
		// Together ~50 ms of CPU warm and ~150-300 ms cold on a loaded 2-core CI machine; the bound
		// only catches a regression to quadratic work, which would take many seconds here.
		expect(cpuMs).toBeLessThan(1500);
	});
});

describe('sameMobile (a number as the panel may echo it)', () => {
	it.each([
		['919876543210', 919876543210, true],
		['+91 98765-43210', '00919876543210', true],
		['9876543210', '919876543210', true],
		['09876543210', '919876543210', true],
		['919876543210', '919876543211', false],
		// Too short to be a whole subscriber number: a suffix proves nothing.
		['3210', '919876543210', false],
		['', '', false],
		[null, '919876543210', false],
	])('%p and %p → %p', (a, b, same) => {
		expect(sameMobile(a, b)).toBe(same);
	});
});
