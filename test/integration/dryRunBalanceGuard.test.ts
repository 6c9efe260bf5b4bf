// Dry run (price and show, send nothing) and the balance guard (refuse before anything leaves).
import { API_KEY, run, useSimulator, visibleText } from './fixtures';

const GSM_160 = 'A'.repeat(161); // 2 GSM-7 parts
const UNICODE = 'नमस्ते'; // 1 UCS-2 part

const send = (options: Record<string, unknown>, overrides: Record<string, unknown> = {}) => ({
	resource: 'sms',
	operation: 'send',
	senderId: 'DEMO',
	contacts: '919876543210, 919812345678',
	message: GSM_160,
	options,
	...overrides,
});
const bulk = (options: Record<string, unknown>) => ({
	resource: 'sms',
	operation: 'sendBulk',
	senderId: 'DEMO',
	mobile: '={{ $json.mobile }}',
	message: '={{ $json.text }}',
	options,
});
const BULK_ITEMS = [
	{ mobile: '919876543210', text: 'Hi Peter' },
	{ mobile: '918009000000', text: UNICODE },
	{ mobile: '447700900123', text: GSM_160 },
];

describe('dry run', () => {
	const ctx = useSimulator();

	it('send: sends nothing, shows the request without the key, and prices it as a real send does', async () => {
		const dry = await run(ctx.sim, { parameters: send({ dryRun: true, routeId: '2', extraParameters: { parameter: [{ name: 'pe_id', value: '7' }] } }) });
		expect(ctx.sim.requests).toHaveLength(0);
		expect(dry.items).toEqual([
			{
				json: {
					dryRun: true,
					contacts: ['919876543210', '919812345678'],
					contactCount: 2,
					type: 'text',
					encoding: 'GSM-7',
					characters: 161,
					segments: 2,
					credits: 4,
					request: { senderid: 'DEMO', type: 'text', routeid: '2', pe_id: '7', contacts: '919876543210,919812345678', msg: GSM_160 },
					requestCount: 1,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(visibleText(dry)).not.toContain(API_KEY);

		const before = ctx.sim.balance('2')!;
		const real = await run(ctx.sim, { parameters: send({ routeId: '2', extraParameters: { parameter: [{ name: 'pe_id', value: '7' }] } }) });
		expect(real.items[0].json.segments).toBe(dry.items[0].json.segments);
		const { key, ...sentFields } = ctx.sim.requests[0].form;
		expect(key).toBe(API_KEY);
		expect(sentFields).toEqual(dry.items[0].json.request);
		expect(before - ctx.sim.balance('2')!).toBe(dry.items[0].json.credits);
	});

	it('schedule: the request carries the panel time', async () => {
		const dry = await run(ctx.sim, {
			parameters: send({ dryRun: 'true' }, { operation: 'schedule', scheduleAt: '2099-03-01T10:30:00+05:30' }),
		});
		expect(ctx.sim.requests).toHaveLength(0);
		expect(dry.items[0].json).toMatchObject({ dryRun: true, providerTime: '2099-03-01 10:30', request: { time: '2099-03-01 10:30' } });
	});

	it('sendBulk: one item per input with its batch, the run summary, and the same figures as a real run', async () => {
		const dry = await run(ctx.sim, { parameters: bulk({ dryRun: true }), items: BULK_ITEMS });
		expect(ctx.sim.requests).toHaveLength(0);
		const summary = { requests: 2, messages: 3, totalSegments: 4 };
		expect(dry.items.map((item) => item.json)).toEqual([
			{
				dryRun: true,
				mobile: '919876543210',
				type: 'text',
				encoding: 'GSM-7',
				characters: 8,
				segments: 1,
				batch: 1,
				batchCount: 2,
				credits: 1,
				request: { senderid: 'DEMO', type: 'text', bulk_campaigm: [{ mobile: '919876543210', msg: 'Hi Peter' }] },
				summary,
			},
			expect.objectContaining({ mobile: '918009000000', type: 'unicode', segments: 1, batch: 2, credits: 1, summary }),
			expect.objectContaining({ mobile: '447700900123', type: 'text', segments: 2, batch: 1, credits: 2, summary }),
		]);
		expect(dry.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);

		const before = ctx.sim.balance()!;
		const real = await run(ctx.sim, { parameters: bulk({}), items: BULK_ITEMS });
		expect(ctx.sim.requests).toHaveLength(summary.requests);
		expect(real.items.map((item) => [item.json.segments, item.json.batch])).toEqual(dry.items.map((item) => [item.json.segments, item.json.batch]));
		expect(before - ctx.sim.balance()!).toBe(summary.totalSegments);
	});

	it('refuses an unreadable Dry Run value before anything is sent, even with continueOnFail', async () => {
		const result = await run(ctx.sim, { parameters: send({ dryRun: 'maybe' }), items: [{}, {}], continueOnFail: true });
		expect(result.items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Item 1, field "options.dryRun": "maybe" is not true or false', { item: 0 }],
			['Item 1, field "options.dryRun": "maybe" is not true or false', { item: 1 }],
		]);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});

describe('balance guard', () => {
	const ctx = useSimulator({ routes: [{ id: '1', name: 'Transactional', balance: 5 }] });

	it('reads the balance once and sends when it covers every message', async () => {
		const result = await run(ctx.sim, { parameters: send({ balanceGuard: true }), items: [{}] });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['balance', 'send']);
		expect(ctx.sim.balance()).toBe(1);
	});

	it('refuses before any message leaves when the balance is short, naming need and balance', async () => {
		const result = await run(ctx.sim, { parameters: send({ balanceGuard: true }), items: [{}, {}] });
		expect(result.error?.message).toBe('Balance Guard: these messages need 8 credits on route 1 (Transactional), which has 5');
		expect(result.error?.description).toContain('Nothing was sent.');
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['balance']);
		expect(visibleText(result)).not.toContain(API_KEY);
	});

	it('with continueOnFail every item comes out as the refusal, paired, and nothing is sent', async () => {
		const result = await run(ctx.sim, { parameters: bulk({ balanceGuard: true }), items: [...BULK_ITEMS, ...BULK_ITEMS], continueOnFail: true });
		expect(result.items.map((item) => [item.json.error, item.pairedItem])).toEqual(
			[0, 1, 2, 3, 4, 5].map((item) => ['Balance Guard: these messages need 8 credits on route 1 (Transactional), which has 5', { item }]),
		);
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['balance']);
	});

	it('counts Credits Per Segment', async () => {
		const result = await run(ctx.sim, { parameters: send({ balanceGuard: true, creditsPerSegment: 1.5 }), items: [{}] });
		expect(result.error?.message).toBe('Balance Guard: these messages need 6 credits on route 1 (Transactional), which has 5');
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['balance']);
	});

	it('in a dry run, shows the verdict on every item and still sends nothing', async () => {
		const result = await run(ctx.sim, { parameters: bulk({ balanceGuard: true, dryRun: true }), items: [...BULK_ITEMS, ...BULK_ITEMS] });
		expect(result.items.map((item) => [item.json.creditsNeeded, item.json.balance, item.json.balanceOk])).toEqual(
			Array(6).fill([8, 5, false]),
		);
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['balance']);
	});
});

describe('balance guard with several routes', () => {
	const ctx = useSimulator({ routes: [{ id: '1', name: 'Transactional', balance: 100 }, { id: '7', name: 'Promotional', balance: 1 }] });

	it('needs a Route ID to know which balance to check', async () => {
		const result = await run(ctx.sim, { parameters: send({ balanceGuard: true }) });
		expect(result.error?.message).toBe('Balance Guard needs a Route ID: the account has 2 routes (1 (Transactional), 7 (Promotional))');
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['balance']);
	});

	it('checks each route the items go out on', async () => {
		const result = await run(ctx.sim, {
			parameters: send({ balanceGuard: true, routeId: '={{ $json.route }}' }, { message: 'Hi' }),
			items: [{ route: '1' }, { route: '7' }],
		});
		expect(result.error?.message).toBe('Balance Guard: these messages need 2 credits on route 7 (Promotional), which has 1');
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['balance']);
	});

	it('refuses a route the account does not have', async () => {
		const result = await run(ctx.sim, { parameters: send({ balanceGuard: true, routeId: '9' }) });
		expect(result.error?.message).toBe('Balance Guard: route "9" is not one of the account\'s routes (1 (Transactional), 7 (Promotional))');
	});
});
