// Inbound SMS as the panel forwards them (getReplies): a GET whose query the README's template
// names from, text, to, id, time and keyword, read here as n8n's query parser hands it over.
import { inboundKey, parsePanelRequest } from '../../nodes/SmsHandover/helpers/dlr';

const inbound = (query: Record<string, unknown>, timeZone = 'Asia/Kolkata') => {
	const result = parsePanelRequest({ method: 'GET', query, timeZone });
	if (result.kind !== 'inboundSms') throw new Error(`read as ${result.kind}`);
	return result.message;
};

describe('an inbound SMS', () => {
	it('becomes one item with the fields the template names, the time read in the zone given', () => {
		const query = { token: 'secret-not-an-item-field', from: ' 919812345678', text: 'STOP now', to: '56767', id: '991', time: '2026-12-05 10:20:36', keyword: 'STOP' };
		expect(inbound(query)).toEqual({
			event: 'inboundSms',
			from: '919812345678',
			to: '56767',
			text: 'STOP now',
			keyword: 'STOP',
			messageId: '991',
			receivedAt: '2026-12-05T04:50:36.000Z',
			raw: { from: ' 919812345678', text: 'STOP now', to: '56767', id: '991', time: '2026-12-05 10:20:36', keyword: 'STOP' },
		});
	});

	it.each([
		['a "+" the query turned into a space', ' 447700900123', '447700900123'],
		['a "+" sent encoded', '+447700900123', '447700900123'],
		['digits in groups', '0044 7700 900123', '447700900123'],
		['a name, not a number', 'VODAFONE', 'VODAFONE'],
	])('normalises the sender: %s', (_label, from, expected) => {
		expect(inbound({ from, text: 'hi' })?.from).toBe(expected);
	});

	it('keeps the text as decoded once (a literal %41 stays, spaces stay)', () => {
		expect(inbound({ from: '919812345678', text: ' 50% off %41 ' })?.text).toBe(' 50% off %41 ');
	});

	it.each([
		['a placeholder the panel did not replace', { keyword: '%m', id: '%i' }],
		['empty values', { keyword: '', id: '' }],
		['nothing at all', {}],
	])('counts %s as absent', (_label, extra) => {
		const message = inbound({ from: '919812345678', text: 'hi', ...extra });
		expect([message?.keyword, message?.messageId, message?.receivedAt]).toEqual(['', null, null]);
	});

	it('is told from a delivery report by a status field', () => {
		expect(parsePanelRequest({ method: 'GET', query: { text: 'hi', from: '919812345678' } }).kind).toBe('inboundSms');
		expect(parsePanelRequest({ method: 'GET', query: { text: 'hi', mobile: '919812345678', status: 'DELIVRD' } }).kind).toBe('deliveryReports');
		expect(parsePanelRequest({ method: 'GET', query: { from: '919812345678', to: '56767', id: '991' } }).kind).toBe('deliveryReports');
	});

	it('is refused beyond the same bounds as reports', () => {
		const query = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, '1']));
		expect(parsePanelRequest({ method: 'GET', query: { ...query, text: 'hi' } })).toMatchObject({
			kind: 'inboundSms',
			message: null,
			rejected: 'More than 100 query parameters',
			rejectedStatus: 400,
		});
	});

	it('is deduplicated by its id, or by who sent what when', () => {
		const a = inbound({ from: '919812345678', text: 'hi', id: '991' })!;
		const b = inbound({ from: '919800000000', text: 'other', id: '991' })!;
		expect(inboundKey(a)).toBe(inboundKey(b));
		const c = inbound({ from: '919812345678', text: 'hi', time: '2026-12-05 10:20:36' })!;
		const d = inbound({ from: '919812345678', text: 'hi', time: '2026-12-05 10:20:37' })!;
		expect(inboundKey(c)).not.toBe(inboundKey(d));
	});
});
