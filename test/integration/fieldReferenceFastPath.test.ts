import { BULK_PARAMETER } from '../../nodes/SmsHandover/helpers/panelLimits';
import { run, useSimulator } from './fixtures';

/**
 * The fast path (plain field references read straight from item JSON) must be indistinguishable
 * from n8n's expression engine: same requests byte for byte, same outputs, same errors.
 * `={{ ($json.x) }}` is the same value written so that it is not a plain reference (slow path).
 */
const items = [
	{ phone: '+91 98765 43210', text: 'Hello', nested: { deep: { value: 'Nested' } }, 'first name': 'Asha' },
	{ phone: 919812345678, text: 42, nested: { deep: { value: 'Zwei' } }, 'first name': 'Ben' },
	{ phone: '447700900123', text: 'Ünïcødé ✓', nested: { deep: { value: 'x' } }, 'first name': 'Chen' },
];

const cases: Array<[string, string, string]> = [
	['$json.phone / $json.text', '$json.phone', '$json.text'],
	['nested path', '$json.phone', '$json.nested.deep.value'],
	['bracket notation with a space', '$json["phone"]', "$json['first name']"],
];

describe('field-reference fast path', () => {
	const ctx = useSimulator();

	const bodies = async (operation: 'sendBulk' | 'send', mobile: string, message: string, input = items, continueOnFail = false) => {
		ctx.sim.reset();
		const parameters =
			operation === 'sendBulk'
				? { resource: 'sms', operation, senderId: 'DEMO', mobile: `={{ ${mobile} }}`, message: `={{ ${message} }}`, options: {} }
				: { resource: 'sms', operation, senderId: 'DEMO', contacts: `={{ ${mobile} }}`, message: `={{ ${message} }}`, options: { concurrency: 1 } };
		const result = await run(ctx.sim, { parameters, items: input, continueOnFail });
		const output = result.items.map((item) => {
			const { shootId, ...rest } = item.json;
			return { json: { ...rest, shootId: typeof shootId }, pairedItem: item.pairedItem };
		});
		return { raw: ctx.sim.requests.map((request) => request.rawBody), output, error: result.error?.message };
	};

	it.each(cases)('sendBulk with %s sends the same bytes on both paths', async (_, mobile, message) => {
		const fast = await bodies('sendBulk', mobile, message);
		const slow = await bodies('sendBulk', `(${mobile})`, `(${message})`);
		expect(fast.error).toBeUndefined();
		expect(fast.raw.length).toBeGreaterThan(0);
		expect(fast).toEqual(slow);
	});

	it.each(cases)('send with %s sends the same bytes on both paths', async (_, mobile, message) => {
		const fast = await bodies('send', mobile, message);
		const slow = await bodies('send', `(${mobile})`, `(${message})`);
		expect(fast.raw).toHaveLength(3);
		expect(fast).toEqual(slow);
	});

	it.each([
		['a missing field', { phone: '919876543210' }, 'Item 1, field "message": is empty'],
		['null', { phone: '919876543210', text: null }, 'Item 1, field "message": is empty'],
		['an object', { phone: '919876543210', text: { a: 1 } }, 'Item 1, field "message": is an object, not text'],
	])('%s gives the same clear error on both paths', async (_, item, message) => {
		const fast = await bodies('sendBulk', '$json.phone', '$json.text', [item as never]);
		const slow = await bodies('sendBulk', '($json.phone)', '($json.text)', [item as never]);
		expect(fast.error).toBe(message);
		expect(slow.error).toBe(message);
		expect(fast.raw).toEqual([]);
	});

	it('a missing intermediate object is an empty field on the fast path, like a missing field', async () => {
		const fast = await bodies('sendBulk', '$json.phone', '$json.nested.deep.value', [{ phone: '919876543210' } as never]);
		expect(fast.error).toBe('Item 1, field "message": is empty');
	});

	it('a computed expression still goes through n8n (slow path) and works', async () => {
		const result = await bodies('sendBulk', '$json.phone', '$json.nested.deep.value.toUpperCase()');
		expect(JSON.parse(new URLSearchParams(result.raw[0]).get(BULK_PARAMETER)!).map((entry: { msg: string }) => entry.msg)).toEqual(['NESTED', 'ZWEI', 'X']);
	});
});
