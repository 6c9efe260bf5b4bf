// The panel's other push styles (batch, ntapi, empty) and its retries of unanswered pushes.
import { ntapiPush } from './index';
import { closedPort, startReceiver, usePanelPush } from './testUtils';

const { ctx, sendTo, bodies, byMobile, reportOf } = usePanelPush();
const A = '919765600001';
const B = '919765600002';

describe('retries (non-2xx or no connection: posted again up to dlr.maxAttempts, retryDelayMs apart)', () => {
	it('retries a 500 with post_attempt 2, 3 and stops at the first 2xx', async () => {
		const flaky = await startReceiver((n) => (n <= 2 ? 500 : 200));
		try {
			const shootId = await sendTo(A, 'x', `${flaky.url}/dlr`);
			const records = await ctx.sim.deliver(shootId);
			expect(records.map((r) => [r.status, r.attempt])).toEqual([
				[500, 1],
				[500, 2],
				[200, 3],
			]);
			expect(flaky.received.map((r) => JSON.parse(r.body).post_attempt)).toEqual([1, 2, 3]);
			expect(ctx.sim.dlrPushes.map((p) => p.attempt)).toEqual([1, 2, 3]);
		} finally {
			await flaky.close();
		}
	});

	it('gives up after maxAttempts POSTs in all (default 4), for HTTP errors and refused connections', async () => {
		expect(ctx.sim.config.dlr.maxAttempts).toBe(4);
		const refusing = await startReceiver(503);
		try {
			const records = await ctx.sim.deliver(await sendTo(A, 'x', `${refusing.url}/dlr`));
			expect(records.map((r) => [r.status, r.attempt])).toEqual([
				[503, 1],
				[503, 2],
				[503, 3],
				[503, 4],
			]);
		} finally {
			await refusing.close();
		}
		ctx.sim.configure({ dlr: { maxAttempts: 2 } });
		const down = `http://127.0.0.1:${await closedPort()}/dlr`;
		const records = await ctx.sim.deliver(await sendTo(A, 'x', down));
		expect(records.map((r) => [r.url, r.status, typeof r.error, r.attempt])).toEqual([
			[down, null, 'string', 1],
			[down, null, 'string', 2],
		]);
	});

	it('reset() stops pending retries', async () => {
		ctx.sim.configure({ dlr: { retryDelayMs: 60000 } });
		const refusing = await startReceiver(500);
		try {
			const pending = ctx.sim.deliver(await sendTo(A, 'x', `${refusing.url}/dlr`));
			await ctx.sim.waitForDlrPushes(1, 5000);
			ctx.sim.reset();
			expect((await pending).map((r) => r.attempt)).toEqual([1]);
			expect(refusing.received).toHaveLength(1);
		} finally {
			await refusing.close();
		}
	});
});

describe("style 'batch' (the panel's 15-minute mode)", () => {
	it('one POST per callback URL with an array of native objects, sends before the flush joining it', async () => {
		ctx.sim.configure({ dlr: { style: 'batch', autoPush: true, delayMs: 300 } });
		const other = await startReceiver();
		try {
			const first = await sendTo(`${A},${B}`);
			const second = await sendTo(A, 'y');
			const third = await sendTo(B, 'z', `${other.url}/other`);
			await ctx.sim.waitForDlrPushes(2, 5000);
			expect(ctx.receiver.received).toHaveLength(1);
			expect(other.received).toHaveLength(1);
			const batch = JSON.parse(ctx.receiver.received[0].body);
			expect(batch.map((o: { sms_shoot_id: string; mobile: number }) => [o.sms_shoot_id, o.mobile])).toEqual([
				[first, Number(A)],
				[first, Number(B)],
				[second, Number(A)],
			]);
			expect(batch[0]).toMatchObject({ post_attempt: 1, credits_charged: 1, dlr: [{ message_id: reportOf(first, A).smsId, dlr: 'DELIVERED' }] });
			expect(JSON.parse(other.received[0].body).map((o: { sms_shoot_id: string }) => o.sms_shoot_id)).toEqual([third]);
		} finally {
			await other.close();
		}
	});

	it('splits more than batchSize reports into several POSTs and retries a refused batch whole', async () => {
		ctx.sim.configure({ dlr: { style: 'batch', batchSize: 2 } });
		const flaky = await startReceiver((n) => (n === 1 ? 500 : 200));
		try {
			const shootId = await sendTo(`${A},${B},919765600003`, 'x', `${flaky.url}/b`);
			const records = await ctx.sim.deliver(shootId);
			expect(records).toHaveLength(3);
			const sent = flaky.received.map((r) => JSON.parse(r.body).map((o: { mobile: number; post_attempt: number }) => [o.mobile, o.post_attempt]));
			expect(sent).toEqual(
				expect.arrayContaining([
					[[919765600003, 1]],
					[
						[Number(A), 1],
						[Number(B), 1],
					],
				]),
			);
			const retried = sent.filter((batch) => batch.some(([, attempt]: number[]) => attempt === 2));
			expect(retried).toHaveLength(1);
			expect(records.filter((r) => r.status === 500)).toHaveLength(1);
		} finally {
			await flaky.close();
		}
	});
});

describe("styles 'ntapi' and 'empty'", () => {
	it('ntapi: {CMD, NTYPE, FROM, SMID, STATUS, DETAIL} per recipient', async () => {
		ctx.sim.configure({ dlr: { style: 'ntapi', outcomeByNumber: { [B]: 'expired' } } });
		const shootId = await sendTo(`${A},${B}`);
		await ctx.sim.deliver(shootId);
		expect(byMobile(bodies().map((b) => ({ ...b, mobile: b.FROM })))).toEqual([
			{ ...ntapiPush({ mobile: Number(A), messageId: reportOf(shootId, A).smsId, reply: 'DELIVRD' }), mobile: Number(A) },
			{ ...ntapiPush({ mobile: Number(B), messageId: reportOf(shootId, B).smsId, reply: 'EXPIRED' }), mobile: Number(B) },
		]);
	});

	it('empty: what instant mode really posts, {} per recipient, retried the same way', async () => {
		ctx.sim.configure({ dlr: { style: 'empty', maxAttempts: 2 } });
		const refusing = await startReceiver(500);
		try {
			const records = await ctx.sim.deliver(await sendTo(A, 'x', `${refusing.url}/e`));
			expect(records.map((r) => [r.body, r.contentType, r.attempt])).toEqual([
				['{}', 'application/json', 1],
				['{}', 'application/json', 2],
			]);
			expect(refusing.received.map((r) => r.body)).toEqual(['{}', '{}']);
		} finally {
			await refusing.close();
		}
	});
});
