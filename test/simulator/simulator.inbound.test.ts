// Inbound SMS forwarding as the panel's getReplies does it: the GETs a user's server receives for one handset message.
import { delay, waitFor } from '../harness/timers';
import { startSimulator, type Simulator } from './index';
import { API_KEY, closedPort, get, istSqlTime, parse, postJson, startReceiver } from './testUtils';

let sim: Simulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
	sim = await startSimulator({ apiKey: API_KEY });
	receiver = await startReceiver();
});
afterAll(async () => {
	await sim.close();
	await receiver.close();
});
beforeEach(() => {
	sim.reset();
	receiver.received.length = 0;
});

const FROM = '+919812345678';
const VMN = '+15550100';
/** The query of the n-th GET as a server reads it. */
const queryOf = (n: number) => new URLSearchParams(receiver.received[n].url.split('?')[1]);
const urls = () => receiver.received.map((r) => r.url);
/** PHP urlencode of a 'YYYY-MM-DD HH:mm:ss' time. */
const encodedTime = (time: string) => time.replace(' ', '+').replace(/:/g, '%3A');

describe('the trigger URL (a VMN or keyword URL)', () => {
	it('gets %p as it is, %r %v %i %t urlencoded, and %m left as written', async () => {
		const [call] = await sim.receiveInbound({
			from: FROM,
			text: 'Hi there ~*é+&=%',
			to: VMN,
			messageId: 'abc 1',
			url: `${receiver.url}/sms?from=%p&text=%r&to=%v&id=%i&at=%t&kw=%m`,
		});
		const expected = `/sms?from=+919812345678&text=Hi+there+%7E%2A%C3%A9%2B%26%3D%25&to=%2B15550100&id=abc+1&at=${encodedTime(call.time)}&kw=%m`;
		expect(urls()).toEqual([expected]);
		expect(call).toMatchObject({ source: 'trigger', url: `${receiver.url}${expected}`, method: 'GET', status: 200, error: null, responseBody: 'OK', keyword: null });
		// The unencoded '+' of the number reaches the server's query parser as a space.
		expect(queryOf(0).get('from')).toBe(' 919812345678');
		expect(queryOf(0).get('text')).toBe('Hi there ~*é+&=%');
		expect(queryOf(0).get('to')).toBe(VMN);
		expect(queryOf(0).get('kw')).toBe('%m');
	});

	it.each([
		['letters, digits and -_. kept', 'aZ09-_.', 'aZ09-_.'],
		['space as +, ~ and * encoded', 'a b~c*d', 'a+b%7Ec%2Ad'],
		['punctuation', "!'()?/#", '%21%27%28%29%3F%2F%23'],
		['a line break', 'one\ntwo', 'one%0Atwo'],
		['UTF-8 bytes, upper-case hex', 'é😀', '%C3%A9%F0%9F%98%80'],
		['an empty text', '', ''],
	])('%%r is PHP urlencode: %s', async (_name, text, encoded) => {
		await sim.receiveInbound({ from: '919812345678', text, to: '5656', url: `${receiver.url}/r?t=%r` });
		expect(urls()).toEqual([`/r?t=${encoded}`]);
	});

	it('%t is the panel clock when the message arrived, without an offset, and %i may be empty', async () => {
		const before = Date.now();
		const [call] = await sim.receiveInbound({ from: FROM, text: 'x', to: VMN, url: `${receiver.url}/t?t=%t&i=%i` });
		const after = Date.now();
		expect(call.time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		expect(call.time >= istSqlTime(before) && call.time <= istSqlTime(after)).toBe(true);
		expect(urls()).toEqual([`/t?t=${encodedTime(call.time)}&i=`]);
		sim.configure({ dlr: { utcOffsetMinutes: 0 } });
		const [utc] = await sim.receiveInbound({ from: FROM, text: 'x', to: VMN, url: `${receiver.url}/t?t=%t` });
		const utcText = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
		expect(utc.time >= utcText(utc.at - 1000) && utc.time <= utcText(Date.now())).toBe(true);
	});

	it('a number with a space makes a URL curl refuses: nothing is sent', async () => {
		const [call] = await sim.receiveInbound({ from: '+91 98123', text: 'x', to: VMN, url: `${receiver.url}/s?p=%p` });
		expect(call).toMatchObject({ url: `${receiver.url}/s?p=+91 98123`, status: null, error: 'URL rejected: Malformed input to a URL function' });
		expect(receiver.received).toEqual([]);
	});

	it("is requested with curl's User-Agent", async () => {
		const [call] = await sim.receiveInbound({ from: FROM, text: 'x', to: VMN, url: `${sim.baseUrl}/inbound?p=%p` });
		expect(call.status).toBe(404);
		expect(sim.requests[0]).toMatchObject({ method: 'GET', path: '/inbound', query: { p: ' 919812345678' } });
		expect(sim.requests[0].headers['user-agent']).toBe('Mozilla/5.0 (Windows; U; Windows NT 5.1; de; rv:1.9.2.3) Gecko/20100401 Firefox/3.6.3');
	});
});

describe('the Default MO URL', () => {
	it('is called after the trigger URL, for the same message, and alone replaces %m', async () => {
		const calls = await sim.receiveInbound({
			from: FROM,
			text: 'stop please',
			to: VMN,
			url: `${receiver.url}/trigger?kw=%m&p=%p`,
			defaultMoUrl: `${receiver.url}/mo?kw=%m&p=%p&r=%r&t=%t`,
		});
		expect(calls.map((c) => [c.source, c.status])).toEqual([
			['trigger', 200],
			['defaultMo', 200],
		]);
		expect(calls[1].at).toBeGreaterThanOrEqual(calls[0].at);
		expect(calls[1].time).toBe(calls[0].time);
		expect(urls()).toEqual(['/trigger?kw=%m&p=+919812345678', `/mo?kw=STOP&p=+919812345678&r=stop+please&t=${encodedTime(calls[0].time)}`]);
		expect(sim.inboundCalls).toEqual(calls);
	});

	it.each([
		['stop please', 'STOP'],
		['  Yes I agree', 'YES'],
		['info', 'INFO'],
		['STOPnow', ''],
		['please stop', ''],
		['stop\nnow', ''],
		['', ''],
	])('%%m for the text %j is %j: the first word against inbound.keywords, any case, as configured', async (text, keyword) => {
		const [call] = await sim.receiveInbound({ from: FROM, text, to: VMN, defaultMoUrl: `${receiver.url}/mo?kw=%m` });
		expect(urls()).toEqual([`/mo?kw=${keyword}`]);
		expect(call).toMatchObject({ source: 'defaultMo', keyword: keyword === '' ? null : keyword });
	});

	it('matches the configured keywords; a keyword given with the message is used instead (null: none)', async () => {
		sim.configure({ inbound: { keywords: ['Join Now', 'Join'] } });
		await sim.receiveInbound({ from: FROM, text: 'JOIN us', to: VMN, defaultMoUrl: `${receiver.url}/mo?kw=%m` });
		await sim.receiveInbound({ from: FROM, text: 'stop', to: VMN, keyword: 'Deal & Win', defaultMoUrl: `${receiver.url}/mo?kw=%m` });
		await sim.receiveInbound({ from: FROM, text: 'join', to: VMN, keyword: null, defaultMoUrl: `${receiver.url}/mo?kw=%m` });
		expect(urls()).toEqual(['/mo?kw=Join', '/mo?kw=Deal+%26+Win', '/mo?kw=']);
	});

	it('alone: one GET; without either URL no GET at all', async () => {
		expect((await sim.receiveInbound({ from: FROM, text: 'x', to: VMN, url: '', defaultMoUrl: `${receiver.url}/mo` })).map((c) => c.source)).toEqual(['defaultMo']);
		expect(await sim.receiveInbound({ from: FROM, text: 'x', to: VMN })).toEqual([]);
		expect(receiver.received).toHaveLength(1);
	});
});

describe('answers and failures', () => {
	it('records the answer and never retries: a 500 or a refused connection is one attempt, and the next URL is still called', async () => {
		const failing = await startReceiver(500);
		try {
			const down = `http://127.0.0.1:${await closedPort()}/in`;
			const first = await sim.receiveInbound({ from: FROM, text: 'x', to: VMN, url: `${failing.url}/in`, defaultMoUrl: down });
			expect(first.map((c) => [c.source, c.status, c.responseBody, typeof c.error])).toEqual([
				['trigger', 500, 'NOPE', 'object'],
				['defaultMo', null, '', 'string'],
			]);
			const second = await sim.receiveInbound({ from: FROM, text: 'x', to: VMN, url: down, defaultMoUrl: `${receiver.url}/mo` });
			expect(second.map((c) => c.status)).toEqual([null, 200]);
			expect(failing.received).toHaveLength(1);
			expect(sim.inboundCalls).toHaveLength(4);
		} finally {
			await failing.close();
		}
	});

	it('waits for a server that never answers (no overall timeout) until reset(), which ends the call and the message', async () => {
		const hanging = await startSimulator({ apiKey: API_KEY });
		try {
			hanging.failNext('send', 'hang');
			const pending = sim.receiveInbound({ from: FROM, text: 'x', to: VMN, url: `${hanging.baseUrl}/smsapi/index?p=%p`, defaultMoUrl: `${receiver.url}/mo` });
			await waitFor(() => hanging.requests.length === 1);
			await delay(200);
			expect(sim.inboundCalls).toEqual([]);
			sim.reset();
			const [call, ...rest] = await pending;
			expect(call).toMatchObject({ source: 'trigger', status: null, error: 'simulator reset or closed' });
			expect(rest).toEqual([]);
			expect(sim.inboundCalls).toEqual([]);
			expect(receiver.received).toEqual([]);
		} finally {
			await hanging.close();
		}
	});

	it('refuses a message without its fields', async () => {
		await expect(sim.receiveInbound({ from: FROM, text: 'x' } as never)).rejects.toThrow('receiveInbound: to must be a string');
		await expect(sim.receiveInbound({ from: FROM, text: 'x', to: VMN, url: 5 } as never)).rejects.toThrow('receiveInbound: url must be a string');
	});
});

describe('control routes', () => {
	it('POST /__sim/inbound makes the GETs and answers their records; GET /__sim/inbound-calls lists them; reset forgets them', async () => {
		const answer = await postJson(sim, '/__sim/inbound', { from: FROM, text: 'yes', to: VMN, url: `${receiver.url}/t?p=%p`, defaultMoUrl: `${receiver.url}/mo?m=%m` });
		expect(answer.status).toBe(200);
		expect(parse(answer).map((c: { source: string; status: number }) => [c.source, c.status])).toEqual([
			['trigger', 200],
			['defaultMo', 200],
		]);
		expect(urls()).toEqual(['/t?p=+919812345678', '/mo?m=YES']);
		expect(parse(await get(sim, '/__sim/inbound-calls'))).toEqual(parse(answer));
		expect((await postJson(sim, '/__sim/inbound', { from: FROM })).status).toBe(400);
		await postJson(sim, '/__sim/reset', {});
		expect(parse(await get(sim, '/__sim/inbound-calls'))).toEqual([]);
		expect(sim.requests).toEqual([]);
	});

	it('inbound settings are checked like the others', () => {
		expect(() => sim.configure({ inbound: { keywords: 'STOP' as never } })).toThrow('inbound.keywords must be an array of strings');
		expect(() => sim.configure({ inbound: { retries: 1 } as never })).toThrow("unknown simulator setting 'inbound.retries'");
		expect(sim.configure({ inbound: { connectTimeoutMs: 2000 } }).inbound).toEqual({ keywords: ['STOP', 'YES', 'INFO'], connectTimeoutMs: 2000 });
	});
});
