import { run, useSimulator } from './fixtures';

const schedule = (scheduleAt: string, overrides: Record<string, unknown> = {}) => ({
	resource: 'sms',
	operation: 'schedule',
	senderId: 'DEMO',
	contacts: '919876543210',
	message: 'Reminder',
	scheduleAt,
	options: {},
	...overrides,
});

describe('sms: schedule', () => {
	const ctx = useSimulator();

	it.each([
		['a wall-clock time, taken in the account zone', '2099-03-19T14:30:00', 'Asia/Kolkata', '2099-03-19 14:30', '2099-03-19T09:00:00.000Z'],
		['a UTC instant', '2099-03-19T09:00:00Z', 'Asia/Kolkata', '2099-03-19 14:30', '2099-03-19T09:00:00.000Z'],
		['an offset time', '2099-03-19T10:00:00+01:00', 'Asia/Kolkata', '2099-03-19 14:30', '2099-03-19T09:00:00.000Z'],
		['a time in another account zone', '2099-07-01T09:05:00Z', 'America/New_York', '2099-07-01 05:05', '2099-07-01T09:05:00.000Z'],
		// The panel takes minutes: the output names the minute it sends in, not the seconds asked for.
		['a time with seconds', '2099-07-01T09:05:59.999Z', 'UTC', '2099-07-01 09:05', '2099-07-01T09:05:00.000Z'],
	])('sends %s as YYYY-MM-DD HH:mm', async (_, scheduleAt, timeZone, providerTime, scheduledAt) => {
		const result = await run(ctx.sim, {
			parameters: schedule(scheduleAt),
			credentials: { apiKey: ctx.sim.apiKey, baseUrl: ctx.sim.baseUrl, timeZone },
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].form.time).toBe(providerTime);
		expect(result.items[0].json).toMatchObject({ providerTime, scheduledAt, timeZone, success: true });
	});

	it('reads a zone typed under Other, and a zone saved as free text before the list', async () => {
		for (const zone of [{ timeZone: 'other', timeZoneOther: 'America/New_York' }, { timeZone: 'US/Eastern', timeZoneOther: '' }]) {
			ctx.sim.reset();
			const result = await run(ctx.sim, {
				parameters: schedule('2099-07-01T09:05:00Z'),
				credentials: { apiKey: ctx.sim.apiKey, baseUrl: ctx.sim.baseUrl, ...zone },
			});
			expect(result.error).toBeUndefined();
			expect(ctx.sim.requests[0].form.time).toBe('2099-07-01 05:05');
		}
	});

	it('refuses a time in the past before any request', async () => {
		const result = await run(ctx.sim, { parameters: schedule('2020-01-01T10:00:00') });
		expect(result.error?.message).toBe('Item 1, field "scheduleAt": 2020-01-01 10:00 (Asia/Kolkata) is in the past');
		expect(ctx.sim.requests).toHaveLength(0);
	});

	it('refuses a date that is not a date', async () => {
		const result = await run(ctx.sim, { parameters: schedule('={{ "next tuesday" }}') });
		expect(result.error?.message).toBe('Item 1, field "scheduleAt": "next tuesday" is not a date and time');
		expect(ctx.sim.requests).toHaveLength(0);
	});

	it('refuses an unknown time zone in the credential', async () => {
		const result = await run(ctx.sim, {
			parameters: schedule('2099-01-01T10:00:00'),
			credentials: { apiKey: ctx.sim.apiKey, baseUrl: ctx.sim.baseUrl, timeZone: 'Mars/Olympus' },
		});
		expect(result.error?.message).toBe('The credential\'s Account Time Zone "Mars/Olympus" is not a time zone n8n knows. Pick the account\'s zone from the list (for example Asia/Kolkata or Europe/London).');
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
