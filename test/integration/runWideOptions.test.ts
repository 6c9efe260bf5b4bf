// One rule for every sending operation: a bad option that applies to the whole run (read from the
// first item) gives one error item per input item under Continue On Fail, and fails the node
// otherwise. Nothing is sent either way.
import type { IDataObject } from 'n8n-workflow';

import { run, useSimulator } from './fixtures';

const ctx = useSimulator();

const OPERATIONS: Array<[string, IDataObject, number]> = [
	['send', { senderId: 'DEMO', contacts: '919876543210', message: 'Hi' }, 2],
	['schedule', { senderId: 'DEMO', contacts: '919876543210', message: 'Hi', scheduleAt: '2099-01-15T09:05:00' }, 2],
	['sendBulk', { senderId: 'DEMO', mobile: '919876543210', message: 'Hi' }, 2],
	// Send and Wait takes one item per execution.
	['sendAndWaitForDelivery', { senderId: 'DEMO', contacts: '919876543210', message: 'Hi', waitMethod: 'poll', maxWaitMinutes: 1 }, 1],
];

const BAD_OPTIONS: Array<[string, IDataObject, string]> = [
	['Dry Run', { dryRun: 'maybe' }, 'Item 1, field "options.dryRun": "maybe" is not true or false'],
	['Credits Per Segment', { creditsPerSegment: -1 }, 'Item 1, field "options.creditsPerSegment": must be a number of credits, 0 or more'],
];

describe.each(OPERATIONS)('sms %s', (operation, fields, itemCount) => {
	const parameters = (options: IDataObject) => ({ resource: 'sms', operation, ...fields, options });
	const items = Array.from({ length: itemCount }, () => ({}));

	it.each(BAD_OPTIONS)('a bad %s under Continue On Fail: one error item per input item, paired', async (_label, options, message) => {
		const result = await run(ctx.sim, { parameters: parameters(options), items, continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.error, item.pairedItem])).toEqual(items.map((_, item) => [message, { item }]));
		expect(ctx.sim.requests).toHaveLength(0);
	});

	it.each(BAD_OPTIONS)('a bad %s otherwise: the node fails with it', async (_label, options, message) => {
		const result = await run(ctx.sim, { parameters: parameters(options), items });
		expect(result.error?.message).toBe(message);
		expect(result.items).toEqual([]);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});

it('sms sendBulk: a bad request option (read from the first item for the whole run) follows the same rule', async () => {
	const result = await run(ctx.sim, {
		parameters: { resource: 'sms', operation: 'sendBulk', senderId: 'DEMO', mobile: '919876543210', message: 'Hi', options: { batchSize: 0 } },
		items: [{}, {}, {}],
		continueOnFail: true,
	});
	expect(result.items.map((item) => [item.json.error, item.pairedItem])).toEqual(
		[0, 1, 2].map((item) => ['Item 1, field "options.batchSize": must be a whole number from 1 to 50000', { item }]),
	);
	expect(ctx.sim.requests).toHaveLength(0);
});
