import { API_KEY, run, useSimulator, visibleText } from './fixtures';

describe('account: getBalance', () => {
	const ctx = useSimulator({
		routes: [
			{ id: '1', name: 'Transactional', balance: 1500.5 },
			{ id: '2', name: 'Promotional', balance: 20 },
		],
	});

	it('GETs the documented URL and outputs one item per route with a numeric balance', async () => {
		const result = await run(ctx.sim, { parameters: { resource: 'account', operation: 'getBalance' } });
		expect(ctx.sim.requests.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
			{ method: 'GET', path: `/miscapi/${API_KEY}/getBalance/true/`, query: {} },
		]);
		expect(result.items).toEqual([
			{ json: { ROUTE_ID: '1', ROUTE: 'Transactional', BALANCE: '1500.50', balance: 1500.5, unlimited: false }, pairedItem: { item: 0 } },
			{ json: { ROUTE_ID: '2', ROUTE: 'Promotional', BALANCE: '20.00', balance: 20, unlimited: false }, pairedItem: { item: 0 } },
		]);
	});

	it('turns "ERR: INVALID API KEY" (HTTP 200) into an error that does not show the key from the URL', async () => {
		const result = await run(ctx.sim, {
			parameters: { resource: 'account', operation: 'getBalance' },
			credentials: { apiKey: 'SECRET-WRONG-KEY', baseUrl: ctx.sim.baseUrl },
		});
		expect(result.error?.message).toBe('INVALID API KEY');
		expect(visibleText(result)).not.toContain('SECRET-WRONG-KEY');
	});

	it('goes down after a send by segments × contacts', async () => {
		await run(ctx.sim, {
			parameters: { resource: 'sms', operation: 'send', senderId: 'DEMO', contacts: '919876543210,919876543211', message: 'x'.repeat(161), options: { routeId: '2' } },
		});
		const result = await run(ctx.sim, { parameters: { resource: 'account', operation: 'getBalance' } });
		expect(result.items[1].json.balance).toBe(20 - 2 * 2);
	});
});

describe('deliveryReport: get', () => {
	// Pinned to the simulator's earlier getDLR rows until this test moves to the panel's {MSISDN, DLR, DESC}.
	const ctx = useSimulator({ dlr: { getDlrStyle: 'legacy' } });

	it('pulls the reports of a shoot id, one normalised item per recipient', async () => {
		const sent = await run(ctx.sim, {
			parameters: { resource: 'sms', operation: 'send', senderId: 'DEMO', contacts: '919876543210,919876543211', message: 'Hi', options: {} },
		});
		const shootId = sent.items[0].json.shootId as string;
		ctx.sim.clearRequests();

		const result = await run(ctx.sim, { parameters: { resource: 'deliveryReport', operation: 'get', shootId: '={{ $json.shootId }}' }, items: [{ shootId }] });

		expect(ctx.sim.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([`GET /miscapi/${API_KEY}/getDLR/${shootId}`]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(result.items.map((item) => item.json)).toEqual(
			['919876543210', '919876543211'].map((mobile) =>
				expect.objectContaining({ shootId, mobile, status: 'delivered', providerStatus: 'DELIVRD', errorCode: '000', raw: expect.objectContaining({ mobile }) }),
			),
		);
		expect(result.items[0].json.deliveredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
	});

	it('reports an unknown shoot id with the provider’s message', async () => {
		const result = await run(ctx.sim, { parameters: { resource: 'deliveryReport', operation: 'get', shootId: 'NoSuchShoot' } });
		expect(result.error?.message).toBe('SMS Handover does not know the shoot ID "NoSuchShoot"');
		expect(result.error?.description).toContain('INVALID SHOOT ID');
		expect(visibleText(result)).not.toContain(API_KEY);
	});
});

describe('otp: send and verify', () => {
	// Pinned to the simulator's earlier OTP rules until this test moves to the panel's (TOO MANY ATTEMPTS, []).
	const ctx = useSimulator({ otp: { style: 'legacy', ttlMs: 60_000, maxAttempts: 3 } });
	const sendOtp = { resource: 'otp', operation: 'send', channelId: '5', mobile: '+91 98765 43210' };
	const verify = (reference: string, otp: string) => ({ resource: 'otp', operation: 'verify', reference, otp });

	it('sends with the documented GET and verifies the right code as verified', async () => {
		const sent = await run(ctx.sim, { parameters: sendOtp });
		const reference = sent.items[0].json.reference as string;
		expect(ctx.sim.requests[0]).toMatchObject({
			method: 'GET',
			path: '/send-otp/index',
			query: { key: API_KEY, channel_id: '5', mobile: '919876543210' },
		});
		expect(sent.items).toEqual([
			{ json: { result: 'success', reference, success: true, mobile: '919876543210', channelId: '5' }, pairedItem: { item: 0 } },
		]);

		const checked = await run(ctx.sim, { parameters: verify(reference, ctx.sim.getOtp(reference)!) });
		expect(ctx.sim.requests[1]).toMatchObject({ method: 'GET', path: '/verify-otp/index', query: { key: API_KEY, reference, otp: ctx.sim.getOtp(reference) } });
		expect(checked.items).toEqual([
			{ json: { result: 'success', match: 'true', reference, verified: true, expired: false, reason: null }, pairedItem: { item: 0 } },
		]);
	});

	it('a failure after some OTPs went out names their references, not "Nothing was submitted"', async () => {
		ctx.sim.failNext('otpSend', 'errorJson', { after: 1 });
		const items = ['919876543210', '919876543211', '919876543212'].map((mobile) => ({ mobile }));
		const result = await run(ctx.sim, { parameters: { ...sendOtp, mobile: '={{ $json.mobile }}' }, items });
		expect(ctx.sim.requests).toHaveLength(3);
		// Sent 5 at a time: the second request to arrive failed, the other two went out.
		const mobiles = ctx.sim.requests.map((request) => String(request.query.mobile));
		const sentItems = [mobiles[0], mobiles[2]].map((mobile) => items.findIndex((item) => item.mobile === mobile) + 1).sort();
		expect(String(result.error?.description)).toMatch(
			new RegExp(`^Already submitted before this error, do not send these again: item ${sentItems[0]} \\(OTP reference \\w+\\); item ${sentItems[1]} \\(OTP reference \\w+\\)\\.$`),
		);
	});

	it('reports a wrong code as data, then expired after too many attempts', async () => {
		const sent = await run(ctx.sim, { parameters: sendOtp });
		const reference = sent.items[0].json.reference as string;
		const wrong = ctx.sim.getOtp(reference) === '000000' ? '111111' : '000000';
		const answers = [];
		for (let attempt = 0; attempt < 4; attempt++) {
			const result = await run(ctx.sim, { parameters: verify(reference, wrong) });
			answers.push([result.items[0].json.match, result.items[0].json.verified, result.items[0].json.expired]);
		}
		expect(answers).toEqual([
			['false', false, false],
			['false', false, false],
			['false', false, false],
			['expired', false, true],
		]);
	});

	it('accepts answers that say "status" instead of "result"', async () => {
		ctx.sim.configure({ otpStatusField: 'status' });
		const sent = await run(ctx.sim, { parameters: sendOtp });
		expect(sent.items[0].json).toMatchObject({ status: 'success', success: true });
		const failed = await run(ctx.sim, { parameters: verify('UNKNOWNREFERENCE1', '123456') });
		expect(failed.error?.message).toBe('INVALID REFERENCE');
	});

	it('refuses a bad mobile before any request', async () => {
		const result = await run(ctx.sim, { parameters: { ...sendOtp, mobile: 'abc' } });
		expect(result.error?.message).toBe('Item 1, field "mobile": "abc" is not a phone number');
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
