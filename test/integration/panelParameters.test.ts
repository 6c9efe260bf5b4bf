// Extra (TLV) parameters and the bulk parameter's spelling: what reaches the panel, and what is refused before anything is sent.
import { API_KEY, credentialsFor, run, useSimulator } from './fixtures';

const extra = (...pairs: Array<[string, string]>) => ({ parameter: pairs.map(([name, value]) => ({ name, value })) });
const send = (operation: string, options: Record<string, unknown>) => ({
	resource: 'sms',
	operation,
	senderId: 'DEMO',
	contacts: '919876543210',
	mobile: '={{ $json.mobile }}',
	message: 'Hello',
	scheduleAt: '2099-01-01T10:00:00+05:30',
	options,
});

describe('extra parameters', () => {
	const ctx = useSimulator();

	it.each(['send', 'schedule', 'sendBulk'])('%s sends them as given, beside the usual fields', async (operation) => {
		const result = await run(ctx.sim, {
			parameters: send(operation, { extraParameters: extra(['dlt_entity_id', '1201159100000000001'], ['PE_ID', ' 42 ']) }),
			items: [{ mobile: '919876543210' }],
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
		expect(ctx.sim.requests[0].form).toMatchObject({ key: API_KEY, senderid: 'DEMO', dlt_entity_id: '1201159100000000001', PE_ID: ' 42 ' });
	});

	it.each([
		['msg', 'Item 1, field "options.extraParameters": "msg" is set by the node itself'],
		['KEY', 'Item 1, field "options.extraParameters": "KEY" is set by the node itself'],
		['bulk_campaign', 'Item 1, field "options.extraParameters": "bulk_campaign" is set by the node itself'],
		['notifyUrl', 'Item 1, field "options.extraParameters": "notifyUrl" is a name the panel uses internally and drops'],
		['message', 'Item 1, field "options.extraParameters": "message" is a name the panel uses internally and drops'],
		['tlv', 'Item 1, field "options.extraParameters": "tlv" is parsed by the panel itself (give each TLV as its own parameter instead)'],
		['xml', 'Item 1, field "options.extraParameters": "xml" switches the panel to its XML API'],
		['dlt[0]', 'Item 1, field "options.extraParameters": "dlt[0]" is not a usable parameter name'],
		['', 'Item 1, field "options.extraParameters": "" is not a usable parameter name'],
	])('refuses "%s" before sending anything', async (name, message) => {
		const result = await run(ctx.sim, { parameters: send('send', { extraParameters: extra([name, 'x']) }) });
		expect(result.error?.message).toBe(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	it('refuses a name given twice', async () => {
		const result = await run(ctx.sim, { parameters: send('send', { extraParameters: extra(['pe_id', '1'], ['PE_ID', '2']) }) });
		expect(result.error?.message).toBe('Item 1, field "options.extraParameters": "PE_ID" is given twice');
		expect(ctx.sim.requests).toHaveLength(0);
	});

	it('names the item whose parameter is refused, with continueOnFail, and still sends the others', async () => {
		const result = await run(ctx.sim, {
			parameters: { ...send('send', { extraParameters: extra(['={{ $json.name }}', 'v']) }) },
			items: [{ name: 'pe_id' }, { name: 'msg' }],
			continueOnFail: true,
		});
		expect(result.items.map((item) => [item.json.error ?? item.json.success, item.pairedItem])).toEqual([
			[true, { item: 0 }],
			['Item 2, field "options.extraParameters": "msg" is set by the node itself', { item: 1 }],
		]);
		expect(ctx.sim.requests.map((request) => request.form.pe_id)).toEqual(['v']);
	});
});

describe('bulk parameter name', () => {
	const ctx = useSimulator();

	it.each([
		[undefined, 'bulk_campaigm'],
		['bulk_campaigm', 'bulk_campaigm'],
		['bulk_campaign', 'bulk_campaign'],
	])('credential setting %p sends the personalised list as %s', async (setting, parameter) => {
		await run(ctx.sim, {
			parameters: send('sendBulk', {}),
			items: [{ mobile: '919876543210' }, { mobile: '918009000000' }],
			credentials: credentialsFor(ctx.sim, setting ? { bulkParameterName: setting } : {}),
		});
		const form = ctx.sim.requests[0].form;
		expect(Object.keys(form).filter((name) => name.startsWith('bulk_'))).toEqual([parameter]);
		expect(JSON.parse(String(form[parameter])).map((entry: { mobile: string }) => entry.mobile)).toEqual(['919876543210', '918009000000']);
	});
});
