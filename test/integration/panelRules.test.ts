// What the panel does to what it is given (its smsViaApi, miscApi and OTP code): the node refuses
// what the panel would silently change, before anything is sent, and reads what it answers.
import type { IDataObject } from 'n8n-workflow';

import { run, useSimulator } from './fixtures';

const ctx = useSimulator({ routes: [{ id: '1', name: 'Transactional', balance: 1000 }] });

const send = (fields: IDataObject = {}, options: IDataObject = {}): IDataObject => ({
	resource: 'sms',
	operation: 'send',
	senderId: 'DEMO',
	contacts: '919876543210',
	message: 'Hi',
	...fields,
	options,
});

describe('Route ID and Campaign are whole numbers (the panel reads them with intval)', () => {
	it.each([
		['routeId', 'Transactional', 'Item 1, field "options.routeId": "Transactional" is not a whole number'],
		['routeId', '12abc', 'Item 1, field "options.routeId": "12abc" is not a whole number'],
		['campaign', 'Diwali sale', 'Item 1, field "options.campaign": "Diwali sale" is not a whole number'],
	])('%s "%s" is refused before anything is sent', async (option, value, message) => {
		const result = await run(ctx.sim, { parameters: send({}, { [option]: value }) });
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toMatch(/^The panel reads it as a number: anything else would go out on the default (route|campaign)\./);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	it('a whole number goes out as given', async () => {
		await run(ctx.sim, { parameters: send({}, { routeId: '1', campaign: ' 7 ' }) });
		expect(ctx.sim.requests[0].form).toMatchObject({ routeid: '1', campaign: '7' });
	});
});

describe('Sender ID keeps only what the panel keeps', () => {
	it.each([
		['Acme.Co', '"."'],
		['+14155550100', '"+"'],
		['A&B·Ltd.', '"&", "·", "."'],
	])('"%s" is refused, naming %s', async (senderId, named) => {
		for (const operation of ['send', 'sendBulk']) {
			const parameters = operation === 'send' ? send({ senderId }) : { resource: 'sms', operation, senderId, mobile: '919876543210', message: 'Hi', options: {} };
			const result = await run(ctx.sim, { parameters });
			expect(result.error?.message).toBe(`Item 1, field "senderId": "${senderId}" has ${named}, which the panel removes or changes before sending`);
		}
		expect(ctx.sim.requests).toHaveLength(0);
	});

	it('letters and digits of any script, "-", "_" and spaces go out unchanged', async () => {
		await run(ctx.sim, { parameters: send({ senderId: 'My Shop_2-go' }) });
		await run(ctx.sim, { parameters: send({ senderId: 'Café Σ 24' }) });
		expect(ctx.sim.requests.map((request) => request.form.senderid)).toEqual(['My Shop_2-go', 'Café Σ 24']);
	});
});

describe('OTP Verify checks the code before it can use up an attempt', () => {
	const verify = (otp: string, options: IDataObject = {}) => ({ resource: 'otp', operation: 'verify', reference: 'REF1', otp, options });

	it.each([
		['12345', 'Item 1, field "otp": has 5 digits; the panel\'s codes have 6'],
		['1234567', 'Item 1, field "otp": has 7 digits; the panel\'s codes have 6'],
		['12a456', 'Item 1, field "otp": is not a code of digits'],
	])('"%s" is refused without a request', async (otp, message) => {
		const result = await run(ctx.sim, { parameters: verify(otp) });
		expect(result.error?.message).toBe(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	it('Code Length sets the length, 0 accepts any code', async () => {
		await run(ctx.sim, { parameters: verify('1234', { codeLength: 4 }) });
		await run(ctx.sim, { parameters: verify('x', { codeLength: 0 }) });
		expect(ctx.sim.requests.map((request) => request.query.otp)).toEqual(['1234', 'x']);
	});
});

describe('an account without route credits (billed from a wallet: getBalance answers [])', () => {
	it('Get Balance gives one item that says so, not an error', async () => {
		ctx.sim.setFailure('balance', 'emptyArray');
		const result = await run(ctx.sim, { parameters: { resource: 'account', operation: 'getBalance' } });
		expect(result.items.map((item) => item.json)).toEqual([
			{
				balance: null,
				unlimited: false,
				routes: 0,
				providerMessage: 'SMS Handover lists no route credits for this account',
				note: 'Accounts billed from a wallet list no route credits; the panel shows their balance.',
			},
		]);
	});

	it('Balance Guard refuses, saying why and how to turn it off', async () => {
		ctx.sim.setFailure('balance', 'emptyArray');
		const result = await run(ctx.sim, { parameters: send({}, { balanceGuard: true }) });
		expect(result.error?.message).toBe(
			'Balance Guard: SMS Handover lists no route credits for this account (an account billed from a wallet lists none), so it cannot check the balance',
		);
		expect(result.error?.description).toContain('Turn Options → Balance Guard off for this account');
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['balance']);
	});
});

it('an unknown shoot id: the error says the panel also answers so for scheduled, held or queued campaigns', async () => {
	const result = await run(ctx.sim, { parameters: { resource: 'deliveryReport', operation: 'get', shootId: 'NotSentYet' } });
	expect(result.error?.message).toBe('SMS Handover does not know the shoot ID "NotSentYet"');
	expect(result.error?.description).toContain('scheduled, held for approval or still queued');
});

describe('Panel Decodes Messages (the panel urldecodes msg a second time)', () => {
	const text = 'C++ 50% off %41, a+b';

	it.each([
		['once (as documented)', false, 'once', text],
		['once, but the panel decodes twice: "+" arrives as a space, %41 as A', true, 'once', 'C   50% off A, a b'],
		['twice, and the panel decodes twice: as written', true, 'twice', text],
	])('%s', async (_label, panelDecodesTwice, messageDecoding, received) => {
		ctx.sim.configure({ decodeMessagesTwice: panelDecodesTwice });
		const result = await run(ctx.sim, {
			parameters: send({ message: text }),
			credentials: { apiKey: ctx.sim.apiKey, baseUrl: ctx.sim.baseUrl, timeZone: 'Asia/Kolkata', messageDecoding },
		});
		expect(ctx.sim.getSubmission(result.items[0].json.shootId as string)?.messages).toEqual([received]);
		// What the user is billed on is the text as written.
		expect(result.items[0].json.characters).toBe(text.length);
	});

	it('Send Bulk is not affected: its list is JSON, which the panel does not decode again', async () => {
		ctx.sim.configure({ decodeMessagesTwice: true });
		const result = await run(ctx.sim, {
			parameters: { resource: 'sms', operation: 'sendBulk', senderId: 'DEMO', mobile: '919876543210', message: text, options: {} },
			credentials: { apiKey: ctx.sim.apiKey, baseUrl: ctx.sim.baseUrl, timeZone: 'Asia/Kolkata', messageDecoding: 'twice' },
		});
		expect(ctx.sim.getSubmission(result.items[0].json.shootId as string)?.messages).toEqual([text]);
	});
});
