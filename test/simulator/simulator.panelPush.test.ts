// The panel's own delivery-report pushes (miscHelper.js apiCalls): the native body, outcomes, autoPush and deliver().
import { delay } from '../harness/timers';
import { nativePush } from './index';
import { get, istDateString, parse, postJson, send, usePanelPush } from './testUtils';

const { ctx, sendTo, bodies, byMobile, reportOf } = usePanelPush();
const A = '919765600001';
const B = '919765600002';

describe("style 'native' (default)", () => {
	it('posts one JSON object per recipient, exactly as apiCalls builds it', async () => {
		expect(ctx.sim.config.dlr.style).toBe('native');
		const shootId = await sendTo(`${A},${B}`);
		const records = await ctx.sim.deliver(shootId);
		expect(records.map((r) => [r.method, r.contentType, r.status, r.attempt])).toEqual([
			['POST', 'application/json', 200, 1],
			['POST', 'application/json', 200, 1],
		]);
		const submission = ctx.sim.getSubmission(shootId)!;
		const expected = (mobile: string) => {
			const report = reportOf(shootId, mobile);
			return nativePush({
				shootId,
				mobile: Number(mobile),
				sentTime: istDateString(submission.createdAt),
				senderId: 'DEMO',
				segments: 1,
				messageId: report.smsId,
				dlr: 'DELIVERED',
				reply: 'DELIVRD',
				deliveryTime: istDateString(report.finalAt!),
				attempt: 1,
				route: { id: 1, title: 'Transactional' },
			});
		};
		expect(byMobile(bodies())).toEqual([expected(A), expected(B)]);
		expect(ctx.receiver.received.every((r) => r.url === '/dlr' && r.contentType === 'application/json')).toBe(true);
		// The key order is the panel's too.
		expect(Object.keys(bodies()[0])).toEqual(['sms_shoot_id', 'mobile', 'sms_sent_time', 'sender_id', 'credits_charged', 'dlr', 'post_attempt', 'route_data']);
	});

	it('a 2-part SMS charges 2 credits and lists 3 parts: <id>, <id>_2, <id>_3 (the panel loop runs once too often)', async () => {
		const shootId = parse(await send(ctx.sim, { contacts: A, msg: 'a'.repeat(161), routeid: '2', dlr_url: `${ctx.receiver.url}/dlr` })).sms_shoot_id;
		await ctx.sim.deliver(shootId);
		const [body] = bodies();
		const { smsId } = reportOf(shootId, A);
		expect(body.credits_charged).toBe(2);
		expect(body.route_data).toEqual({ id: 2, title: 'Promotional' });
		expect(body.dlr.map((part: { message_id: string }) => part.message_id)).toEqual([smsId, `${smsId}_2`, `${smsId}_3`]);
		expect(new Set(body.dlr.map((part: object) => JSON.stringify({ ...part, message_id: '' }))).size).toBe(1);
	});

	it.each([
		['delivered', 'DELIVERED', 'DELIVRD'],
		['failed', 'FAILED', 'UNDELIV'],
		['expired', 'FAILED', 'EXPIRED'],
		['rejected', 'REJECTED', 'REJECTD'],
		['unknownCode', '', 'UNKNOWN'],
		['unknownCodeInvalid', '', 'UNDELIV'],
		['unknownCodeRejected', '', 'REJECTD'],
		['unknownCodeBuffered', '', 'ENROUTE'],
		['unknownCodeSubmitted', '', 'ACCEPTD'],
	])('outcome %s → dlr %j, operator_reply %j', async (outcome, word, stat) => {
		ctx.sim.configure({ dlr: { outcome: outcome as never } });
		const shootId = await sendTo(A);
		await ctx.sim.deliver(shootId);
		const [part] = bodies()[0].dlr;
		expect(part).toEqual({ message_id: reportOf(shootId, A).smsId, mobile: Number(A), dlr: word, operator_reply: stat, sms_delivery_time: expect.stringMatching(/GMT\+0530/) });
	});

	it('outcome invalid: decided at submission, so no stat word and no delivery time', async () => {
		ctx.sim.configure({ dlr: { outcomeByNumber: { [A]: 'invalid' } } });
		const shootId = await sendTo(`${A},${B}`);
		await ctx.sim.deliver(shootId);
		const [a, b] = byMobile(bodies());
		expect(a.dlr).toEqual([{ message_id: reportOf(shootId, A).smsId, mobile: Number(A), dlr: 'INVALID', operator_reply: '', sms_delivery_time: 'null' }]);
		expect(a.sms_sent_time).toBe(istDateString(ctx.sim.getSubmission(shootId)!.createdAt));
		expect(b.dlr[0]).toMatchObject({ dlr: 'DELIVERED', operator_reply: 'DELIVRD' });
	});

	it('outcome blacklisted: filtered at submission, so no word, no stat word and no delivery time', async () => {
		ctx.sim.configure({ dlr: { outcome: 'blacklisted' } });
		const shootId = await sendTo(A);
		await ctx.sim.deliver(shootId);
		expect(bodies()[0].dlr).toEqual([{ message_id: reportOf(shootId, A).smsId, mobile: Number(A), dlr: '', operator_reply: '', sms_delivery_time: 'null' }]);
	});

	it("timeFormat 'sql', another panel clock, and missingTimeText", async () => {
		ctx.sim.configure({ dlr: { timeFormat: 'sql', outcomeByNumber: { [B]: 'invalid' } } });
		const shootId = await sendTo(`${A},${B}`);
		await ctx.sim.deliver(shootId);
		const sql = (ms: number) => new Date(Math.floor(ms / 1000) * 1000 + 330 * 60000).toISOString().slice(0, 19).replace('T', ' ');
		const [a, b] = byMobile(bodies());
		expect([a.sms_sent_time, a.dlr[0].sms_delivery_time]).toEqual([sql(ctx.sim.getSubmission(shootId)!.createdAt), sql(reportOf(shootId, A).finalAt!)]);
		expect(b.dlr[0].sms_delivery_time).toBe('0000-00-00 00:00:00');

		ctx.receiver.received.length = 0;
		ctx.sim.configure({ dlr: { timeFormat: 'dateString', utcOffsetMinutes: 120, missingTimeText: 'Invalid Date' } });
		await ctx.sim.deliver(await sendTo(`${A},${B}`));
		const [c, d] = byMobile(bodies());
		expect(c.sms_sent_time).toMatch(/^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]{2} \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT\+0200 \(GMT\+02:00\)$/);
		expect(d.dlr[0].sms_delivery_time).toBe('Invalid Date');
	});
});

describe('autoPush, deliver() and what never pushes', () => {
	it('with autoPush (default) the reports go out dlr.delayMs after the send', async () => {
		ctx.sim.reset();
		expect(ctx.sim.config.dlr.autoPush).toBe(true);
		const shootId = await sendTo(`${A},${B}`);
		const pushes = await ctx.sim.waitForDlrPushes(2, 5000);
		expect(pushes.map((p) => p.status)).toEqual([200, 200]);
		expect(bodies().map((b) => b.sms_shoot_id)).toEqual([shootId, shootId]);
		expect(await ctx.sim.deliver(shootId)).toEqual([]);
	});

	it('with autoPush false nothing is pushed until deliver(); deliver(shootId, {mobile, outcome}) does one recipient', async () => {
		ctx.sim.configure({ dlr: { delayMs: 0 } });
		const shootId = await sendTo(`${A},${B}`);
		await delay(50);
		expect(ctx.receiver.received).toHaveLength(0);
		const records = await ctx.sim.deliver(shootId, { mobile: B, outcome: 'rejected' });
		expect(records).toHaveLength(1);
		expect(bodies()[0]).toMatchObject({ mobile: Number(B), dlr: [{ dlr: 'REJECTED', operator_reply: 'REJECTD' }] });
		expect(await ctx.sim.deliver(shootId, { mobile: B })).toEqual([]);
		expect((await ctx.sim.deliver(shootId)).length).toBe(1);
		expect(bodies()[1]).toMatchObject({ mobile: Number(A), dlr: [{ dlr: 'DELIVERED' }] });
	});

	it('deliver() without a shoot id delivers every submission; unknown ids and recipients are refused', async () => {
		const one = await sendTo(A);
		const two = await sendTo(B);
		expect(await ctx.sim.deliver()).toHaveLength(2);
		expect(bodies().map((b) => b.sms_shoot_id).sort()).toEqual([one, two].sort());
		await expect(ctx.sim.deliver('NOSUCHSHOOTID000')).rejects.toThrow('unknown shoot id NOSUCHSHOOTID000');
		await expect(ctx.sim.deliver(one, { mobile: '919000000000' })).rejects.toThrow(`no recipient 919000000000 in ${one}`);
		await expect(ctx.sim.deliver(one, { outcome: 'lost' as never })).rejects.toThrow(/outcome must be one of/);
	});

	it("outcome 'none' and held campaigns are never pushed", async () => {
		ctx.sim.configure({ dlr: { outcomeByNumber: { [B]: 'none' } } });
		const shootId = await sendTo(`${A},${B}`);
		expect((await ctx.sim.deliver(shootId)).length).toBe(1);
		expect(await ctx.sim.deliver(shootId)).toEqual([]);
		const held = parse(await send(ctx.sim, { contacts: A, msg: 'please holdme', dlr_url: `${ctx.receiver.url}/dlr` }));
		expect(held.message).toBe('SPAM CONTENT DETECTED. CAMPAIGN HELD FOR APPROVAL');
		expect(await ctx.sim.deliver(held.sms_shoot_id)).toEqual([]);
		expect(bodies().map((b) => b.mobile)).toEqual([Number(A)]);
		// deliver() can still give the 'none' recipient a report later.
		expect((await ctx.sim.deliver(shootId, { mobile: B, outcome: 'failed' })).length).toBe(1);
	});

	it('POST /__sim/deliver {shootId, mobile?, outcome?} answers the push records; a bad request gets 400', async () => {
		const shootId = await sendTo(`${A},${B}`);
		const reply = await postJson(ctx.sim, '/__sim/deliver', { shootId, mobile: A, outcome: 'failed' });
		expect(parse(reply)).toEqual([expect.objectContaining({ method: 'POST', status: 200, attempt: 1 })]);
		expect(bodies()[0].dlr[0]).toMatchObject({ dlr: 'FAILED', operator_reply: 'UNDELIV' });
		expect((await postJson(ctx.sim, '/__sim/deliver', { shootId: 'NOPE' })).status).toBe(400);
	});

	it('GET /__sim/submissions/<shootId> shows the per-recipient reports with their smsId', async () => {
		const shootId = await sendTo(A);
		await postJson(ctx.sim, '/__sim/deliver', { shootId });
		const described = parse(await get(ctx.sim, `/__sim/submissions/${shootId}`));
		expect(described).toMatchObject({ shootId, owner: 'user', held: false, recipients: [A] });
		expect(described.reports).toEqual([{ mobile: A, smsId: bodies()[0].dlr[0].message_id, segments: 1, outcome: 'delivered', finalAt: expect.any(Number), pushed: true }]);
		expect((await get(ctx.sim, '/__sim/submissions/NOPE')).status).toBe(404);
	});

	it('pushDlr refuses a panel style (it pushes arbitrary objects)', async () => {
		await expect(ctx.sim.pushDlr(ctx.receiver.url, { style: 'native', reports: [{}] })).rejects.toThrow(/unknown DLR style 'native' for raw reports/);
	});
});
