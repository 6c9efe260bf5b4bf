// Every operation with the credential on the panel's JSON API (v2), through n8n's engine against the
// simulator's v2 endpoints: the exact requests it received, the items n8n outputs, the errors.
import type { IDataObject } from 'n8n-workflow';

import { SmsHandoverApi } from '../../credentials/SmsHandoverApi.credentials';
import { testCredential } from '../harness/credentialTest';
import { startRecordingServer } from '../harness/servers';
import { testKey } from '../harness/testKeys';
import { startWaitingEndpoint } from '../harness/waiting';
import { startSimulator, type Simulator } from '../simulator';
import { credentialsFor, run, useSimulator, visibleText } from './fixtures';

const ctx = useSimulator({ dlr: { autoPush: false, delayMs: 0 } });
const v2 = (sim: Simulator, overrides: IDataObject = {}) => credentialsFor(sim, { apiVersion: 'v2', ...overrides });
const runV2 = async (options: Parameters<typeof run>[1]) => await run(ctx.sim, { credentials: v2(ctx.sim), ...options });

const sms = (operation: string, overrides: IDataObject = {}): IDataObject => ({
	resource: 'sms',
	operation,
	senderId: 'SMSHND',
	contacts: '919876543210, 919812345678',
	message: 'Your order shipped',
	options: {},
	...overrides,
});
const bulk = (overrides: IDataObject = {}): IDataObject => ({
	resource: 'sms',
	operation: 'sendBulk',
	senderId: 'SMSHND',
	mobile: '={{ $json.mobile }}',
	message: '=Hi {{ $json.name }}',
	options: {},
	...overrides,
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The key only in Authorization: nowhere in a path, a query or a body the simulator received. */
function expectKeyOnlyInHeader(sim: Simulator) {
	expect(sim.requests.length).toBeGreaterThan(0);
	for (const request of sim.requests) {
		expect(request.path.startsWith('/api/v2/')).toBe(true);
		expect(request.headers.authorization).toBe(`Bearer ${sim.apiKey}`);
		expect(`${request.path} ${JSON.stringify(request.query)} ${JSON.stringify(request.form)}`).not.toContain(sim.apiKey);
	}
}

describe('JSON API (v2): sending', () => {
	it('Send posts JSON to api/v2/sms and returns the batch id as shootId and one id per message', async () => {
		const result = await runV2({ parameters: sms('send', { options: { routeId: '2', campaign: '7', dlrUrl: 'https://n8n.example.com/webhook/x/dlr' } }) });
		expect(result.error).toBeUndefined();
		const [request] = ctx.sim.requests;
		expect([request.method, request.endpoint, request.headers['content-type']]).toEqual(['POST', 'v2Send', 'application/json; charset=utf-8']);
		expect(request.form).toEqual({
			sender: 'SMSHND',
			mode: 'text',
			campaignId: 7,
			routeId: 2,
			notifyUrl: 'https://n8n.example.com/webhook/x/dlr',
			message: 'Your order shipped',
			contacts: [{ mobile: '919876543210' }, { mobile: '919812345678' }],
		});
		const json = result.items[0].json;
		const submission = ctx.sim.getSubmission(json.shootId as string)!;
		expect(json).toMatchObject({ success: true, providerMessage: 'SMS Submitted successfully', contacts: ['919876543210', '919812345678'], segments: 1 });
		expect(json.messageIds).toEqual(submission.reports.map((report) => ({ mobile: report.mobile, smsId: report.smsId })));
		expect((json.messageIds as IDataObject[]).every((id) => UUID.test(String(id.smsId)))).toBe(true);
		expectKeyOnlyInHeader(ctx.sim);
		expect(visibleText(result)).not.toContain(ctx.sim.apiKey);
	});

	it('Schedule sends the account-zone time with seconds', async () => {
		const result = await runV2({ parameters: sms('schedule', { scheduleAt: '2099-03-19T09:00:00Z' }) });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].form.schedule).toBe('2099-03-19 14:30:00');
		expect(result.items[0].json).toMatchObject({ providerTime: '2099-03-19 14:30', scheduledAt: '2099-03-19T09:00:00.000Z' });
	});

	it('Unicode texts go with mode unicode, and Extra Parameters as JSON fields', async () => {
		const result = await runV2({
			parameters: sms('send', { message: 'नमस्ते', options: { extraParameters: { parameter: [{ name: 'dlt_template_id', value: '1107' }] } } }),
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].form).toMatchObject({ mode: 'unicode', message: 'नमस्ते', dlt_template_id: '1107' });
	});

	it('refuses Extra Parameters the node sends itself under v2, before any request', async () => {
		const result = await runV2({ parameters: sms('send', { options: { extraParameters: { parameter: [{ name: 'notifyUrl', value: 'x' }] } } }) });
		expect(result.error?.message).toBe('Item 1, field "options.extraParameters": "notifyUrl" is set by the node itself');
		expect(ctx.sim.requests).toEqual([]);
	});

	it('Send Bulk sends {mobile, message} contacts and gives each item its smsId, duplicates of a number in order', async () => {
		const items = [
			{ mobile: '919800000001', name: 'Asha' },
			{ mobile: '919800000002', name: 'Ravi' },
			{ mobile: '919800000001', name: 'Asha again' },
		];
		const result = await runV2({ parameters: bulk(), items });
		expect(result.error).toBeUndefined();
		const [request] = ctx.sim.requests;
		expect(request.form).toEqual({
			sender: 'SMSHND',
			mode: 'text',
			contacts: [
				{ mobile: '919800000001', message: 'Hi Asha' },
				{ mobile: '919800000002', message: 'Hi Ravi' },
				{ mobile: '919800000001', message: 'Hi Asha again' },
			],
		});
		const submission = ctx.sim.getSubmission(result.items[0].json.shootId as string)!;
		expect(result.items.map((item) => [item.json.mobile, item.json.smsId, item.pairedItem])).toEqual(
			submission.reports.map((report, index) => [report.mobile, report.smsId, { item: index }]),
		);
		expectKeyOnlyInHeader(ctx.sim);
	});

	it('Send Bulk matches ids to numbers the panel echoes with a country code, and skips ids of message parts', async () => {
		const answer = {
			status: 'success',
			message: 'SMS Submitted successfully',
			batch_id: 'B77',
			total_contacts: 3,
			message_id: [
				{ mobile: 919800000001, sms_id: 'id-1' },
				{ mobile: '919800000002', sms_id: 'id-2' },
				{ mobile: '919800000002', sms_id: 'id-2_2' },
				{ mobile: '+919800000001', sms_id: 'id-3' },
			],
		};
		const panel = await startRecordingServer({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
		try {
			const items = [{ mobile: '9800000001', name: 'A' }, { mobile: '09800000002', name: 'B' }, { mobile: '9800000001', name: 'C' }];
			const result = await run(ctx.sim, { credentials: v2(ctx.sim, { baseUrl: panel.url }), parameters: bulk(), items });
			expect(result.items.map((item) => item.json.smsId)).toEqual(['id-1', 'id-2', 'id-3']);
		} finally {
			await panel.close();
		}
	});

	it('a batch_id that is no text or number is no shoot id: the send says it may have gone out', async () => {
		const panel = await startRecordingServer({ status: 200, contentType: 'application/json', body: '{"status":"success","batch_id":{"id":7}}' });
		try {
			const result = await run(ctx.sim, { credentials: v2(ctx.sim, { baseUrl: panel.url }), parameters: sms('send') });
			expect(result.error?.message).toBe('SMS Handover accepted the request but returned no batch_id');
		} finally {
			await panel.close();
		}
	});

	it('an HTTP error whose JSON is in no shape of the panel\'s shows that JSON', async () => {
		const panel = await startRecordingServer({ status: 401, contentType: 'application/json', body: '{"message":"Unauthenticated."}' });
		try {
			const result = await run(ctx.sim, { credentials: v2(ctx.sim, { baseUrl: panel.url }), parameters: { resource: 'account', operation: 'getBalance', options: {} } });
			expect(result.error?.description).toContain('Reply: {"message":"Unauthenticated."}');
		} finally {
			await panel.close();
		}
	});

	it('Send Bulk gives ids by position when the answer names no numbers but one id per message', async () => {
		const answer = { status: 'success', batch_id: 'B78', message_id: ['id-a', 'id-b'] };
		const panel = await startRecordingServer({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
		try {
			const items = [{ mobile: '919800000001', name: 'A' }, { mobile: '919800000002', name: 'B' }];
			const result = await run(ctx.sim, { credentials: v2(ctx.sim, { baseUrl: panel.url }), parameters: bulk(), items });
			expect(result.items.map((item) => item.json.smsId)).toEqual(['id-a', 'id-b']);
		} finally {
			await panel.close();
		}
	});

	it('Send Bulk fills #name# fields from Template Parameters into Message itself, so the text is priced', async () => {
		const result = await runV2({
			parameters: bulk({
				message: 'Hello #name#, your code is #code#',
				parameters: { parameter: [{ name: 'name', value: '={{ $json.name }}' }, { name: 'code', value: '={{ $json.code }}' }] },
			}),
			items: [{ mobile: '919800000001', name: 'Asha', code: '4821' }],
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].form.contacts).toEqual([{ mobile: '919800000001', message: 'Hello Asha, your code is 4821' }]);
		expect(result.items[0].json).toMatchObject({ characters: 29, segments: 1 });
	});

	it('a Template ID goes as a number with each contact\'s parameters; its items say the panel composes the text', async () => {
		const result = await runV2({
			parameters: bulk({
				message: '',
				parameters: { parameter: [{ name: 'name', value: '={{ $json.name }}' }, { name: 'otp', value: '={{ $json.otp }}' }] },
				options: { templateId: '1' },
			}),
			items: [{ mobile: '919800000001', name: 'Asha', otp: 111222 }],
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].form).toEqual({
			sender: 'SMSHND',
			mode: 'text',
			templateId: 1,
			contacts: [{ mobile: '919800000001', parameters: { name: 'Asha', otp: '111222' } }],
		});
		expect(ctx.sim.getSubmission(result.items[0].json.shootId as string)!.messages).toEqual(['Hello Asha, your OTP is 111222']);
		// Without fields, a template goes to the number alone.
		ctx.sim.requests.length = 0;
		await runV2({ parameters: bulk({ message: '', options: { templateId: '1' } }), items: [{ mobile: '919800000002' }] });
		expect(ctx.sim.requests[0].form.contacts).toEqual([{ mobile: '919800000002' }]);
		expect(result.items[0].json).toMatchObject({
			templateId: '1',
			segments: null,
			characters: null,
			encoding: null,
			note: 'The panel fills the template: its length, parts and credits are known only to the panel.',
		});
	});

	it('Dry Run shows the JSON request without the key, and does not price a template', async () => {
		const result = await runV2({ parameters: sms('send', { message: '', options: { dryRun: true, templateId: '1' } }) });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			dryRun: true,
			credits: null,
			segments: null,
			request: { sender: 'SMSHND', mode: 'text', templateId: 1, contacts: [{ mobile: '919876543210' }, { mobile: '919812345678' }] },
		});
		expect(ctx.sim.requests).toEqual([]);
	});

	it.each([
		['Template ID on the classic API', sms('send', { options: { templateId: '1' } }), 'Item 1, field "options.templateId": needs the JSON API (v2)'],
		[
			'Template Parameters on the classic API',
			bulk({ parameters: { parameter: [{ name: 'name', value: 'x' }] } }),
			'Item 1, field "parameters": need the JSON API (v2)',
		],
		['an empty Message without a Template ID', sms('send', { message: '' }), 'Item 1, field "message": is empty'],
	])('refuses %s before any request', async (_label, parameters, message) => {
		const result = await run(ctx.sim, { parameters, items: [{ mobile: '919800000001' }] });
		expect(result.error?.message).toBe(message);
		expect(ctx.sim.requests).toEqual([]);
	});

	it('Balance Guard refuses to price a template', async () => {
		const result = await runV2({ parameters: sms('send', { message: '', options: { balanceGuard: true, templateId: '1' } }) });
		expect(result.error?.message).toBe('Balance Guard cannot price template messages: the panel composes their text');
		expect(ctx.sim.requests).toEqual([]);
	});

	it('shows the v2 error\'s message (a refused key)', async () => {
		const wrongKey = testKey('not-the-key');
		const result = await run(ctx.sim, { parameters: sms('send'), credentials: v2(ctx.sim, { apiKey: wrongKey }) });
		expect(result.error?.message).toBe('Invalid API Key');
		expect(ctx.sim.requests.map((request) => [request.endpoint, request.headers.authorization])).toEqual([['v2Send', `Bearer ${wrongKey}`]]);
	});
});

describe('JSON API (v2): balance and Balance Guard', () => {
	it('Get Balance gives one item per route, by name, with the wallet', async () => {
		const result = await runV2({ parameters: { resource: 'account', operation: 'getBalance', options: {} } });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests.map((request) => [request.method, request.endpoint])).toEqual([['GET', 'v2Credits']]);
		const wallet = { wallet: { amount: '0.00', currency: 'EUR' }, billingMode: 'credits' };
		expect(result.items.map((item) => item.json)).toEqual([
			{ route: 'Transactional', credits: 100000, balance: 100000, unlimited: false, ...wallet },
			{ route: 'Promotional', credits: 5000, balance: 5000, unlimited: false, ...wallet },
		]);
		expectKeyOnlyInHeader(ctx.sim);
	});

	it('an account billed from a wallet gets one item with the wallet', async () => {
		ctx.sim.configure({ billing: 'wallet' });
		const result = await runV2({ parameters: { resource: 'account', operation: 'getBalance', options: {} } });
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ balance: null, routes: 0, providerMessage: 'SMS Handover lists no route credits for this account', billingMode: 'currency' }),
		]);
		expect((result.items[0].json.wallet as IDataObject).currency).toBe('EUR');
	});

	it.each(['null', '{}'])('a wallet account whose answer says credits: %s gets the wallet item too', async (credits) => {
		const body = `{"status":"success","billing_mode":"currency","wallet":{"amount":"12.50","currency":"EUR"},"credits":${credits}}`;
		const panel = await startRecordingServer({ status: 200, contentType: 'application/json', body });
		try {
			const result = await run(ctx.sim, { credentials: v2(ctx.sim, { baseUrl: panel.url }), parameters: { resource: 'account', operation: 'getBalance', options: {} } });
			expect(result.items.map((item) => item.json)).toEqual([
				expect.objectContaining({ balance: null, routes: 0, billingMode: 'currency', wallet: { amount: '12.50', currency: 'EUR' } }),
			]);
		} finally {
			await panel.close();
		}
	});

	it('Balance Guard cannot tell numbered routes apart under v2: it refuses, naming the routes it saw', async () => {
		const none = await runV2({ parameters: sms('send', { options: { balanceGuard: true } }) });
		expect(none.error?.message).toBe('Balance Guard needs a Route ID: the account has 2 routes ("Transactional", "Promotional")');
		expect(none.error?.description).toMatch(/^The JSON API \(v2\) lists credits by route name only/);
		const numbered = await runV2({ parameters: sms('send', { options: { balanceGuard: true, routeId: '2' } }) });
		expect(numbered.error?.message).toBe('Balance Guard: route "2" is not one of the account\'s routes ("Transactional", "Promotional")');
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['v2Credits', 'v2Credits']);
	});

	it('Balance Guard uses the only route', async () => {
		const sim = await startSimulator({ port: 0, apiKey: ctx.sim.apiKey, routes: [{ id: 1, name: 'Transactional', balance: 1 }] });
		try {
			const result = await run(sim, { parameters: sms('send', { options: { balanceGuard: true } }), credentials: v2(sim) });
			expect(result.error?.message).toBe('Balance Guard: these messages need 2 credits on route "Transactional", which has 1');
			expect(sim.requests.map((request) => request.endpoint)).toEqual(['v2Credits']);
		} finally {
			await sim.close();
		}
	});
});

describe('JSON API (v2): delivery reports and Send and Wait', () => {
	async function sent() {
		const result = await runV2({ parameters: sms('send') });
		ctx.sim.requests.length = 0;
		return result.items[0].json as { shootId: string; messageIds: Array<{ mobile: string; smsId: string }> };
	}

	it('Delivery Report → Get asks api/v2/dlr by batch_id and reads its nested records', async () => {
		const { shootId } = await sent();
		const result = await runV2({ parameters: { resource: 'deliveryReport', operation: 'get', shootId, options: {} } });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests.map((request) => [request.method, request.endpoint, request.query])).toEqual([['GET', 'v2Dlr', { batch_id: shootId }]]);
		expect(result.items.map((item) => [item.json.shootId, item.json.mobile, item.json.senderId])).toEqual([
			[shootId, '919876543210', 'SMSHND'],
			[shootId, '919812345678', 'SMSHND'],
		]);
		expectKeyOnlyInHeader(ctx.sim);
	});

	it('By Message ID asks by sms_id and gets that message only; on the classic API it is refused', async () => {
		const { messageIds } = await sent();
		const result = await runV2({ parameters: { resource: 'deliveryReport', operation: 'get', shootId: messageIds[1].smsId, options: { byMessageId: true } } });
		expect(ctx.sim.requests.map((request) => request.query)).toEqual([{ sms_id: messageIds[1].smsId }]);
		expect(result.items.map((item) => item.json.mobile)).toEqual(['919812345678']);
		const classic = await run(ctx.sim, { parameters: { resource: 'deliveryReport', operation: 'get', shootId: 'x', options: { byMessageId: true } } });
		expect(classic.error?.message).toBe('Item 1, field "options.byMessageId": needs the JSON API (v2)');
	});

	it('Send and Wait (poll) takes the report asked by sms_id even when the panel shows the number with a country code', async () => {
		const sent = { status: 'success', batch_id: 'B9', message_id: [{ mobile: '9876543210', sms_id: 'id-9' }] };
		const report = {
			status: 'success',
			data: [{ sms_shoot_id: 'B9', mobile: 19876543210, sender_id: 'SMSHND', sent: '2026-12-05 10:00:00', dlr: { status: 'Handset Delivered', operator_reply: 'DELIVRD', delivery_time: '2026-12-05 10:00:05' } }],
		};
		const panel = await startRecordingServer((n) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(n === 1 ? sent : report) }));
		try {
			const result = await run(ctx.sim, {
				credentials: v2(ctx.sim, { baseUrl: panel.url }),
				parameters: { ...sms('sendAndWaitForDelivery', { contacts: '9876543210' }), waitMethod: 'poll', maxWaitMinutes: 1 },
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ shootId: 'B9', status: 'delivered' });
			expect(panel.requests.slice(1).map((request) => request.url)).toEqual(['/api/v2/dlr?sms_id=id-9']);
		} finally {
			await panel.close();
		}
	});

	it('Send and Wait (poll) sends without notifyUrl and pulls by the message\'s sms_id', async () => {
		ctx.sim.configure({ dlr: { autoPush: true, delayMs: 300 } });
		const result = await runV2({
			parameters: { ...sms('sendAndWaitForDelivery', { contacts: '919876543210' }), waitMethod: 'poll', maxWaitMinutes: 1 },
		});
		expect(result.error).toBeUndefined();
		const send = ctx.sim.requests.find((request) => request.endpoint === 'v2Send')!;
		expect(send.form.notifyUrl).toBeUndefined();
		const submission = [...ctx.sim.submissions.values()][0];
		const pulls = ctx.sim.requests.filter((request) => request.endpoint === 'v2Dlr');
		expect(pulls.length).toBeGreaterThanOrEqual(1);
		for (const pull of pulls) expect(pull.query).toEqual({ sms_id: submission.reports[0].smsId });
		expect(result.items[0].json).toMatchObject({ shootId: submission.shootId, mobile: '919876543210', status: 'delivered', senderId: 'SMSHND' });
		expectKeyOnlyInHeader(ctx.sim);
	});
});

describe('JSON API (v2): OTP', () => {
	it('sends {mobile, channel} and verifies: matched yes is verified, no is not', async () => {
		const sentOtp = await runV2({ parameters: { resource: 'otp', operation: 'send', channelId: '5', mobile: '919876543210', options: {} } });
		expect(sentOtp.error).toBeUndefined();
		expect(ctx.sim.requests[0].form).toEqual({ mobile: '919876543210', channel: 5 });
		const reference = sentOtp.items[0].json.reference as string;
		const code = ctx.sim.getOtp(reference)!;
		const verify = async (otp: string) =>
			(await runV2({ parameters: { resource: 'otp', operation: 'verify', reference, otp, options: {} } })).items[0].json;
		const wrong = code === '000000' ? '111111' : '000000';
		expect(await verify(wrong)).toMatchObject({ reference, verified: false, expired: false, matched: 'no' });
		expect(await verify(code)).toMatchObject({ reference, verified: true, expired: false, matched: 'yes' });
		expect(ctx.sim.requests.filter((request) => request.endpoint === 'v2OtpVerify').map((request) => request.query)).toEqual([
			{ reference, otp: wrong },
			{ reference, otp: code },
		]);
		expectKeyOnlyInHeader(ctx.sim);
	});

	it('an unknown reference is the same clear error as under classic', async () => {
		const result = await runV2({ parameters: { resource: 'otp', operation: 'verify', reference: 'NOSUCHREF1', otp: '123456', options: {} } });
		expect(result.error?.message).toBe('SMS Handover does not know the OTP reference "NOSUCHREF1"');
	});

	/** Verify against a panel answering every request with `status` and `body`. */
	async function verifyAgainst(status: number, body: string) {
		const panel = await startRecordingServer({ status, contentType: 'application/json', body });
		try {
			return await run(ctx.sim, {
				credentials: v2(ctx.sim, { baseUrl: panel.url }),
				parameters: { resource: 'otp', operation: 'verify', reference: '036BZDUHIX', otp: '123456', options: {} },
			});
		} finally {
			await panel.close();
		}
	}

	it.each([
		['"yes"', '"yes"', true, false],
		['true', 'true', true, false],
		['"true"', '"true"', true, false],
		['1', '1', true, false],
		['"no"', '"no"', false, false],
		['false', 'false', false, false],
		['"expired"', '"expired"', false, true],
	])('reads matched: %s', async (_label, matched, verified, expired) => {
		const result = await verifyAgainst(200, `{"status":"success","matched":${matched}}`);
		expect(result.items[0].json).toMatchObject({ reference: '036BZDUHIX', verified, expired });
	});

	it('an answer that does not say whether the code matched is an error, not a wrong code', async () => {
		const result = await verifyAgainst(200, '{"status":"success","message":"OTP Verified"}');
		expect(result.error?.message).toBe('SMS Handover answered the OTP check without saying whether the code matched');
	});

	it.each([
		['HTTP 403', 403, '{"success":false,"status":403,"message":"API Key Expired"}'],
		['HTTP 200 naming status 403', 200, '{"status":403,"message":"API Key Expired"}'],
	])('a refused key whose message says "Expired" (%s) is an error, not an expired code', async (_label, status, body) => {
		const result = await verifyAgainst(status, body);
		expect(result.items).toEqual([]);
		expect(result.error?.message).toMatch(/API Key Expired|403/);
	});

	it.each([
		['Delivery Report → Get', { resource: 'deliveryReport', operation: 'get', shootId: 'B1', options: {} }],
		['Get Balance', { resource: 'account', operation: 'getBalance', options: {} }],
	])('%s: an error status in a 200 body is an error naming its message', async (_label, parameters) => {
		const panel = await startRecordingServer({ status: 200, contentType: 'application/json', body: '{"status":404,"message":"Invalid batch_id"}' });
		try {
			const result = await run(ctx.sim, { credentials: v2(ctx.sim, { baseUrl: panel.url }), parameters });
			expect(result.items).toEqual([]);
			expect(result.error?.message).toContain('Invalid batch_id');
		} finally {
			await panel.close();
		}
	});

	it('refuses a Channel ID that is not a whole number, before any request', async () => {
		const result = await runV2({ parameters: { resource: 'otp', operation: 'send', channelId: 'login', mobile: '919876543210', options: {} } });
		expect(result.error?.message).toBe('Item 1, field "channelId": "login" is not a whole number');
		expect(ctx.sim.requests).toEqual([]);
	});
});

describe('JSON API (v2): the credential Test', () => {
	const credential = new SmsHandoverApi();

	it('reads api/v2/credits with the Bearer header, and a refused key fails with a fixed message', async () => {
		expect(await testCredential(credential, v2(ctx.sim))).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(ctx.sim.requests.map((request) => [request.method, request.endpoint, request.headers.authorization])).toEqual([
			['GET', 'v2Credits', `Bearer ${ctx.sim.apiKey}`],
		]);
		expect(await testCredential(credential, v2(ctx.sim, { apiKey: testKey('wrong-key') }))).toEqual({
			status: 'Error',
			message: "SMS Handover refused the API key (HTTP 403). Copy it again from the API section of your panel, and check the credential's API.",
		});
	});

	it.each([
		['a web page', 'html' as const, {}, 'SMS Handover answered with a web page instead of API data. Check the Base URL.'],
		['an outage in the v2 error shape', 'errorJson' as const, { status: 503 }, 'SMS Handover is unavailable (HTTP 503). Try the Test again later.'],
		[
			'no JSON API at that address',
			'errorJson' as const,
			{ status: 404, message: 'Not Found' },
			"SMS Handover has no such API at this Base URL (HTTP 404). Check the Base URL, and the credential's API (the JSON API (v2) needs a panel whose API menu shows api/v2/sms).",
		],
	])('fails on %s with a sentence that says so', async (_label, mode, options, message) => {
		ctx.sim.failNext('v2Credits', mode, options);
		expect(await testCredential(credential, v2(ctx.sim))).toEqual({ status: 'Error', message });
	});

	it.each([
		['HTTP 401 with a body of another shape', 401, '{"message":"Unauthorized"}', "SMS Handover refused the API key (HTTP 401). Copy it again from the API section of your panel, and check the credential's API."],
		['HTTP 404 with an empty object', 404, '{}', "SMS Handover has no such API at this Base URL (HTTP 404). Check the Base URL, and the credential's API (the JSON API (v2) needs a panel whose API menu shows api/v2/sms)."],
		['HTTP 500 with a body of another shape', 500, '{"message":"Server Error"}', 'SMS Handover is unavailable (HTTP 500). Try the Test again later.'],
		['HTTP 200 with status "error"', 200, '{"status":"error","message":"Invalid token"}', 'SMS Handover refused the request (its JSON API answered with an error). Check the API key and the Base URL.'],
		['HTTP 200 with success "false" as text', 200, '{"success":"false","message":"Invalid token"}', 'SMS Handover refused the request (its JSON API answered with an error). Check the API key and the Base URL.'],
		['HTTP 200 with the status as text', 200, '{"success":false,"status":"401","message":"Unauthorized"}', "SMS Handover refused the API key (HTTP 401). Copy it again from the API section of your panel, and check the credential's API."],
	])('fails on %s: never "Connection successful!"', async (_label, status, body, message) => {
		const panel = await startRecordingServer({ status, contentType: 'application/json', body });
		try {
			expect(await testCredential(credential, v2(ctx.sim, { baseUrl: panel.url }))).toEqual({ status: 'Error', message });
		} finally {
			await panel.close();
		}
	});

	it('passes for an account billed from a wallet', async () => {
		ctx.sim.configure({ billing: 'wallet' });
		expect(await testCredential(credential, v2(ctx.sim))).toEqual({ status: 'OK', message: 'Connection successful!' });
	});
});

describe('JSON API (v2): Send and Wait (push)', () => {
	it('gives the resume URL as notifyUrl, and the panel\'s push there resumes the execution with the report', async () => {
		const waiting = await startWaitingEndpoint({ credentials: v2(ctx.sim) });
		try {
			const parameters = { ...sms('sendAndWaitForDelivery', { contacts: '919876543210' }), waitMethod: 'push', maxWaitMinutes: 60 };
			const result = await runV2({ parameters, webhookWaitingBaseUrl: waiting.baseUrl });
			expect(result.error).toBeUndefined();
			waiting.waitOn(result, parameters);
			const [send] = ctx.sim.requests;
			expect(String(send.form.notifyUrl).startsWith(`${waiting.baseUrl}/${result.executionId}?`)).toBe(true);
			const shootId = result.items[0].json.shootId as string;
			const pushes = await ctx.sim.deliver(shootId, { outcome: 'failed' });
			expect(pushes.map((push) => [push.url.split('?')[0], push.status])).toEqual([[`${waiting.baseUrl}/${result.executionId}`, 200]]);
			expect(waiting.resumes.map((call) => call.items)).toEqual([
				[expect.objectContaining({ shootId, mobile: '919876543210', status: 'failed', senderId: 'SMSHND' })],
			]);
		} finally {
			await waiting.close();
		}
	});
});
