// Account settings of the panel: a wallet-billed account (billing 'wallet') and the Default DLR URL.
import { startSimulator } from './index';
import { ADMIN_KEY, API_KEY, get, parse, postForm, send, startReceiver, usePanelPush } from './testUtils';

const { ctx, sendTo } = usePanelPush();
const A = '919765600001';
const B = '919765600002';
const balanceText = async (key = API_KEY) => (await get(ctx.sim, `/miscapi/${key}/getBalance/true/`)).text;

describe("billing 'wallet'", () => {
	it('getBalance lists no route credits ([]); sends are accepted and paid from the wallet, not the routes', async () => {
		ctx.sim.configure({ billing: 'wallet' });
		expect(await balanceText()).toBe('[]');
		const reply = parse(await send(ctx.sim, { contacts: `${A},${B}`, msg: 'a'.repeat(161) }));
		expect(reply).toMatchObject({ result: 'success', message: 'SMS SUBMITTED SUCCESSFULLY' });
		expect(ctx.sim.getSubmission(reply.sms_shoot_id)).toMatchObject({ billing: 'wallet', credits: 4, cost: 0.2 });
		expect(ctx.sim.walletAmount).toBe(99.8);
		expect([ctx.sim.balance('1'), ctx.sim.balance('2')]).toEqual([100000, 5000]);
		expect(parse(await get(ctx.sim, '/__sim/wallet'))).toEqual({ billing: 'wallet', amount: 99.8 });
	});

	it('keeps the wallet to 5 decimals and refuses a send it cannot pay, taking nothing', async () => {
		const wallet = await startSimulator({ apiKey: API_KEY, billing: 'wallet', walletAmount: 0.35, smsPrice: 0.1 });
		try {
			const sendOne = async (contacts: string) => parse(await postForm(wallet, '/smsapi/index', { key: API_KEY, senderid: 'D', contacts, msg: 'x' }));
			for (let i = 0; i < 3; i++) expect((await sendOne(A)).result).toBe('success');
			expect(wallet.walletAmount).toBe(0.05);
			expect(await sendOne(A)).toEqual({ result: 'error', message: 'INSUFFICIENT BALANCE' });
			expect(wallet.walletAmount).toBe(0.05);
			wallet.reset();
			expect(wallet.walletAmount).toBe(0.35);
		} finally {
			await wallet.close();
		}
	});

	it('leaves the admin key as it was, and credits billing as the default', async () => {
		expect(ctx.sim.config.billing).toBe('credits');
		expect(JSON.parse(await balanceText())).toHaveLength(2);
		ctx.sim.configure({ billing: 'wallet' });
		expect(await balanceText(ADMIN_KEY)).toBe('INFO: ADMIN HAS UNLIMITED BALANCE AND VALIDITY');
		const reply = parse(await send(ctx.sim, { key: ADMIN_KEY, contacts: A, msg: 'x' }));
		expect(ctx.sim.getSubmission(reply.sms_shoot_id)).toMatchObject({ billing: 'unlimited', cost: 0 });
		expect(ctx.sim.walletAmount).toBe(100);
		expect(() => ctx.sim.configure({ billing: 'prepaid' as never })).toThrow('billing must be one of credits, wallet');
		await expect(startSimulator({ walletAmount: -1 })).rejects.toThrow('walletAmount must be a non-negative number');
	});
});

describe('defaultDlrUrl (the account\'s Default DLR URL)', () => {
	it("replaces every send's dlr_url, and sends without one are pushed there too", async () => {
		const fallback = await startReceiver();
		try {
			ctx.sim.configure({ defaultDlrUrl: `${fallback.url}/default` });
			const withUrl = await sendTo(A);
			const without = parse(await send(ctx.sim, { contacts: B, msg: 'x' })).sms_shoot_id;
			await ctx.sim.deliver();
			expect(ctx.receiver.received).toEqual([]);
			expect(fallback.received.map((r) => [r.url, JSON.parse(r.body).sms_shoot_id]).sort()).toEqual(
				[
					['/default', withUrl],
					['/default', without],
				].sort(),
			);
		} finally {
			await fallback.close();
		}
	});

	it('is read when the report goes out (set after the send it still counts); the admin keeps its own dlr_url', async () => {
		const fallback = await startReceiver();
		try {
			ctx.sim.configure({ dlr: { autoPush: true, delayMs: 200 } });
			await sendTo(A);
			const admins = parse(await send(ctx.sim, { key: ADMIN_KEY, contacts: B, msg: 'x', dlr_url: `${ctx.receiver.url}/admin` })).sms_shoot_id;
			ctx.sim.configure({ defaultDlrUrl: `${fallback.url}/default` });
			await ctx.sim.waitForDlrPushes(2, 5000);
			expect(fallback.received.map((r) => r.url)).toEqual(['/default']);
			expect(ctx.receiver.received.map((r) => [r.url, JSON.parse(r.body).sms_shoot_id])).toEqual([['/admin', admins]]);
		} finally {
			await fallback.close();
		}
	});

	it("'' (default) pushes to each send's dlr_url; only strings are taken", async () => {
		expect(ctx.sim.config.defaultDlrUrl).toBe('');
		await ctx.sim.deliver(await sendTo(A));
		expect(ctx.receiver.received.map((r) => r.url)).toEqual(['/dlr']);
		expect(() => ctx.sim.configure({ defaultDlrUrl: null as never })).toThrow("defaultDlrUrl must be a string ('' = none)");
	});
});
