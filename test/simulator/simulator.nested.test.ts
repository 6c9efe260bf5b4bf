// The nested delivery-report shape of the panel's newer API (httpApi.php, api/v2/dlr): the nestedReport builder,
// the 'nested' and 'nestedBatch' push styles and the getDLR answer style 'nested'.
import { nestedReport } from './index';
import { API_KEY, get, istSqlTime, startReceiver, usePanelPush } from './testUtils';

const { ctx, sendTo, bodies, byMobile } = usePanelPush();
const A = '919765600001';
const B = '919765600002';

describe('nestedReport', () => {
	it('is one message as the v2 DLR API lists it, in its key order', () => {
		const body = nestedReport();
		expect(body).toEqual({
			sms_shoot_id: 'smshnd_k2j4h5g6',
			mobile: 919812345678,
			sender_id: 'SMSHND',
			sent: '2026-11-30 10:20:31',
			dlr: { status: 'Handset Delivered', operator_reply: 'DELIVRD', delivery_time: '2026-11-30 10:20:36' },
		});
		expect(Object.keys(body)).toEqual(['sms_shoot_id', 'mobile', 'sender_id', 'sent', 'dlr']);
		expect(Object.keys(body.dlr!)).toEqual(['status', 'operator_reply', 'delivery_time']);
	});

	it('takes any value, and leaves out fields set to undefined', () => {
		expect(nestedReport({ shootId: 'S', mobile: '919800000001', senderId: null, status: 'SMSC REJECT', reply: 'REJECTD', deliveryTime: null, sent: undefined })).toEqual({
			sms_shoot_id: 'S',
			mobile: '919800000001',
			sender_id: null,
			dlr: { status: 'SMSC REJECT', operator_reply: 'REJECTD', delivery_time: null },
		});
		expect(nestedReport({ reply: undefined }).dlr).toEqual({ status: 'Handset Delivered', delivery_time: '2026-11-30 10:20:36' });
		expect(nestedReport({ dlr: undefined })).not.toHaveProperty('dlr');
	});
});

describe("push style 'nested'", () => {
	it('posts one nested record per recipient, times on the panel clock without an offset', async () => {
		ctx.sim.configure({ dlr: { style: 'nested', outcomeByNumber: { [B]: 'rejected' } } });
		const shootId = await sendTo(`${A},${B}`);
		const records = await ctx.sim.deliver(shootId);
		expect(records.map((r) => [r.method, r.contentType, r.status, r.attempt])).toEqual([
			['POST', 'application/json', 200, 1],
			['POST', 'application/json', 200, 1],
		]);
		const submission = ctx.sim.getSubmission(shootId)!;
		const finalAt = (mobile: string) => submission.reports.find((r) => r.mobile === mobile)!.finalAt!;
		const expected = (mobile: string, status: string, reply: string) =>
			nestedReport({ shootId, mobile: Number(mobile), senderId: 'DEMO', sent: istSqlTime(submission.createdAt), status, reply, deliveryTime: istSqlTime(finalAt(mobile)) });
		expect(byMobile(bodies())).toEqual([expected(A, 'Handset Delivered', 'DELIVRD'), expected(B, 'SMSC REJECT', 'REJECTD')]);
	});

	it('a report without a delivery time (invalid, blacklisted) has delivery_time null; retried like the panel styles', async () => {
		ctx.sim.configure({ dlr: { style: 'nested', maxAttempts: 2, outcomeByNumber: { [A]: 'invalid', [B]: 'blacklisted' } } });
		const refusing = await startReceiver((n) => (n <= 2 ? 503 : 200));
		try {
			const records = await ctx.sim.deliver(await sendTo(`${A},${B}`, 'x', `${refusing.url}/n`));
			expect(records.map((r) => r.status).sort()).toEqual([200, 200, 503, 503]);
			const last = byMobile(refusing.received.slice(2).map((r) => JSON.parse(r.body)));
			expect(last.map((b) => b.dlr)).toEqual([
				{ status: 'Invalid Subscriber', operator_reply: '', delivery_time: null },
				{ status: 'Blacklist/Opted-out', operator_reply: '', delivery_time: null },
			]);
		} finally {
			await refusing.close();
		}
	});
});

describe("push style 'nestedBatch'", () => {
	it('one POST per callback URL with an array of nested records, sends before the flush joining it', async () => {
		ctx.sim.configure({ dlr: { style: 'nestedBatch', autoPush: true, delayMs: 300 } });
		const first = await sendTo(`${A},${B}`);
		const second = await sendTo(A, 'y');
		await ctx.sim.waitForDlrPushes(1, 5000);
		expect(ctx.receiver.received).toHaveLength(1);
		const batch = JSON.parse(ctx.receiver.received[0].body);
		expect(batch.map((o: { sms_shoot_id: string; mobile: number }) => [o.sms_shoot_id, o.mobile])).toEqual([
			[first, Number(A)],
			[first, Number(B)],
			[second, Number(A)],
		]);
		expect(batch[0].dlr).toMatchObject({ status: 'Handset Delivered', operator_reply: 'DELIVRD' });
	});

	it('splits at batchSize', async () => {
		ctx.sim.configure({ dlr: { style: 'nestedBatch', batchSize: 2 } });
		await ctx.sim.deliver(await sendTo(`${A},${B},919765600003`));
		expect(bodies().map((b) => b.length).sort()).toEqual([1, 2]);
	});
});

describe("getDLR answer style 'nested'", () => {
	const getDlr = async (shootId: string) => (await get(ctx.sim, `/miscapi/${API_KEY}/getDLR/${shootId}`)).text;

	it('wraps one nested record per recipient in {status: success, data}', async () => {
		ctx.sim.configure({ dlr: { getDlrStyle: 'nested', delayMs: 600000, outcomeByNumber: { [B]: 'failed' } } });
		const shootId = await sendTo(`${A},${B}`);
		const submission = ctx.sim.getSubmission(shootId)!;
		const sent = istSqlTime(submission.createdAt);
		const pending = (mobile: string) => nestedReport({ shootId, mobile: Number(mobile), senderId: 'DEMO', sent, status: 'DLR Pending', reply: '', deliveryTime: null });
		expect(await getDlr(shootId)).toBe(JSON.stringify({ status: 'success', data: [pending(A), pending(B)] }));
		await ctx.sim.deliver(shootId);
		const [a, b] = JSON.parse(await getDlr(shootId)).data;
		const finalAt = istSqlTime(submission.reports[0].finalAt!);
		expect(a).toEqual(nestedReport({ shootId, mobile: Number(A), senderId: 'DEMO', sent, status: 'Handset Delivered', reply: 'DELIVRD', deliveryTime: finalAt }));
		expect(b.dlr).toEqual({ status: 'Unavailable Sucscriber', operator_reply: 'UNDELIV', delivery_time: istSqlTime(submission.reports[1].finalAt!) });
	});

	it('says SMSC SUBMIT while the operator has it, and keeps the classic errors', async () => {
		ctx.sim.configure({ dlr: { getDlrStyle: 'nested', delayMs: 0 } });
		const shootId = await sendTo(A);
		expect(JSON.parse(await getDlr(shootId)).data[0].dlr).toEqual({ status: 'SMSC SUBMIT', operator_reply: '', delivery_time: null });
		expect(await getDlr('AAAAAAAAAAAAAAAA')).toBe('ERR: INVALID SHOOT ID');
	});
});
