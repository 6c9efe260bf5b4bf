// What the classic send (smsViaApi) does to what it is given before the v2 API sees it: intval of routeid and
// campaign, the sender id filter, and the second urldecode of msg (decodeMessagesTwice).
import { startSimulator, type Simulator } from './index';
import { API_KEY, parse, postForm, send, startReceiver } from './testUtils';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ apiKey: API_KEY });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const A = '919765600001';
const submit = async (fields: Record<string, string>) => {
	const reply = parse(await send(sim, { contacts: A, msg: 'x', ...fields }));
	return reply.result === 'success' ? sim.getSubmission(reply.sms_shoot_id)! : reply.message;
};

describe('routeid and campaign go through intval', () => {
	it.each([
		['absent', undefined, '1'],
		['a route name', 'Transactional', '1'],
		['digits', '2', '2'],
		['digits then letters', '2abc', '2'],
		['leading whitespace', ' 2', '2'],
		['a leading zero', '02', '2'],
		['a decimal', '2.9', '2'],
		['hexadecimal (not read)', '0x2', '1'],
	])('routeid %s (%j) uses route %s and charges it', async (_name, routeid, used) => {
		const submission = await submit(routeid === undefined ? {} : { routeid });
		expect(submission).toMatchObject({ routeUsed: used, routeId: used });
		expect([sim.balance('1'), sim.balance('2')]).toEqual(used === '1' ? [99999, 5000] : [100000, 4999]);
	});

	it.each([['9'], ['-1'], ['12abc']])('routeid %j names no route of the account: INVALID ROUTE', async (routeid) => {
		expect(await submit({ routeid })).toBe('INVALID ROUTE');
	});

	it("'12abc' is route 12 when the account has one; pushes name the route used", async () => {
		const receiver = await startReceiver();
		const other = await startSimulator({ apiKey: API_KEY, routes: [{ id: 1, balance: 10 }, { id: 12, name: 'Twelve', balance: 10 }], dlr: { autoPush: false } });
		try {
			const reply = await postForm(other, '/smsapi/index', { key: API_KEY, senderid: 'DEMO', contacts: A, msg: 'x', routeid: '12abc', dlr_url: `${receiver.url}/d` });
			const shootId = parse(reply).sms_shoot_id;
			expect(other.getSubmission(shootId)).toMatchObject({ routeUsed: '12', routeTitle: 'Twelve' });
			expect(other.balance('12')).toBe(9);
			await other.deliver(shootId);
			expect(JSON.parse(receiver.received[0].body).route_data).toEqual({ id: 12, title: 'Twelve' });
		} finally {
			await other.close();
			await receiver.close();
		}
	});

	it.each([
		['absent', undefined, 0],
		['a name', 'Transactional', 0],
		['digits then letters', '12abc', 12],
		['digits', '7', 7],
		['negative', '-3', -3],
		['an exponent', '1e3', 1000],
	])('campaign %s (%j) is campaign %i, the text kept as sent', async (_name, campaign, used) => {
		const submission = await submit(campaign === undefined ? {} : { campaign });
		expect(submission).toMatchObject({ campaignUsed: used, campaign: campaign ?? '' });
	});
});

describe('the sender id is urldecoded and filtered to letters, numbers, - _ and spaces', () => {
	it.each([
		['DEMO', 'DEMO'],
		['My Shop!', 'My Shop'],
		['A.B,C', 'ABC'],
		['Tab\there', 'Tabhere'],
		['MY+SHOP', 'MY SHOP'],
		['SMS%2BHND', 'SMSHND'],
		['%41%42C', 'ABC'],
		['Ünïcødé_1-2', 'Ünïcødé_1-2'],
		['Шоп 24', 'Шоп 24'],
		['😀Shop', 'Shop'],
	])('%j is used as %j', async (senderid, used) => {
		const submission = await submit({ senderid });
		expect(submission).toMatchObject({ senderId: senderid, senderUsed: used });
	});

	it('nothing left (or bytes that are not UTF-8 after the decoding) is a missing sender id', async () => {
		expect(await submit({ senderid: '@@@' })).toBe('MISSING SENDER ID');
		expect(await submit({ senderid: 'AB%FF' })).toBe('MISSING SENDER ID');
	});

	it('the pushes carry the sender id used', async () => {
		const receiver = await startReceiver();
		try {
			sim.configure({ dlr: { autoPush: false } });
			const submission = await submit({ senderid: 'My Shop!', dlr_url: `${receiver.url}/d` });
			await sim.deliver(submission.shootId);
			expect(JSON.parse(receiver.received[0].body).sender_id).toBe('My Shop');
		} finally {
			await receiver.close();
		}
	});
});

describe('decodeMessagesTwice', () => {
	it('is off by default: msg is what the request carried', async () => {
		expect(sim.config.decodeMessagesTwice).toBe(false);
		expect((await submit({ msg: 'a+b %41 100%' })).messages).toEqual(['a+b %41 100%']);
	});

	it('on: msg is urldecoded once more, so + arrives as a space and %41 as A; the recipient gets that text', async () => {
		sim.configure({ decodeMessagesTwice: true });
		const submission = await submit({ contacts: `${A},919765600002`, msg: 'a+b %41 100% %zz' });
		expect(submission.messages).toEqual(['a b A 100% %zz', 'a b A 100% %zz']);
		expect(sim.requests[0].form.msg).toBe('a+b %41 100% %zz');
	});

	it('on: the decoded text is what is counted and limited', async () => {
		sim.configure({ decodeMessagesTwice: true });
		expect(await submit({ msg: '%D0%96' })).toMatchObject({ encoding: 'UCS-2', messages: ['Ж'] });
		expect(await submit({ msg: '%41'.repeat(241) })).toMatchObject({ credits: 2, messages: ['A'.repeat(241)] });
		sim.configure({ decodeMessagesTwice: false });
		expect(await submit({ msg: '%D0%96' })).toMatchObject({ encoding: 'GSM-7', messages: ['%D0%96'] });
		expect(await submit({ msg: '%41'.repeat(241) })).toBe('MESSAGE TOO LONG');
	});

	it('leaves the personalised bulk list alone', async () => {
		sim.configure({ decodeMessagesTwice: true });
		const reply = parse(await send(sim, { bulk_campaigm: JSON.stringify([{ mobile: A, msg: 'a+b %41' }]) }));
		expect(sim.getSubmission(reply.sms_shoot_id)!.messages).toEqual(['a+b %41']);
	});

	it('takes only true or false', () => {
		expect(() => sim.configure({ decodeMessagesTwice: 'yes' as never })).toThrow('decodeMessagesTwice must be true or false');
	});
});
