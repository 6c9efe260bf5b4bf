import { BULK_LIMIT } from '../../nodes/SmsHandover/helpers/panelLimits';
import { API_KEY, run, useSimulator, visibleText } from './fixtures';

const send = (overrides: Record<string, unknown> = {}) => ({
	resource: 'sms',
	operation: 'send',
	senderId: 'DEMO',
	contacts: '919876543210',
	message: 'Hello',
	options: {},
	...overrides,
});

describe('sms: send', () => {
	const ctx = useSimulator();

	it('posts a form with the key in the body, normalised and de-duplicated contacts, and outputs the shoot id', async () => {
		const result = await run(ctx.sim, {
			parameters: send({ contacts: '+91 98765-43210; 0091 9812345678\n919876543210', message: 'Hello People, have a great day' }),
		});

		expect(result.error).toBeUndefined();
		const [request] = ctx.sim.requests;
		expect(ctx.sim.requests).toHaveLength(1);
		expect(request).toMatchObject({ method: 'POST', path: '/smsapi/index', query: {} });
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
		expect(request.form).toEqual({
			key: API_KEY,
			senderid: 'DEMO',
			type: 'text',
			contacts: '919876543210,919812345678',
			msg: 'Hello People, have a great day',
		});
		const shootId = ctx.sim.getSubmission(result.items[0].json.shootId as string)?.shootId;
		expect(shootId).toMatch(/^[A-Za-z0-9]{16}$/);
		expect(result.items).toEqual([
			{
				json: {
					success: true,
					shootId,
					providerMessage: 'SMS SUBMITTED SUCCESSFULLY',
					heldForApproval: false,
					contacts: ['919876543210', '919812345678'],
					contactCount: 2,
					type: 'text',
					encoding: 'GSM-7',
					characters: 30,
					segments: 1,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends unicode for text outside GSM-7 and reports UCS-2 parts', async () => {
		const message = 'नमस्ते 👋 '.repeat(8);
		const result = await run(ctx.sim, { parameters: send({ message }) });
		expect(ctx.sim.requests[0].form.type).toBe('unicode');
		expect(ctx.sim.requests[0].form.msg).toBe(message);
		expect(result.items[0].json).toMatchObject({ type: 'unicode', encoding: 'UCS-2', characters: message.length, segments: 2 });
	});

	it('counts GSM-7 extension characters twice', async () => {
		const message = '{'.repeat(80) + 'a';
		const result = await run(ctx.sim, { parameters: send({ message }) });
		expect(result.items[0].json).toMatchObject({ type: 'text', encoding: 'GSM-7', characters: 161, segments: 2 });
	});

	it('passes the options through under the provider’s names', async () => {
		await run(ctx.sim, {
			parameters: send({
				options: { type: 'flash', campaign: '7', routeId: '2', dlrUrl: 'https://example.test/webhook/x/dlr?token=abc' },
			}),
		});
		expect(ctx.sim.requests[0].form).toEqual({
			key: API_KEY,
			senderid: 'DEMO',
			type: 'flash',
			campaign: '7',
			routeid: '2',
			dlr_url: 'https://example.test/webhook/x/dlr?token=abc',
			contacts: '919876543210',
			msg: 'Hello',
		});
	});

	it('takes contacts and message per item from expressions, arrays included', async () => {
		const result = await run(ctx.sim, {
			parameters: send({ contacts: '={{ $json.numbers }}', message: '=Hi {{ $json.name }}' }),
			items: [
				{ numbers: ['919876543210', 919812345678], name: 'Asha' },
				{ numbers: '447700900123', name: 'Ben' },
			],
		});
		expect(ctx.sim.requests.map((request) => [request.form.contacts, request.form.msg])).toEqual([
			['919876543210,919812345678', 'Hi Asha'],
			['447700900123', 'Hi Ben'],
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it.each([
		[{ contacts: '919876543210, 12ab5678' }, 'Item 1, field "contacts": "12ab5678" is not a phone number'],
		[{ contacts: '1234567' }, 'Item 1, field "contacts": "1234567" is not a phone number'],
		[{ contacts: ' , ; ' }, 'Item 1, field "contacts": has no phone number'],
		[{ message: '={{ $json.missing }}' }, 'Item 1, field "message": is empty'],
		[{ message: 'x'.repeat(721) }, 'Item 1, field "message": is 721 characters long; the provider accepts at most 720'],
		[{ senderId: '={{ "" }}' }, 'Item 1, field "senderId": is empty'],
		[{ options: { dlrUrl: 'not a url' } }, 'Item 1, field "options.dlrUrl": "not a url" is not an http(s) URL'],
	])('refuses bad input (case %#) before any request', async (overrides, message) => {
		const result = await run(ctx.sim, { parameters: send(overrides) });
		expect(result.error?.message).toBe(message);
		expect(result.items).toEqual([]);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	it('validates every item before sending any (no partial send on a bad third item)', async () => {
		const result = await run(ctx.sim, {
			parameters: send({ contacts: '={{ $json.to }}' }),
			items: [{ to: '919876543210' }, { to: '919812345678' }, { to: 'call me' }],
		});
		expect(result.error?.message).toBe('Item 3, field "contacts": "call me" is not a phone number');
		expect(ctx.sim.requests).toHaveLength(0);
	});

	it('with continueOnFail, a bad item becomes a paired error item and the others are sent', async () => {
		const result = await run(ctx.sim, {
			parameters: send({ contacts: '={{ $json.to }}' }),
			items: [{ to: '919876543210' }, { to: 'call me' }, { to: '919812345678' }],
			continueOnFail: true,
		});
		expect(ctx.sim.requests.map((request) => request.form.contacts)).toEqual(['919876543210', '919812345678']);
		expect(result.items.map((item) => [item.pairedItem, item.json.success ?? item.json.error])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, 'Item 2, field "contacts": "call me" is not a phone number'],
			[{ item: 2 }, true],
		]);
	});

	it('reads the shoot id from a plain-text SMS-SHOOT-ID answer', async () => {
		ctx.sim.configure({ sendResponseStyle: 'text' });
		const result = await run(ctx.sim, { parameters: send() });
		expect(result.items[0].json.shootId).toMatch(/^[A-Za-z0-9]{16}$/);
		expect(ctx.sim.getSubmission(result.items[0].json.shootId as string)).toBeDefined();
	});

	it('reports {"result":"error"} sent with HTTP 200 as an error with the provider’s message, without the key', async () => {
		const result = await run(ctx.sim, {
			parameters: send(),
			credentials: { apiKey: 'WRONG-KEY-987', baseUrl: ctx.sim.baseUrl },
		});
		expect(result.error?.message).toBe('INVALID API KEY');
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(visibleText(result)).not.toContain('WRONG-KEY-987');
	});

	it('sends items concurrently and keeps the output in input order', async () => {
		ctx.sim.setLatency(150);
		const items = Array.from({ length: 6 }, (_, index) => ({ to: `9198765432${10 + index}` }));
		const result = await run(ctx.sim, {
			parameters: send({ contacts: '={{ $json.to }}', options: { concurrency: 3 } }),
			items,
		});
		expect(result.items.map((item) => item.json.contacts)).toEqual(items.map((item) => [item.to]));
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		// Three requests were in flight together: the third arrived before the first was answered
		// (150 ms later); one at a time it could only arrive after two answers (≥ 300 ms).
		const arrivals = ctx.sim.requests.map((request) => request.at);
		expect(arrivals[2] - arrivals[0]).toBeLessThan(150);
		expect(arrivals[3] - arrivals[0]).toBeGreaterThanOrEqual(150);
	});

	it(`splits more than ${BULK_LIMIT} contacts of one item into requests of at most ${BULK_LIMIT}`, async () => {
		const contacts = Array.from({ length: BULK_LIMIT + 1 }, (_, index) => String(910000000000 + index));
		const result = await run(ctx.sim, { parameters: send({ contacts: '={{ $json.to }}' }), items: [{ to: contacts }] });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests.map((request) => String(request.form.contacts).split(',').length)).toEqual([BULK_LIMIT, 1]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.contactCount).toBe(BULK_LIMIT + 1);
		expect(result.items[0].json.shootIds).toHaveLength(2);
		expect(result.items[0].json.shootId).toBe((result.items[0].json.shootIds as string[])[0]);
	});
});

describe('sms: send options per item', () => {
	const ctx = useSimulator();

	it('an invalid option on the first item is that item’s error under continueOnFail, not the whole run’s', async () => {
		const result = await run(ctx.sim, {
			parameters: send({ contacts: '={{ $json.to }}', options: { dlrUrl: '={{ $json.dlr }}' } }),
			items: [{ to: '919876543210', dlr: 'ftp://nope' }, { to: '919812345678', dlr: 'https://n8n.test/webhook/x/dlr' }],
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.error ?? item.json.success)).toEqual([
			'Item 1, field "options.dlrUrl": "ftp://nope" is not an http(s) URL',
			true,
		]);
		expect(ctx.sim.requests.map((request) => request.form.dlr_url)).toEqual(['https://n8n.test/webhook/x/dlr']);
	});
});
