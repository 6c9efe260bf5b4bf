// Send and Wait for Delivery through n8n's engine: the send, the waiting state, and webhook() on n8n's waiting-webhook path.
import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { startWaitingEndpoint, type WaitingEndpoint } from '../harness/waiting';
import { batchPush, nativePush, ntapiPush, type NativePushOverrides } from '../simulator';
import { API_KEY, credentialsFor, run, useSimulator, visibleText } from './fixtures';

const ctx = useSimulator({ dlr: { autoPush: false, delayMs: 0 } });
let waiting: WaitingEndpoint;
beforeEach(async () => {
	waiting = await startWaitingEndpoint({ credentials: credentialsFor(ctx.sim) });
});
afterEach(async () => await waiting.close());

const parameters = (overrides: IDataObject = {}): IDataObject => ({
	resource: 'sms',
	operation: 'sendAndWaitForDelivery',
	senderId: 'SMSHND',
	contacts: '+91 98765 43210',
	message: 'Your code is 4821',
	waitMethod: 'push',
	maxWaitMinutes: 60,
	options: {},
	...overrides,
});

/** Sends and leaves the execution waiting; returns what a test needs to talk to its resume URL. */
async function sendAndWait(overrides: IDataObject = {}) {
	const input = { orderId: 'A-17', nested: { keep: true } };
	const before = structuredClone(input);
	const params = parameters(overrides);
	const result = await run(ctx.sim, { parameters: params, items: [input], webhookWaitingBaseUrl: waiting.baseUrl });
	expect(result.error).toBeUndefined();
	expect(input).toEqual(before);
	waiting.waitOn(result, params);
	const send = ctx.sim.requests.find((request) => request.endpoint === 'send')!;
	const shootId = result.items[0].json.shootId as string;
	return { result, send, shootId, resumeUrl: String(send.form.dlr_url) };
}

const post = async (url: string, body: unknown) =>
	await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** The panel's native push of one report (delivered unless `overrides` say otherwise). */
const pushOf = (shootId: string, mobile: number, overrides: NativePushOverrides = {}) => nativePush({ shootId, mobile, ...overrides });

describe('push: sending and waiting', () => {
	it('sends with dlr_url = this execution\'s resume URL plus a random key, and waits with the timeout item in place', async () => {
		const { result, send, shootId, resumeUrl } = await sendAndWait();
		const url = new URL(resumeUrl);
		expect(`${url.origin}${url.pathname}`).toBe(`${waiting.baseUrl}/${result.executionId}`);
		const key = url.searchParams.get('smshWait')!;
		expect(key).toMatch(/^[0-9a-f]{32}$/);
		expect(send.form).toMatchObject({ key: API_KEY, senderid: 'SMSHND', contacts: '919876543210', msg: 'Your code is 4821' });

		const waitTill = result.run.data.waitTill as Date;
		expect(waitTill.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
		expect(result.items).toEqual([
			{ json: { status: 'pending', shootId, mobile: '919876543210', heldForApproval: false, waitUntil: waitTill.toISOString() }, pairedItem: { item: 0 } },
		]);
		// What n8n passes on if no report comes: the waiting stack entry's data.
		const stack = result.run.data.executionData!.nodeExecutionStack[0].data.main[0]!;
		expect(stack).toEqual([
			{
				json: expect.objectContaining({
					status: 'timeout',
					shootId,
					mobile: '919876543210',
					senderId: 'SMSHND',
					parts: 1,
					reason: `no report within Max Wait; the resume URL was on ${url.host}, which only a panel on this machine can reach (set WEBHOOK_URL or N8N_WEBHOOK_URL)`,
					waitMethod: 'push',
					waitUntil: waitTill.toISOString(),
					waitKeyHash: createHash('sha256').update(key).digest('hex'),
				}),
				pairedItem: { item: 0 },
			},
		]);
		// The editor shows this above the waiting node's output (the log line alone went unseen).
		expect(result.run.data.resultData.runData['SMS Handover'][0].hints).toEqual([
			{
				type: 'warning',
				location: 'outputPane',
				message: `Send and Wait for Delivery gives SMS Handover a resume URL on ${url.host}, which the panel cannot reach. Set WEBHOOK_URL (n8n 1.x) or N8N_WEBHOOK_URL (2.x) to n8n's public address, on every process that runs executions. (A local sandbox can reach it.)`,
			},
		]);
		expect(JSON.stringify(result.run.data)).not.toContain(key);
		expect(visibleText(result)).not.toContain(API_KEY);
	});

	it('gives no hint and the plain timeout reason when n8n\'s resume URL is public', async () => {
		const params = parameters();
		const result = await run(ctx.sim, { parameters: params, webhookWaitingBaseUrl: 'https://n8n.example.com/webhook-waiting' });
		expect(result.error).toBeUndefined();
		expect(String(ctx.sim.requests[0].form.dlr_url)).toMatch(/^https:\/\/n8n\.example\.com\/webhook-waiting\//);
		expect(result.run.data.resultData.runData['SMS Handover'][0].hints).toEqual([]);
		const stack = result.run.data.executionData!.nodeExecutionStack[0].data.main[0]!;
		expect(stack[0].json.reason).toBe('no report within Max Wait');
	});

	it('resumes with the normalised report when the panel pushes its final report', async () => {
		const { shootId } = await sendAndWait();
		const pushes = await ctx.sim.deliver(shootId, { outcome: 'failed' });
		expect(pushes.map((push) => [push.status, push.responseBody])).toEqual([[200, '']]);
		expect(waiting.resumes).toHaveLength(1);
		expect(waiting.resumes[0].items).toEqual([
			expect.objectContaining({ shootId, mobile: '919876543210', status: 'failed', providerStatus: 'FAILED', reason: 'UNDELIV', senderId: 'SMSHND' }),
		]);
	});

	it('fills what the push leaves out (the panel may lose its shoot id and sender) from what the node knew', async () => {
		const { shootId, resumeUrl } = await sendAndWait();
		await post(resumeUrl, pushOf(shootId, 919876543210, { shootId: null, senderId: null }));
		expect(waiting.resumes[0].items).toEqual([expect.objectContaining({ shootId, senderId: 'SMSHND', parts: 1, status: 'delivered' })]);
	});

	it('resumes at most once when the same report comes twice', async () => {
		const { shootId, resumeUrl } = await sendAndWait();
		const answers = await Promise.all([post(resumeUrl, pushOf(shootId, 919876543210)), post(resumeUrl, pushOf(shootId, 919876543210))]);
		expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
		expect(waiting.resumes).toHaveLength(1);
	});

	it.each([
		['another shoot id', (shootId: string) => pushOf(`${shootId}X`, 919876543210)],
		['another number', (shootId: string) => pushOf(shootId, 919800000001)],
		['a report that is not final', (shootId: string) => pushOf(shootId, 919876543210, { dlr: '', reply: 'ACCEPTD' })],
		['a batch without its report', (shootId: string) => batchPush([{ shootId, mobile: 919800000001 }, { shootId: 'other', mobile: 919876543210 }])],
	])('answers %s with 200 and keeps waiting', async (_label, body) => {
		const { shootId, resumeUrl } = await sendAndWait();
		const answer = await post(resumeUrl, body(shootId));
		expect(answer.status).toBe(200);
		expect(waiting.resumes).toHaveLength(0);
	});

	it('finds its report in the panel\'s batch array', async () => {
		const { shootId, resumeUrl } = await sendAndWait();
		await post(resumeUrl, batchPush([{ shootId: 'other', mobile: 919800000001 }, { shootId, mobile: 919876543210 }]));
		expect(waiting.resumes.map((call) => call.items.map((item) => [item.shootId, item.status]))).toEqual([[[shootId, 'delivered']]]);
	});

	it.each([
		['no key', (url: URL) => url.searchParams.delete('smshWait')],
		['a wrong key', (url: URL) => url.searchParams.set('smshWait', '0'.repeat(32))],
		[
			'the key twice, the first wrong',
			(url: URL) => {
				const key = url.searchParams.get('smshWait')!;
				url.searchParams.set('smshWait', 'x');
				url.searchParams.append('smshWait', key);
			},
		],
	])('refuses a request with %s (403) and resumes nothing', async (_label, forge) => {
		const { shootId, resumeUrl } = await sendAndWait();
		const url = new URL(resumeUrl);
		forge(url);
		const answer = await post(url.toString(), pushOf(shootId, 919876543210));
		expect([answer.status, await answer.text()]).toEqual([403, 'Forbidden: wrong or missing key']);
		expect(waiting.resumes).toHaveLength(0);
	});

	it('resumes on the panel\'s ntapi push, which names the number but no shoot id', async () => {
		const { resumeUrl } = await sendAndWait();
		await post(resumeUrl, ntapiPush({ mobile: '919876543210', messageId: 'x1', reply: 'UNDELIV' }));
		expect(waiting.resumes.map((call) => call.items.map((item) => [item.mobile, item.status]))).toEqual([[['919876543210', 'failed']]]);
	});

	it('reads the report with getDLR when the panel pushes an empty object', async () => {
		ctx.sim.configure({ dlr: { style: 'empty' } });
		const { shootId } = await sendAndWait();
		const pushes = await ctx.sim.deliver(shootId);
		expect(pushes.map((push) => [push.body, push.status])).toEqual([['{}', 200]]);
		expect(ctx.sim.requests.filter((request) => request.endpoint === 'dlr')).toHaveLength(1);
		expect(waiting.resumes.map((call) => call.items)).toEqual([
			[expect.objectContaining({ shootId, mobile: '919876543210', status: 'delivered', providerStatus: 'Delivered', reason: 'Handset Delivered' })],
		]);
	});

	it('asks the panel to post an empty object again while getDLR is not final yet', async () => {
		const { resumeUrl } = await sendAndWait();
		const answer = await post(resumeUrl, {});
		expect([answer.status, await answer.text()]).toEqual([503, 'The delivery report is not final yet']);
		expect(waiting.resumes).toHaveLength(0);
	});
});

describe('poll', () => {
	it('sends without dlr_url and pulls getDLR until the report is final', async () => {
		ctx.sim.configure({ dlr: { autoPush: true, delayMs: 500 } });
		const result = await run(ctx.sim, { parameters: parameters({ waitMethod: 'poll' }) });
		expect(result.error).toBeUndefined();
		const send = ctx.sim.requests.find((request) => request.endpoint === 'send')!;
		expect(send.form.dlr_url).toBeUndefined();
		expect(ctx.sim.requests.filter((request) => request.endpoint === 'dlr').length).toBeGreaterThanOrEqual(1);
		expect(result.items).toEqual([
			{
				json: expect.objectContaining({ shootId: expect.any(String), mobile: '919876543210', status: 'delivered', providerStatus: 'Delivered' }),
				pairedItem: { item: 0 },
			},
		]);
	});

	it('fills the pulled report from what the send knew, and says in a hint what stays empty', async () => {
		ctx.sim.configure({ dlr: { autoPush: true, delayMs: 500 } });
		const result = await run(ctx.sim, { parameters: parameters({ waitMethod: 'poll' }) });
		expect(result.items[0].json).toMatchObject({ status: 'delivered', senderId: 'SMSHND', parts: 1, deliveredAt: null, route: null });
		expect(result.items[0].json.sentAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
		expect(result.run.data.resultData.runData['SMS Handover'][0].hints).toEqual([
			{
				type: 'info',
				location: 'outputPane',
				message: 'Wait Method "Poll" reads the panel\'s pulled report (getDLR), which has no deliveredAt and route: null here. Wait Method "Push" receives the full report.',
			},
		]);
	});
});

describe('before anything is sent', () => {
	it.each([
		[{ contacts: '919876543210, 919812345678' }, 'Item 1, field "contacts": has 2 numbers; Send and Wait for Delivery sends to exactly one'],
		[{ maxWaitMinutes: 0 }, 'Item 1, field "maxWaitMinutes": must be from 1 to 10080 minutes (7 days)'],
		[{ waitMethod: 'carrier pigeon' }, 'Item 1, field "waitMethod": "carrier pigeon" is not push or poll'],
		[{ contacts: 'call me' }, 'Item 1, field "contacts": "call me" is not a phone number'],
	])('%p is refused', async (overrides, message) => {
		const result = await run(ctx.sim, { parameters: parameters(overrides), webhookWaitingBaseUrl: waiting.baseUrl });
		expect(result.error?.message).toBe(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	it('more than one input item is refused, each item paired with the error under continueOnFail', async () => {
		const result = await run(ctx.sim, { parameters: parameters(), items: [{}, {}], continueOnFail: true, webhookWaitingBaseUrl: waiting.baseUrl });
		expect(result.items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Send and Wait for Delivery handles one input item per execution; it received 2', { item: 0 }],
			['Send and Wait for Delivery handles one input item per execution; it received 2', { item: 1 }],
		]);
		expect(ctx.sim.requests).toHaveLength(0);
		expect(result.run.data.waitTill).toBeUndefined();
	});

	it('a dry run shows the request and does not wait', async () => {
		const result = await run(ctx.sim, { parameters: parameters({ options: { dryRun: true } }), webhookWaitingBaseUrl: waiting.baseUrl });
		expect(result.items[0].json).toMatchObject({ dryRun: true, segments: 1, waitMethod: 'push', maxWaitMinutes: 60, request: { contacts: '919876543210' } });
		expect(ctx.sim.requests).toHaveLength(0);
		expect(result.run.data.waitTill).toBeUndefined();
	});

	it('the balance guard refuses before sending', async () => {
		ctx.sim.configure({});
		const result = await run(ctx.sim, {
			parameters: parameters({ options: { balanceGuard: true, creditsPerSegment: 1_000_000, routeId: '1' } }),
			webhookWaitingBaseUrl: waiting.baseUrl,
		});
		expect(result.error?.message).toMatch(/^Balance Guard: these messages need 1,000,000 credits on route 1 \(Transactional\), which has /);
		expect(ctx.sim.requests.map((request) => request.endpoint)).toEqual(['balance']);
	});
});
