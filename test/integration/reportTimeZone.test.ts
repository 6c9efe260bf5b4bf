// One time-zone rule: report times without an offset are read in the workflow's time zone
// everywhere (the trigger's tests cover it there); the credential's Account Time Zone governs
// scheduling only. The simulator's earlier getDLR rows carry `delivered_at` as IST wall-clock time.
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, run, useSimulator } from './fixtures';

const ctx = useSimulator({ dlr: { getDlrStyle: 'legacy', delayMs: 0 } });

// A zone the panel's clock is not in: if report times followed it they would be 10.5 hours off.
const credentials = () => credentialsFor(ctx.sim, { timeZone: 'America/New_York' });
const MINUTE = 60_000;

async function sentShootId(): Promise<string> {
	const sent = await run(ctx.sim, {
		parameters: { resource: 'sms', operation: 'send', senderId: 'DEMO', contacts: '919876543210', message: 'Hi', options: {} },
		credentials: credentials(),
	});
	return sent.items[0].json.shootId as string;
}

const minutesFromNow = (iso: unknown) => Math.abs(Date.parse(String(iso)) - Date.now()) / MINUTE;

it('Delivery Report → Get reads them in the workflow time zone, not the Account Time Zone', async () => {
	const shootId = await sentShootId();
	const result = await run(ctx.sim, {
		parameters: { resource: 'deliveryReport', operation: 'get', shootId },
		credentials: credentials(),
		timezone: 'Asia/Kolkata',
	});
	expect(result.items).toHaveLength(1);
	expect(minutesFromNow(result.items[0].json.deliveredAt)).toBeLessThan(2);
});

it('Delivery Report → Get in a workflow set to UTC reads the same text as UTC', async () => {
	const shootId = await sentShootId();
	const result = await run(ctx.sim, {
		parameters: { resource: 'deliveryReport', operation: 'get', shootId },
		credentials: credentials(),
		timezone: 'UTC',
	});
	// IST wall-clock read as UTC: 5.5 hours later than the real instant.
	expect(minutesFromNow(result.items[0].json.deliveredAt)).toBeGreaterThan(5.5 * 60 - 2);
	expect(minutesFromNow(result.items[0].json.deliveredAt)).toBeLessThan(5.5 * 60 + 2);
});

it('Send and Wait (poll) reads them in the workflow time zone too', async () => {
	const result = await run(ctx.sim, {
		parameters: {
			resource: 'sms',
			operation: 'sendAndWaitForDelivery',
			senderId: 'DEMO',
			contacts: '919876543210',
			message: 'Hi',
			waitMethod: 'poll',
			maxWaitMinutes: 1,
			options: {},
		},
		credentials: credentials(),
		timezone: 'Asia/Kolkata',
	});
	expect(result.error).toBeUndefined();
	const report = result.items[0].json as IDataObject;
	expect(report.status).toBe('delivered');
	expect(minutesFromNow(report.deliveredAt)).toBeLessThan(2);
});
