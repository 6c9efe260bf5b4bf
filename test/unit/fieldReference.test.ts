import { parseFieldReference, readFieldPath } from '../../nodes/SmsHandover/helpers/fieldReference';
import { evaluateExpression } from '../harness/plainJs';

describe('parseFieldReference: what drag-and-drop mapping writes', () => {
	it.each<[string, string[]]>([
		['={{ $json.name }}', ['name']],
		['={{$json.name}}', ['name']],
		['={{   $json.name\n}}', ['name']],
		['={{\t$json.mobile }}', ['mobile']],
		['={{ $json.a.b }}', ['a', 'b']],
		['={{ $json.a["b c"].d }}', ['a', 'b c', 'd']],
		['={{ $json["a field"] }}', ['a field']],
		["={{ $json['a field'] }}", ['a field']],
		["={{ $json['first name']['last'] }}", ['first name', 'last']],
		["={{ $json['phone-number'] }}", ['phone-number']],
		["={{ $json['it\\'s'] }}", ["it's"]], // n8n escapes an apostrophe as \'
		['={{ $json["say \\"hi\\""] }}', ['say "hi"']],
		["={{ $json['back\\\\slash'] }}", ['back\\slash']],
		["={{ $json['a.b'] }}", ['a.b']],
		["={{ $json['a}b{c'] }}", ['a}b{c']],
		['={{ $json["0"] }}', ['0']],
		['={{ $json[""] }}', ['']],
		['={{ $json.$id }}', ['$id']],
		['={{ $json._private }}', ['_private']],
		['={{ $json.Mobile_No2 }}', ['Mobile_No2']],
		['={{ $json.näme }}', ['näme']],
		['={{ $json.नाम }}', ['नाम']],
		['={{ $json.class }}', ['class']],
		['={{ $json.length }}', ['length']],
	])('%j → %j', (raw, path) => {
		expect(parseFieldReference(raw)).toEqual(path);
	});
});

describe('parseFieldReference: everything else is left to n8n', () => {
	it.each<[string, unknown]>([
		['undefined', undefined],
		['null', null],
		['a number', 42],
		['an object', { value: '={{ $json.a }}' }],
		['an array', ['={{ $json.a }}']],
		['a constant', 'Hello'],
		['no leading =', '{{ $json.name }}'],
		['= without braces', '=$json.name'],
		['space before the braces', '= {{ $json.name }}'],
		['text before', '=Hi {{ $json.name }}'],
		['text after', '={{ $json.name }}!'],
		['trailing space after the braces', '={{ $json.name }} '],
		['trailing newline', '={{ $json.name }}\n'],
		['two expressions', '={{ $json.a }}{{ $json.b }}'],
		['two expressions with text between', '={{ $json.a }} {{ $json.b }}'],
		['}} inside a key', '={{ $json["a}}b"] }}'],
		['{{ inside a key', '={{ $json["a{{b"] }}'],
		['unclosed braces', '={{ $json.a }'],
		['no closing braces', '={{ $json.a'],
		['empty braces', '={{}}'],
		['blank braces', '={{ }}'],
		['$json alone', '={{ $json }}'],
		['trailing dot', '={{ $json.a. }}'],
		['double dot', '={{ $json..a }}'],
		['method call', '={{ $json.a.toUpperCase() }}'],
		['call on $json', '={{ $json.a() }}'],
		['optional chaining', '={{ $json.a?.b }}'],
		['optional chaining on $json', '={{ $json?.a }}'],
		['arithmetic', '={{ $json.a + 1 }}'],
		['fallback', '={{ $json.a || "x" }}'],
		['ternary', '={{ $json.a ? $json.b : $json.c }}'],
		['two statements', '={{ $json.a; $json.b }}'],
		['comma operator', '={{ $json.a, $json.b }}'],
		['numeric index on $json', '={{ $json[0] }}'],
		['numeric index deeper', '={{ $json.list[0] }}'],
		['negative index', '={{ $json.list[-1] }}'],
		['variable key', '={{ $json[a] }}'],
		['template key', '={{ $json[`a`] }}'],
		['unterminated key', '={{ $json["a] }}'],
		['mismatched quotes', '={{ $json["a\'] }}'],
		['space inside brackets', '={{ $json[ "a" ] }}'],
		['space before ]', '={{ $json["a"  ] }}'],
		['space before the dot', '={{ $json .a }}'],
		['space after the dot', '={{ $json. a }}'],
		['line break between parts', '={{ $json.a\n.b }}'],
		['\\n escape in a key', '={{ $json["a\\nb"] }}'],
		['\\u escape in a key', '={{ $json["a\\u0041"] }}'],
		['\\x escape in a key', '={{ $json["a\\x41"] }}'],
		['raw line break in a key', '={{ $json["a\nb"] }}'],
		['identifier starting with a digit', '={{ $json.1a }}'],
		['identifier with a dash', '={{ $json.a-b }}'],
		['$jsonx', '={{ $jsonx }}'],
		['$jsonx.a', '={{ $jsonx.a }}'],
		['$json as a property', '={{ a.$json.b }}'],
		['another node', "={{ $('Node').item.json.x }}"],
		['$input', '={{ $input.item.json.x }}'],
		['$node', '={{ $node["Node"].json.x }}'],
		['$data', '={{ $data.x }}'],
		['json without $', '={{ json.x }}'],
		['__proto__', '={{ $json.__proto__ }}'],
		['__proto__ in brackets', '={{ $json["__proto__"] }}'],
		['constructor', '={{ $json.constructor }}'],
		['constructor deeper, in brackets', "={{ $json.a['constructor'] }}"],
		['prototype', '={{ $json.a.prototype }}'],
		['getPrototypeOf', '={{ $json.getPrototypeOf }}'],
		['mainModule', '={{ $json.a.mainModule }}'],
		['caller', '={{ $json.caller }}'],
		['$ key', '={{ $json.$ }}'],
		['loadEnvFile (newest on n8n-workflow’s unsafe list)', '={{ $json.a.loadEnvFile }}'],
		['n8n’s data name', '={{ $json.___n8n_data }}'],
		['n8n’s sanitizer name', "={{ $json['__sanitize'] }}"],
	])('%s', (_label, raw) => {
		expect(parseFieldReference(raw)).toBeNull();
	});
});

describe('readFieldPath', () => {
	const item = {
		name: 'Asha',
		zero: 0,
		no: false,
		empty: '',
		nothing: null,
		phone: 919876543210,
		a: { b: { c: 'deep' }, 'b c': { d: 'spaced' } },
		'a.b': 'dotted key',
		list: [10, 20, { x: 'in list' }],
		text: 'abc',
	};

	it.each<[string, string[], unknown]>([
		['a top-level string', ['name'], 'Asha'],
		['a number stays a number', ['phone'], 919876543210],
		['0', ['zero'], 0],
		['false', ['no'], false],
		['empty string', ['empty'], ''],
		['null is a value', ['nothing'], null],
		['nested', ['a', 'b', 'c'], 'deep'],
		['key with a space', ['a', 'b c', 'd'], 'spaced'],
		['a dotted key is one key', ['a.b'], 'dotted key'],
		['array element by string index', ['list', '1'], 20],
		['object in an array', ['list', '2', 'x'], 'in list'],
		['array length (own property)', ['list', 'length'], 3],
		['string length (own property, as JavaScript gives it)', ['text', 'length'], 3],
		['string character (own property)', ['text', '0'], 'a'],
		['missing field', ['surname'], undefined],
		['missing nested field', ['a', 'x', 'c'], undefined],
		['through null', ['nothing', 'x'], undefined],
		['through a number', ['phone', 'x'], undefined],
		['through a boolean', ['no', 'x'], undefined],
		['array index out of range', ['list', '9'], undefined],
		['inherited method is not an own property', ['name', 'toUpperCase'], undefined],
		['Object.prototype is not reached', ['toString'], undefined],
		['hasOwnProperty is not reached', ['a', 'hasOwnProperty'], undefined],
		['empty path is the item itself', [], item],
	])('%s', (_label, path, expected) => {
		expect(readFieldPath(item, path)).toBe(expected);
	});

	it('returns nested objects as they are', () => {
		expect(readFieldPath(item, ['a', 'b'])).toBe(item.a.b);
	});

	it('ignores inherited properties and works on null-prototype objects', () => {
		const inherited = Object.create({ mobile: '919876543210' }) as object;
		const bare = Object.assign(Object.create(null) as object, { mobile: '919812345678' });
		expect(readFieldPath(inherited, ['mobile'])).toBeUndefined();
		expect(readFieldPath(bare, ['mobile'])).toBe('919812345678');
	});

	it('does not call getters on the prototype chain', () => {
		const getter = jest.fn(() => 'from getter');
		const withGetter = Object.create(Object.defineProperty({}, 'mobile', { get: getter })) as object;
		expect(readFieldPath(withGetter, ['mobile'])).toBeUndefined();
		expect(getter).not.toHaveBeenCalled();
	});
});

describe('fast path equals JavaScript evaluation of the same expression', () => {
	// n8n evaluates `{{ … }}` as JavaScript with $json bound to the item's JSON; evaluating the
	// same text with plain JavaScript is an oracle independent of our parser.
	const item = {
		name: 'Asha',
		'a field': 'spaced',
		"it's": 'apostrophe',
		a: { b: 1, 'b c': { d: [1, 2] }, nothing: null },
		list: ['x', 'y'],
		phone: 919876543210,
		text: 'abc',
		'': 'empty key',
	};
	const evaluate = (expression: string): unknown => evaluateExpression(expression, { $json: item });

	it.each([
		'$json.name',
		'$json["a field"]',
		"$json['it\\'s']",
		'$json.a.b',
		'$json.a["b c"].d',
		'$json.a["b c"]["d"]["1"]',
		'$json.a.nothing',
		'$json.list["0"]',
		'$json.list.length',
		'$json.text.length',
		'$json.phone',
		'$json[""]',
		'$json.missing',
		'$json.a.missing',
	])('%s', (expression) => {
		const path = parseFieldReference(`={{ ${expression} }}`);
		expect(path).not.toBeNull();
		expect(readFieldPath(item, path as string[])).toStrictEqual(evaluate(expression));
	});
});
