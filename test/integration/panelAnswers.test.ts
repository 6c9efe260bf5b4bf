// The panel's own answers (ClientController, DooSmppcubeHelper::getApiResponse, the Node API), as the simulator gives them by default.
import { API_KEY, credentialsFor, run, useSimulator, visibleText } from './fixtures';

const sendSms = (overrides: Record<string, unknown> = {}) => ({
	resource: 'sms',
	operation: 'send',
	senderId: 'DEMO',
	contacts: '919876543210',
	message: 'Hello',
	options: {},
	...overrides,
});

describe('getDLR rows', () => {
	const ctx = useSimulator({ dlr: { delayMs: 0 } });

	it('become one report per recipient with the asked shoot id, DLR as status and DESC as reason', async () => {
		ctx.sim.configure({ dlr: { outcomeByNumber: { '919876543211': 'failed', '919876543212': 'invalid', '919876543213': 'unknownCode' } } });
		const sent = await run(ctx.sim, { parameters: sendSms({ contacts: '919876543210,919876543211,919876543212,919876543213' }) });
		const shootId = sent.items[0].json.shootId as string;
		const result = await run(ctx.sim, { parameters: { resource: 'deliveryReport', operation: 'get', shootId } });
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ shootId, mobile: '919876543210', status: 'delivered', providerStatus: 'Delivered', reason: 'Handset Delivered' }),
			expect.objectContaining({ shootId, mobile: '919876543211', status: 'failed', providerStatus: 'Failed', reason: 'Unavailable Sucscriber' }),
			expect.objectContaining({ shootId, mobile: '919876543212', status: 'rejected', providerStatus: 'Invalid', reason: 'Invalid Subscriber' }),
			// DLR null (a code the panel has no word for): its description still says pending.
			expect.objectContaining({ shootId, mobile: '919876543213', status: 'pending', providerStatus: 'DLR Pending', reason: 'DLR Pending' }),
		]);
		expect(result.items[0].json.raw).toEqual({ MSISDN: '919876543210', DLR: 'Delivered', DESC: 'Handset Delivered' });
	});

	it('say pending while the operator has not answered', async () => {
		ctx.sim.configure({ dlr: { autoPush: false } });
		const sent = await run(ctx.sim, { parameters: sendSms() });
		const result = await run(ctx.sim, { parameters: { resource: 'deliveryReport', operation: 'get', shootId: sent.items[0].json.shootId } });
		expect(result.items.map((item) => [item.json.status, item.json.providerStatus])).toEqual([['pending', 'Operator Submitted']]);
	});
});

describe('send answers', () => {
	const ctx = useSimulator();

	it.each([
		['send', sendSms({ message: 'Win a prize, holdme now' }), [{}]],
		['schedule', sendSms({ operation: 'schedule', message: 'HOLDME', scheduleAt: '2099-01-01T10:00:00+05:30' }), [{}]],
		['sendBulk', { ...sendSms({ operation: 'sendBulk', mobile: '={{ $json.m }}', message: '={{ $json.t }}' }) }, [{ m: '919876543210', t: 'HoldMe' }, { m: '919876543211', t: 'HoldMe' }]],
	])('%s: a campaign held for approval is marked, a normal one is not', async (_label, parameters, items) => {
		const held = await run(ctx.sim, { parameters, items });
		expect(held.items.map((item) => [item.json.heldForApproval, item.json.shootId === undefined])).toEqual(items.map(() => [true, false]));
		const normal = await run(ctx.sim, { parameters: sendSms(), items: [{}] });
		expect(normal.items[0].json.heldForApproval).toBe(false);
	});

	it('the Node API\'s {"error": …} is an error with its text (wrong bulk parameter spelling)', async () => {
		ctx.sim.configure({ bulkParameterName: 'bulk_campaign' });
		const parameters = sendSms({ operation: 'sendBulk', mobile: '={{ $json.m }}', message: 'Hi' });
		const items = [{ m: '919876543210' }, { m: '918009000000' }];
		const wrong = await run(ctx.sim, { parameters, items });
		expect(wrong.error?.message).toBe('Malformed Request');
		const right = await run(ctx.sim, { parameters, items, credentials: credentialsFor(ctx.sim, { bulkParameterName: 'bulk_campaign' }) });
		expect(right.error).toBeUndefined();
		expect(ctx.sim.getSubmission(right.items[0].json.shootId as string)?.recipients).toEqual(['919876543210', '918009000000']);
	});

	it('the PHP API with the other spelling: MISSING CONTACTS, nothing sent', async () => {
		const result = await run(ctx.sim, {
			parameters: sendSms({ operation: 'sendBulk', mobile: '={{ $json.m }}', message: 'Hi' }),
			items: [{ m: '919876543210' }],
			credentials: credentialsFor(ctx.sim, { bulkParameterName: 'bulk_campaign' }),
		});
		expect(result.error?.message).toBe('MISSING CONTACTS');
	});
});

describe('admin key', () => {
	const ctx = useSimulator();

	it('has an unlimited balance: one item that says so', async () => {
		const result = await run(ctx.sim, {
			parameters: { resource: 'account', operation: 'getBalance' },
			credentials: credentialsFor(ctx.sim, { apiKey: ctx.sim.adminKey }),
		});
		expect(result.items).toEqual([
			{
				json: { unlimited: true, balance: null, providerMessage: 'INFO: ADMIN HAS UNLIMITED BALANCE AND VALIDITY' },
				pairedItem: { item: 0 },
			},
		]);
		expect(visibleText(result)).not.toContain(ctx.sim.adminKey);
	});

	it('passes the balance guard', async () => {
		const result = await run(ctx.sim, {
			parameters: sendSms({ options: { balanceGuard: true } }),
			credentials: credentialsFor(ctx.sim, { apiKey: ctx.sim.adminKey }),
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['balance', 'send']);
	});
});

describe('otp, as the panel answers', () => {
	const ctx = useSimulator();
	const sendOtp = (mobile = '919876543210', channelId = '5') => ({ resource: 'otp', operation: 'send', channelId, mobile });
	const verify = (reference: string, otp: string) => ({ resource: 'otp', operation: 'verify', reference, otp });

	async function issue(): Promise<string> {
		const sent = await run(ctx.sim, { parameters: sendOtp() });
		return sent.items[0].json.reference as string;
	}

	it('five wrong codes, then the lock-out is an answer (expired, with the panel\'s reason), then the reference is gone', async () => {
		const reference = await issue();
		const wrong = ctx.sim.getOtp(reference) === '999999' ? '111111' : '999999';
		const answers = [];
		for (let call = 0; call < 6; call++) {
			const result = await run(ctx.sim, { parameters: verify(reference, wrong) });
			answers.push(result.items[0].json);
		}
		expect(answers.slice(0, 5).map((json) => [json.verified, json.expired, json.match])).toEqual(Array(5).fill([false, false, 'false']));
		expect(answers[5]).toEqual({ reference, verified: false, expired: true, match: 'expired', reason: 'TOO MANY ATTEMPTS. OTP EXPIRED.' });

		const gone = await run(ctx.sim, { parameters: verify(reference, ctx.sim.getOtp(reference) ?? '123456') });
		expect(gone.error?.message).toBe(`SMS Handover does not know the OTP reference "${reference}"`);
		expect(gone.error?.description).toContain('Send a new OTP');
	});

	it('a verified reference cannot be used twice', async () => {
		const reference = await issue();
		const code = ctx.sim.getOtp(reference)!;
		expect((await run(ctx.sim, { parameters: verify(reference, code) })).items[0].json.verified).toBe(true);
		const again = await run(ctx.sim, { parameters: verify(reference, code), continueOnFail: true });
		expect(again.items).toEqual([
			{
				json: {
					error: `SMS Handover does not know the OTP reference "${reference}"`,
					description: expect.stringContaining('already verified'),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('with "Continue (using error output)", the error goes to the error output with its explanation', async () => {
		const result = await run(ctx.sim, { parameters: verify('UNKNOWNREFERENCE1', '123456'), errorOutput: true });
		expect(result.items).toEqual([]);
		expect(result.errorItems).toEqual([
			{
				json: { error: 'SMS Handover does not know the OTP reference "UNKNOWNREFERENCE1"', message: expect.stringContaining('Send a new OTP') },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('an unknown channel ([] from the panel) is an error that names the channel', async () => {
		const result = await run(ctx.sim, { parameters: sendOtp('919876543210', '42') });
		expect(result.error?.message).toBe(
			'SMS Handover refused the OTP request without a reason: most likely channel ID "42" is not an OTP channel of this account',
		);
		expect(result.error?.description).toContain('No OTP was sent.');
	});

	it('a number under 9 digits is refused before any request', async () => {
		const result = await run(ctx.sim, { parameters: sendOtp('12345678') });
		expect(result.error?.message).toBe(
			'Item 1, field "mobile": "12345678" has 8 digits; SMS Handover\'s OTP service needs at least 9',
		);
		expect(ctx.sim.requests).toHaveLength(0);
		expect(visibleText(result)).not.toContain(API_KEY);
	});
});
