import type { IDataObject } from 'n8n-workflow';

import { BULK_LIMIT, BULK_PARAMETER } from '../../nodes/SmsHandover/helpers/panelLimits';
import { API_KEY, run, useSimulator } from './fixtures';

const bulk = (overrides: Record<string, unknown> = {}) => ({
	resource: 'sms',
	operation: 'sendBulk',
	senderId: 'DEMO',
	mobile: '={{ $json.mobile }}',
	message: '=Hi {{ $json.name }}',
	options: {},
	...overrides,
});

const people = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ mobile: String(910000000000 + index), name: `P${index}` }));

describe('sms: sendBulk', () => {
	const ctx = useSimulator({ routes: [{ id: '1', name: 'Transactional', balance: 10_000_000 }] });

	it('sends all items as one personalised bulk POST and gives every item its shoot id', async () => {
		const result = await run(ctx.sim, {
			parameters: bulk(),
			items: [
				{ mobile: '+91 98765 43210', name: 'Peter' },
				{ mobile: 918009000000, name: 'John' },
				{ mobile: '0044 7700 900123', name: 'Ann' },
			],
		});

		expect(ctx.sim.requests).toHaveLength(1);
		const [request] = ctx.sim.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/smsapi/index', query: {} });
		expect(request.form).toEqual({
			key: API_KEY,
			senderid: 'DEMO',
			type: 'text',
			[BULK_PARAMETER]:
				'[{"mobile":"919876543210","msg":"Hi Peter"},{"mobile":"918009000000","msg":"Hi John"},{"mobile":"447700900123","msg":"Hi Ann"}]',
		});
		const shootId = result.items[0].json.shootId;
		expect(ctx.sim.getSubmission(shootId as string)?.recipients).toEqual(['919876543210', '918009000000', '447700900123']);
		expect(result.items).toEqual(
			['919876543210', '918009000000', '447700900123'].map((mobile, item) => ({
				json: {
					success: true,
					shootId,
					heldForApproval: false,
					mobile,
					type: 'text',
					encoding: 'GSM-7',
					characters: ['Hi Peter', 'Hi John', 'Hi Ann'][item].length,
					segments: 1,
					batch: 1,
					batchCount: 1,
				},
				pairedItem: { item },
			})),
		);
	});

	it('in auto mode sends GSM-7 texts and Unicode texts in separate requests', async () => {
		const result = await run(ctx.sim, {
			parameters: bulk({ message: '={{ $json.text }}' }),
			items: [
				{ mobile: '919876543210', text: 'Plain' },
				{ mobile: '919876543211', text: 'स्वागत है' },
				{ mobile: '919876543212', text: 'Also plain' },
			],
		});
		expect(ctx.sim.requests.map((request) => [request.form.type, JSON.parse(String(request.form[BULK_PARAMETER])).length])).toEqual([
			['text', 2],
			['unicode', 1],
		]);
		expect(result.items.map((item) => [item.json.type, item.json.batch])).toEqual([
			['text', 1],
			['unicode', 2],
			['text', 1],
		]);
		expect(result.items[0].json.shootId).toBe(result.items[2].json.shootId);
		expect(result.items[1].json.shootId).not.toBe(result.items[0].json.shootId);
	});

	it('applies schedule, route, campaign and DLR URL to the whole request', async () => {
		const result = await run(ctx.sim, {
			parameters: bulk({
				options: { scheduleAt: '2099-01-15T09:05:00', routeId: '1', campaign: '3', dlrUrl: 'https://n8n.test/webhook/a/dlr' },
			}),
			items: people(2),
		});
		expect(ctx.sim.requests[0].form).toMatchObject({ time: '2099-01-15 09:05', routeid: '1', campaign: '3', dlr_url: 'https://n8n.test/webhook/a/dlr' });
		expect(result.items[0].json).toMatchObject({ providerTime: '2099-01-15 09:05', timeZone: 'Asia/Kolkata', scheduledAt: '2099-01-15T03:35:00.000Z' });
	});

	it.each([
		[BULK_LIMIT - 1, [BULK_LIMIT - 1]],
		[BULK_LIMIT, [BULK_LIMIT]],
		[BULK_LIMIT + 1, [BULK_LIMIT, 1]],
		[2 * BULK_LIMIT, [BULK_LIMIT, BULK_LIMIT]],
	])('%i items go out as requests of %j messages', async (count, sizes) => {
		// Field references (the fast path): 100,000 evaluated expressions would take a minute.
		const result = await run(ctx.sim, { parameters: bulk({ message: '={{ $json.name }}' }), items: people(count) });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests.map((request) => JSON.parse(String(request.form[BULK_PARAMETER])).length)).toEqual(sizes);
		expect(result.items).toHaveLength(count);
		expect(result.items[count - 1].pairedItem).toEqual({ item: count - 1 });
		expect(result.items[count - 1].json.batch).toBe(sizes.length);
		const shootIds = new Set(result.items.map((item) => item.json.shootId));
		expect(shootIds.size).toBe(sizes.length);
	});

	it('a lower batch size option cuts smaller requests', async () => {
		await run(ctx.sim, { parameters: bulk({ options: { batchSize: 2 } }), items: people(5) });
		expect(ctx.sim.requests.map((request) => JSON.parse(String(request.form[BULK_PARAMETER])).length)).toEqual([2, 2, 1]);
	});

	it('a batch size above the provider limit is refused before any request', async () => {
		const result = await run(ctx.sim, { parameters: bulk({ options: { batchSize: BULK_LIMIT + 1 } }), items: people(1) });
		expect(result.error?.message).toBe(`Item 1, field "options.batchSize": must be a whole number from 1 to ${BULK_LIMIT}`);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	it('a failed batch with continueOnFail: sent items keep their shoot id, the failed batch may have gone out, the rest were not sent', async () => {
		ctx.sim.failNext('send', 'http503', { after: 1 });
		const result = await run(ctx.sim, {
			parameters: bulk({ options: { batchSize: 2 } }),
			items: people(6),
			continueOnFail: true,
		});
		expect(ctx.sim.requests).toHaveLength(2);
		const firstShootId = result.items[0].json.shootId as string;
		expect(ctx.sim.getSubmission(firstShootId)?.recipients).toEqual(['910000000000', '910000000001']);
		const alreadySent = `Already submitted, do not send again: batch 1 (2 messages, shoot id ${firstShootId}).`;
		// A 503 may come after the panel took batch 2: its items must not read "not sent".
		const maybeSent =
			'The messages may or may not have been submitted. Check the delivery reports or the panel before sending again: this node never resends on its own.';
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ success: true, shootId: firstShootId, batch: 1 }),
			expect.objectContaining({ success: true, shootId: firstShootId, batch: 1 }),
			{ error: 'The request for batch 2 of 3 failed: SMS Handover is unavailable (HTTP 503)', description: `Reply: Service Temporarily Unavailable ${maybeSent} ${alreadySent}` },
			{ error: 'The request for batch 2 of 3 failed: SMS Handover is unavailable (HTTP 503)', description: `Reply: Service Temporarily Unavailable ${maybeSent} ${alreadySent}` },
			{ error: 'Not sent: not attempted because batch 2 of 3 failed: SMS Handover is unavailable (HTTP 503)', description: alreadySent },
			{ error: 'Not sent: not attempted because batch 2 of 3 failed: SMS Handover is unavailable (HTTP 503)', description: alreadySent },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
	});

	it('a failed batch without continueOnFail stops the node and lists what was already sent', async () => {
		ctx.sim.failNext('send', 'errText', { after: 1, message: 'INSUFFICIENT CREDITS' });
		const result = await run(ctx.sim, { parameters: bulk({ options: { batchSize: 2 } }), items: people(6) });
		expect(ctx.sim.requests).toHaveLength(2);
		expect(result.error?.message).toBe('INSUFFICIENT CREDITS');
		expect(result.error?.description).toMatch(
			/^Batch 2 of 3 failed\. Already submitted, do not send again: batch 1 \(2 messages, shoot id [A-Za-z0-9]{16}\)\.$/,
		);
	});

	it('refuses a bad mobile before any request, naming the item and the value', async () => {
		const items = people(3);
		items[1].mobile = 'n/a';
		const result = await run(ctx.sim, { parameters: bulk(), items });
		expect(result.error?.message).toBe('Item 2, field "mobile": "n/a" is not a phone number');
		expect(ctx.sim.requests).toHaveLength(0);
	});

	it('with continueOnFail, bad items become paired errors and the good ones are sent in one request', async () => {
		const items: IDataObject[] = people(3);
		items[1] = { mobile: '919876543210' };
		const result = await run(ctx.sim, { parameters: bulk({ message: '={{ $json.name }}' }), items, continueOnFail: true });
		expect(JSON.parse(String(ctx.sim.requests[0].form[BULK_PARAMETER]))).toEqual([
			{ mobile: '910000000000', msg: 'P0' },
			{ mobile: '910000000002', msg: 'P2' },
		]);
		expect(result.items[1]).toEqual({ json: { error: 'Item 2, field "message": is empty', description: 'An SMS needs some text.' }, pairedItem: { item: 1 } });
	});
});
