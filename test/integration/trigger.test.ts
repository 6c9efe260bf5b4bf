// The SMS Handover Trigger through n8n's real WebhookContext and real HTTP, fed by the simulator.
import { startTriggerEndpoint, type TriggerEndpoint, type TriggerEndpointOptions } from '../harness/webhook';
import { batchPush, ntapiPush, startSimulator, type DlrStyle, type Simulator } from '../simulator';
import { API_KEY } from './fixtures';

let sim: Simulator;
const endpoints: TriggerEndpoint[] = [];

beforeAll(async () => {
	// Pinned to the simulator's earlier JSON push until these tests move to the panel's native push.
	sim = await startSimulator({ port: 0, apiKey: API_KEY, dlr: { style: 'json' } });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());
afterEach(async () => {
	await Promise.all(endpoints.splice(0).map(async (endpoint) => await endpoint.close()));
});

async function trigger(parameters: Record<string, unknown> = {}, options: TriggerEndpointOptions = {}) {
	const endpoint = await startTriggerEndpoint(parameters as never, { timezone: 'Asia/Kolkata', ...options });
	endpoints.push(endpoint);
	return endpoint;
}

// What the sender (or a user testing with curl) reads when the trigger refuses its token.
const WRONG_TOKEN =
	"Unauthorized: missing or wrong token. This trigger starts only on requests that carry its Webhook credential's secret token, as ?token=<secret> or the X-SMSHandover-Token header: turn on Add Trigger Token in the SMS Handover node that sends, or append ?token=<secret> to the URL given to the panel.";

const withQuery = (url: string, query: Record<string, string>) => `${url}?${new URLSearchParams(query)}`;

const REPORTS = [
	{ sms_shoot_id: 'SHOOT-1', mobile: '919765600001', status: 'DELIVRD', delivered_at: '2026-03-01 14:30:05', error_code: '000' },
	{ sms_shoot_id: 'SHOOT-1', mobile: '919765600002', status: 'UNDELIV', delivered_at: '2026-03-01 14:31:00', error_code: '001' },
];
// What these guessed shapes do not carry is null in every item (the panel's own push fills them).
const ABSENT = { reason: null, sentAt: null, senderId: null, messageIds: [], parts: null, route: null, attempt: null };
const ITEMS = [
	{
		event: 'deliveryReport',
		shootId: 'SHOOT-1',
		mobile: '919765600001',
		status: 'delivered',
		providerStatus: 'DELIVRD',
		deliveredAt: '2026-03-01T09:00:05.000Z',
		errorCode: '000',
		...ABSENT,
		raw: REPORTS[0],
	},
	{
		event: 'deliveryReport',
		shootId: 'SHOOT-1',
		mobile: '919765600002',
		status: 'failed',
		providerStatus: 'UNDELIV',
		deliveredAt: '2026-03-01T09:01:00.000Z',
		errorCode: '001',
		...ABSENT,
		raw: REPORTS[1],
	},
];

const byMobile = (a: { mobile?: unknown }, b: { mobile?: unknown }) => String(a.mobile).localeCompare(String(b.mobile));

describe('payload styles', () => {
	it.each<DlrStyle>(['query', 'form', 'json'])(
		'%s: every pushed report starts an execution with its normalised item',
		async (style) => {
			const endpoint = await trigger();
			const pushes = await sim.pushDlr(endpoint.url, { style, reports: REPORTS });
			expect(pushes.map((push) => push.status)).toEqual([200, 200]);
			expect(endpoint.executions).toHaveLength(2);
			expect(endpoint.executions.every((call) => call.items.length === 1)).toBe(true);
			expect(endpoint.executions.map((call) => call.items[0]).sort(byMobile)).toEqual(ITEMS);
			expect(endpoint.calls.map((call) => call.method)).toEqual(style === 'query' ? ['GET', 'GET'] : ['POST', 'POST']);
		},
	);

	it('jsonArray: one request carrying every report is one execution with one item per report', async () => {
		const endpoint = await trigger();
		const pushes = await sim.pushDlr(endpoint.url, { style: 'jsonArray', reports: REPORTS });
		expect(pushes.map((push) => [push.status, push.responseBody])).toEqual([[200, '{"message":"Workflow was started"}']]);
		expect(endpoint.executions.map((call) => call.items)).toEqual([ITEMS]);
	});

	it('text/plain JSON (object, array, wrapped list) is read like JSON', async () => {
		const endpoint = await trigger();
		for (const body of [REPORTS[0], REPORTS, { data: REPORTS }]) {
			const response = await fetch(endpoint.url, {
				method: 'POST',
				headers: { 'Content-Type': 'text/plain' },
				body: JSON.stringify(body),
			});
			expect(response.status).toBe(200);
		}
		expect(endpoint.executions.map((call) => call.items)).toEqual([[ITEMS[0]], ITEMS, ITEMS]);
	});

	it('the simulator\'s own reports after a send (IST panel times) come through with the shoot id', async () => {
		const endpoint = await trigger();
		const sentAt = Date.now();
		const form = new URLSearchParams({
			key: sim.apiKey,
			senderid: 'DEMO',
			type: 'text',
			contacts: '919765600001,919765600002',
			msg: 'Hello',
			dlr_url: endpoint.url,
		});
		const answer = (await (await fetch(`${sim.baseUrl}/smsapi/index`, { method: 'POST', body: form })).json()) as {
			sms_shoot_id: string;
		};
		await sim.waitForDlrPushes(2, 5000);
		const items = endpoint.executions.map((call) => call.items[0]).sort(byMobile);
		expect(items.map((item) => [item.shootId, item.mobile, item.status, item.errorCode])).toEqual([
			[answer.sms_shoot_id, '919765600001', 'delivered', '000'],
			[answer.sms_shoot_id, '919765600002', 'delivered', '000'],
		]);
		for (const item of items) {
			// The simulator writes IST wall-clock seconds; read in Asia/Kolkata they are now.
			const deliveredAt = Date.parse(String(item.deliveredAt));
			expect(deliveredAt).toBeGreaterThanOrEqual(Math.floor(sentAt / 1000) * 1000);
			expect(deliveredAt).toBeLessThanOrEqual(Date.now());
		}
	});
});

describe('secret token', () => {
	// Made at run time, ending in a letter: a token that differs only in its case is a wrong one.
	const SECRET = ['dlr', 's3cret', 'token'].join('-');
	const secret = { options: { secretToken: SECRET } };

	it.each<DlrStyle>(['query', 'json'])('accepts it in the query string (%s push)', async (style) => {
		const endpoint = await trigger(secret);
		const pushes = await sim.pushDlr(withQuery(endpoint.url, { token: SECRET }), { style, reports: [REPORTS[0]] });
		expect(pushes.map((push) => push.status)).toEqual([200]);
		expect(endpoint.executions.map((call) => call.items)).toEqual([[ITEMS[0]]]);
		// The secret is the URL's, not the report's: it is not copied into the item.
		expect(JSON.stringify(endpoint.executions[0].items)).not.toContain(SECRET);
	});

	it('accepts it in the X-SMSHandover-Token header', async () => {
		const endpoint = await trigger(secret);
		const response = await fetch(endpoint.url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-SMSHandover-Token': SECRET },
			body: JSON.stringify(REPORTS),
		});
		expect(response.status).toBe(200);
		expect(endpoint.executions.map((call) => call.items)).toEqual([ITEMS]);
	});

	it.each([
		['missing', (url: string) => url],
		['wrong', (url: string) => withQuery(url, { token: `${SECRET.slice(0, -1)}${SECRET.slice(-1).toUpperCase()}` })],
		['a prefix of it', (url: string) => withQuery(url, { token: SECRET.slice(0, 10) })],
	])('answers 401 and starts nothing when the token is %s', async (_label, target) => {
		const endpoint = await trigger(secret);
		const pushes = await sim.pushDlr(target(endpoint.url), { style: 'query', reports: REPORTS });
		expect(pushes.map((push) => [push.status, push.responseBody])).toEqual([
			[401, WRONG_TOKEN],
			[401, WRONG_TOKEN],
		]);
		expect(endpoint.executions).toEqual([]);
		expect(endpoint.calls.map((call) => call.thrown)).toEqual([undefined, undefined]);
	});

	it('answers 401 to a wrong header even with a valid report body', async () => {
		const endpoint = await trigger(secret);
		const response = await fetch(endpoint.url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-SMSHandover-Token': 'nope' },
			body: JSON.stringify(REPORTS[0]),
		});
		expect(response.status).toBe(401);
		expect(endpoint.executions).toEqual([]);
	});
});

describe('events filter', () => {
	it.each([
		['All Reports, the default', ['all']],
		['All Reports next to statuses', ['all', 'failed']],
		['an empty selection (saved before All Reports existed)', []],
	])('lets every status through with %s', async (_label, events) => {
		const endpoint = await trigger({ events });
		await sim.pushDlr(endpoint.url, { style: 'jsonArray', reports: REPORTS });
		expect(endpoint.executions.map((call) => call.items)).toEqual([ITEMS]);
	});

	it('keeps only the chosen statuses', async () => {
		const endpoint = await trigger({ events: ['failed', 'expired'] });
		await sim.pushDlr(endpoint.url, { style: 'jsonArray', reports: REPORTS });
		expect(endpoint.executions.map((call) => call.items)).toEqual([[ITEMS[1]]]);
	});

	it('answers 200 and starts nothing when every report is filtered out', async () => {
		const endpoint = await trigger({ events: ['rejected'] });
		const pushes = await sim.pushDlr(endpoint.url, { style: 'form', reports: REPORTS });
		expect(pushes.map((push) => [push.status, push.responseBody])).toEqual([
			[200, '{"message":"Webhook call received"}'],
			[200, '{"message":"Webhook call received"}'],
		]);
		expect(endpoint.executions).toEqual([]);
	});
});

describe('deduplication', () => {
	const dedupe = { options: { deduplicate: true } };

	it('drops a report already received in an earlier request', async () => {
		const endpoint = await trigger(dedupe);
		await sim.pushDlr(endpoint.url, { style: 'json', reports: [REPORTS[0]] });
		const again = await sim.pushDlr(endpoint.url, { style: 'query', reports: [REPORTS[0], REPORTS[1]] });
		expect(again.map((push) => push.status)).toEqual([200, 200]);
		expect(endpoint.calls).toHaveLength(3);
		expect(endpoint.executions.map((call) => call.items[0].mobile)).toEqual(['919765600001', '919765600002']);
	});

	it('lets a new status for the same message through', async () => {
		const endpoint = await trigger(dedupe);
		await sim.pushDlr(endpoint.url, { style: 'json', reports: [{ ...REPORTS[0], status: 'ACCEPTD' }] });
		await sim.pushDlr(endpoint.url, { style: 'json', reports: [REPORTS[0]] });
		expect(endpoint.executions.map((call) => call.items[0].status)).toEqual(['pending', 'delivered']);
	});

	it('drops repeats inside one batch and keeps the rest', async () => {
		const endpoint = await trigger(dedupe);
		await sim.pushDlr(endpoint.url, { style: 'jsonArray', reports: [REPORTS[0], REPORTS[0], REPORTS[1]] });
		expect(endpoint.executions.map((call) => call.items)).toEqual([ITEMS]);
	});

	it('keeps apart two messages to one number that only their message ids tell apart', async () => {
		const endpoint = await trigger(dedupe);
		const post = async (body: unknown) =>
			await fetch(endpoint.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		await post(ntapiPush({ messageId: 'msg-A' }));
		await post(ntapiPush({ messageId: 'msg-B' }));
		await post(ntapiPush({ messageId: 'msg-A' }));
		await post(batchPush([{ messageId: 'm1' }, { messageId: 'm2' }, { messageId: 'm1' }]));
		expect(endpoint.executions.map((call) => call.items.map((item) => item.messageIds))).toEqual([
			[['msg-A']],
			[['msg-B']],
			[['m1'], ['m2']],
		]);
	});

	it('does not drop anything when it is off', async () => {
		const endpoint = await trigger();
		await sim.pushDlr(endpoint.url, { style: 'json', reports: [REPORTS[0], REPORTS[0]] });
		expect(endpoint.executions).toHaveLength(2);
	});

	it('remembers per trigger: another workflow still receives the report', async () => {
		const first = await trigger(dedupe);
		const second = await trigger(dedupe);
		await sim.pushDlr(first.url, { style: 'json', reports: [REPORTS[0]] });
		await sim.pushDlr(second.url, { style: 'json', reports: [REPORTS[0]] });
		expect([first.executions.length, second.executions.length]).toEqual([1, 1]);
	});
});

describe('bad requests', () => {
	const post = async (url: string, contentType: string | null, body?: string) =>
		await fetch(url, { method: 'POST', headers: contentType ? { 'Content-Type': contentType } : {}, body });

	it.each([
		['an empty POST', null, undefined, 'Empty request: no delivery report in the query string or body'],
		['broken JSON sent as text', 'text/plain', '{"sms_shoot_id": "S1", ', 'Body is not valid JSON'],
		['plain words', 'text/plain', 'delivered, thanks', 'Body is not JSON, form data or an SMPP receipt'],
		['JSON without report fields', 'application/json', '{"hello":"world"}', 'No delivery report found: expected a shoot id or a number'],
		['an empty JSON array', 'application/json', '[]', 'No delivery report found: expected a shoot id or a number'],
	])('%s gets 400 with a short reason and starts nothing', async (_label, contentType, body, reason) => {
		const endpoint = await trigger();
		const response = await post(endpoint.url, contentType, body);
		expect([response.status, await response.text()]).toEqual([400, reason]);
		expect(endpoint.executions).toEqual([]);
	});

	it('a GET without any query gets 400', async () => {
		const endpoint = await trigger();
		const response = await fetch(endpoint.url);
		expect(response.status).toBe(400);
		expect(endpoint.executions).toEqual([]);
	});

	it('more than 50,000 reports in one request get 413', async () => {
		const endpoint = await trigger();
		const reports = Array.from({ length: 50_001 }, (_, i) => ({ id: `X${i}`, status: 'DELIVRD' }));
		const response = await post(endpoint.url, 'application/json', JSON.stringify(reports));
		expect([response.status, await response.text()]).toEqual([413, 'Too many reports in one request (more than 50000)']);
		expect(endpoint.executions).toEqual([]);
	});

	it('a body over 16 MB gets 413 from the trigger when n8n allows larger payloads', async () => {
		const endpoint = await trigger({}, { payloadSizeMaxMb: 32 });
		const body = JSON.stringify({ ...REPORTS[0], padding: 'x'.repeat(16 * 1024 * 1024) });
		const response = await post(endpoint.url, 'application/json', body);
		expect([response.status, await response.text()]).toEqual([413, 'Request body is larger than 16 MB']);
		expect(endpoint.executions).toEqual([]);
	});

	it('an unexpected failure answers 500 instead of throwing out of webhook()', async () => {
		const endpoint = await trigger({ events: '={{ { not: "a list" } }}' });
		const response = await post(endpoint.url, 'application/json', JSON.stringify(REPORTS[0]));
		expect([response.status, await response.text()]).toEqual([500, 'Could not process the delivery report request']);
		expect(endpoint.calls.map((call) => [call.executed, call.thrown])).toEqual([[false, undefined]]);
	});
});

it('1,000 reports in one POST are one execution with 1,000 items in order', async () => {
	const endpoint = await trigger();
	const reports = Array.from({ length: 1000 }, (_, i) => ({
		sms_shoot_id: 'BULK-1',
		mobile: String(919800000000 + i),
		status: i % 10 === 0 ? 'Absent Subscriber' : 'Handset Delivered',
	}));
	const pushes = await sim.pushDlr(endpoint.url, { style: 'jsonArray', reports });
	expect(pushes.map((push) => push.status)).toEqual([200]);
	expect(endpoint.calls).toHaveLength(1);
	const [execution] = endpoint.executions;
	expect(execution.items).toHaveLength(1000);
	expect(execution.items.map((item) => item.mobile)).toEqual(reports.map((r) => r.mobile));
	expect(execution.items.filter((item) => item.status === 'failed')).toHaveLength(100);
	expect(execution.items.filter((item) => item.status === 'delivered')).toHaveLength(900);
});

describe('node versions', () => {
	it('version 2 reads a body n8n left unparsed (a POST without a content type)', async () => {
		const endpoint = await trigger({}, { typeVersion: 2 });
		const response = await fetch(endpoint.url, { method: 'POST', body: Buffer.from(JSON.stringify(REPORTS)) });
		expect(response.status).toBe(200);
		expect(endpoint.executions.flatMap((call) => call.items)).toEqual(ITEMS);
	});

	it.each([1, 2] as const)('version %i turns the same form post into the same items', async (typeVersion) => {
		const endpoint = await trigger({}, { typeVersion });
		const response = await fetch(endpoint.url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(REPORTS[0]).toString(),
		});
		expect(response.status).toBe(200);
		expect(endpoint.executions.flatMap((call) => call.items)).toEqual([ITEMS[0]]);
	});
});
