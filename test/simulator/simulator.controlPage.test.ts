// The sandbox's control page (GET /__sim/ui) and the routes it uses: the list of submissions, one report pushed
// on demand in the panel's shapes, and the inbound SMS it forwards with the README's template.
import { nativePush, ntapiPush, type SimSubmissionSummary } from './index';
import { describeAnswer, describeTarget, inboundUrl, maskToken } from './controlPageScript';
import { get, istDateString, parse, postJson, send, startReceiver, usePanelPush } from './testUtils';

const { ctx, sendTo } = usePanelPush();
const A = '919765600001';
const B = '919765600002';

const list = async (query: Record<string, string> = {}): Promise<SimSubmissionSummary[]> => parse(await get(ctx.sim, '/__sim/submissions', query));
const pushReport = (body: Record<string, unknown>) => postJson(ctx.sim, '/__sim/push-report', body);

describe('GET /__sim/submissions', () => {
	it('lists what was sent, newest first, with each recipient and where automatic reports go', async () => {
		const first = await sendTo(`${A},${B}`, 'first');
		const second = parse(await send(ctx.sim, { contacts: A, msg: 'second' })).sms_shoot_id;
		const held = parse(await send(ctx.sim, { contacts: B, msg: 'HOLDME please' })).sms_shoot_id;
		const listed = await list();
		expect(listed.map((s) => s.shootId)).toEqual([held, second, first]);
		expect(listed[2]).toEqual({
			shootId: first,
			owner: 'user',
			createdAt: ctx.sim.getSubmission(first)!.createdAt,
			senderId: 'DEMO',
			text: 'first',
			bulk: false,
			held: false,
			scheduledFor: '',
			dlrUrl: `${ctx.receiver.url}/dlr`,
			pushUrl: `${ctx.receiver.url}/dlr`,
			recipientCount: 2,
			recipients: [A, B].map((mobile, i) => ({
				mobile,
				smsId: ctx.sim.getSubmission(first)!.reports[i].smsId,
				outcome: 'delivered',
				final: false,
				pushed: false,
			})),
		});
		expect(listed[1]).toMatchObject({ dlrUrl: '', pushUrl: '', held: false });
		expect(listed[0]).toMatchObject({ held: true, text: 'HOLDME please' });
		expect((await list({ limit: '1' })).map((s) => s.shootId)).toEqual([held]);
		ctx.sim.configure({ defaultDlrUrl: 'http://127.0.0.1:9/default' });
		expect((await list())[1]).toMatchObject({ dlrUrl: '', pushUrl: 'http://127.0.0.1:9/default' });
	});

	it('lists 25 recipients of a bulk, each with its own text, and counts them all', async () => {
		const entries = Array.from({ length: 30 }, (_, i) => ({ mobile: `9198000000${String(i).padStart(2, '0')}`, msg: `Hello ${i}` }));
		const shootId = parse(await send(ctx.sim, { bulk_campaigm: JSON.stringify(entries) })).sms_shoot_id;
		const [summary] = await list();
		expect(summary).toMatchObject({ shootId, bulk: true, text: null, recipientCount: 30 });
		expect(summary.recipients).toHaveLength(25);
		expect(summary.recipients[24]).toMatchObject({ mobile: '919800000024', text: 'Hello 24' });
	});
});

describe('POST /__sim/push-report', () => {
	it.each([
		['delivered', 'DELIVERED', 'DELIVRD'],
		['failed', 'FAILED', 'UNDELIV'],
		['rejected', 'REJECTED', 'REJECTD'],
	])('native, %s: one POST of the body the panel builds, answered and recorded', async (outcome, word, reply) => {
		const shootId = await sendTo(`${A},${B}`, 'hi', '');
		const before = Date.now();
		const reply1 = await pushReport({ shootId, mobile: B, outcome, style: 'native', url: `${ctx.receiver.url}/hook?token=t0ken` });
		const after = Date.now();
		expect(reply1.status).toBe(200);
		const [record] = parse(reply1);
		expect(record).toMatchObject({ url: `${ctx.receiver.url}/hook?token=t0ken`, method: 'POST', status: 200, responseBody: 'OK', attempt: 1, error: null });
		expect(ctx.sim.dlrPushes).toEqual([record]);
		expect(ctx.receiver.received.map((r) => [r.method, r.url, r.contentType])).toEqual([['POST', '/hook?token=t0ken', 'application/json']]);
		const body = JSON.parse(ctx.receiver.received[0].body);
		const submission = ctx.sim.getSubmission(shootId)!;
		// The report's delivery time is when the button was pressed.
		const seconds = new Set([before, after].map((ms) => istDateString(ms)));
		expect(seconds).toContain(body.dlr[0].sms_delivery_time);
		expect(body).toEqual(
			nativePush({
				shootId,
				mobile: Number(B),
				sentTime: istDateString(submission.createdAt),
				senderId: 'DEMO',
				segments: 1,
				messageId: submission.reports[1].smsId,
				dlr: word,
				reply,
				deliveryTime: body.dlr[0].sms_delivery_time,
			}),
		);
	});

	it('batch: an array of one native object; ntapi: the DLVRREP object', async () => {
		const shootId = await sendTo(A, 'hi', '');
		const smsId = ctx.sim.getSubmission(shootId)!.reports[0].smsId;
		await pushReport({ shootId, mobile: A, outcome: 'failed', style: 'batch', url: `${ctx.receiver.url}/b` });
		await pushReport({ shootId, mobile: A, outcome: 'rejected', style: 'ntapi', url: `${ctx.receiver.url}/n` });
		const [batch, ntapi] = ctx.receiver.received.map((r) => JSON.parse(r.body));
		expect(batch).toHaveLength(1);
		expect(batch[0]).toMatchObject({ sms_shoot_id: shootId, mobile: Number(A), dlr: [{ message_id: smsId, dlr: 'FAILED', operator_reply: 'UNDELIV' }] });
		expect(ntapi).toEqual(ntapiPush({ mobile: Number(A), messageId: smsId, reply: 'REJECTD' }));
	});

	it('makes one attempt whatever the answer, and shows it (the page prints the status and body)', async () => {
		const refusing = await startReceiver(401);
		try {
			const shootId = await sendTo(A, 'hi', '');
			const [record] = parse(await pushReport({ shootId, mobile: A, outcome: 'delivered', style: 'native', url: `${refusing.url}/dlr?token=wrong` }));
			expect(record).toMatchObject({ status: 401, responseBody: 'NOPE', attempt: 1 });
			expect(refusing.received).toHaveLength(1);
			expect(describeAnswer(record)).toBe('answered HTTP 401: NOPE');
		} finally {
			await refusing.close();
		}
	});

	it('makes the report final with that outcome: getDLR says so, and no automatic push follows', async () => {
		const shootId = await sendTo(`${A},${B}`, 'hi');
		await pushReport({ shootId, mobile: A, outcome: 'failed', style: 'native', url: `${ctx.receiver.url}/page` });
		const rows = parse(await get(ctx.sim, `/miscapi/${ctx.sim.apiKey}/getDLR/${shootId}`));
		expect(rows[0]).toEqual({ MSISDN: A, DLR: 'Failed', DESC: 'Unavailable Sucscriber' });
		await ctx.sim.deliver(shootId);
		expect(ctx.receiver.received.map((r) => [r.url, JSON.parse(r.body).mobile])).toEqual([
			['/page', Number(A)],
			['/dlr', Number(B)],
		]);
		expect((await list())[0].recipients.map((r) => [r.outcome, r.final, r.pushed])).toEqual([
			['failed', true, true],
			['delivered', true, true],
		]);
	});

	it.each([
		[{ shootId: 'nope' }, /^unknown shoot id nope$/],
		[{ mobile: '919700000000' }, /^no recipient 919700000000 in /],
		[{ outcome: 'none' }, /^outcome must be one of delivered, failed, expired, rejected, invalid, /],
		[{ style: 'json' }, /^style must be one of native, batch, ntapi, empty, nested, nestedBatch/],
		[{ url: 'ftp://example.test/x' }, /^url must be an http:\/\/ or https:\/\/ URL/],
		[{ url: '' }, /^url must be an http/],
	])('refuses %j with 400 and pushes nothing', async (change, message) => {
		const shootId = await sendTo(A, 'hi', '');
		const reply = await pushReport({ shootId, mobile: A, outcome: 'delivered', style: 'native', url: `${ctx.receiver.url}/x`, ...change });
		expect(reply.status).toBe(400);
		expect(parse(reply).error).toMatch(message);
		expect(ctx.sim.dlrPushes).toEqual([]);
	});

	it('refuses a held campaign (the panel never reports one) and a body not sent as JSON', async () => {
		const held = parse(await send(ctx.sim, { contacts: A, msg: 'HOLDME' })).sms_shoot_id;
		const reply = await pushReport({ shootId: held, mobile: A, outcome: 'delivered', style: 'native', url: `${ctx.receiver.url}/x` });
		expect([reply.status, parse(reply).error]).toEqual([400, `${held} is held for approval: the panel pushes no report for it`]);
		const shootId = await sendTo(A, 'hi', '');
		// What a page elsewhere could post without a CORS preflight.
		const plain = await fetch(`${ctx.sim.baseUrl}/__sim/push-report`, {
			method: 'POST',
			headers: { 'Content-Type': 'text/plain' },
			body: JSON.stringify({ shootId, mobile: A, outcome: 'delivered', style: 'native', url: `${ctx.receiver.url}/x` }),
		});
		expect([plain.status, JSON.parse(await plain.text()).error]).toEqual([400, 'expected Content-Type: application/json']);
		expect(ctx.receiver.received).toEqual([]);
	});
});

describe('the inbound SMS the page forwards', () => {
	it.each([
		['http://n8n.test/webhook-test/abc/dlr?token=s3cret', 'http://n8n.test/webhook-test/abc/dlr?token=s3cret&from=%p&text=%r&to=%v&id=%i&time=%t&keyword=%m'],
		['http://n8n.test/webhook/abc/dlr', 'http://n8n.test/webhook/abc/dlr?from=%p&text=%r&to=%v&id=%i&time=%t&keyword=%m'],
		['  http://n8n.test/dlr?token=s3cret&from=old&x=1#top ', 'http://n8n.test/dlr?token=s3cret&x=1&from=%p&text=%r&to=%v&id=%i&time=%t&keyword=%m'],
		['http://n8n.test/dlr?', 'http://n8n.test/dlr?from=%p&text=%r&to=%v&id=%i&time=%t&keyword=%m'],
	])('inboundUrl(%j) merges the template into the query', (pasted, expected) => {
		expect(inboundUrl(pasted)).toBe(expected);
	});

	it("reaches the pasted URL with its token and the message's fields, as the Default MO URL", async () => {
		const [record] = parse(
			await postJson(ctx.sim, '/__sim/inbound', { from: '919812345678', to: '15550100', text: 'Yes please', defaultMoUrl: inboundUrl(`${ctx.receiver.url}/dlr?token=s3cret`) }),
		);
		expect(record).toMatchObject({ source: 'defaultMo', status: 200, keyword: 'YES' });
		const query = new URLSearchParams(ctx.receiver.received[0].url.split('?')[1]);
		expect([...query.keys()]).toEqual(['token', 'from', 'text', 'to', 'id', 'time', 'keyword']);
		expect(Object.fromEntries(query)).toMatchObject({ token: 's3cret', from: '919812345678', text: 'Yes please', to: '15550100', id: '', keyword: 'YES' });
	});
});

describe('the page helpers', () => {
	it('masks the token wherever it is in the query', () => {
		expect(maskToken('http://h/dlr?token=abc&x=1')).toBe('http://h/dlr?token=***&x=1');
		expect(maskToken('http://h/dlr?x=1&token=abc#f')).toBe('http://h/dlr?x=1&token=***#f');
		expect(maskToken('http://h/dlr?x=1')).toBe('http://h/dlr?x=1');
	});

	it('says what the pasted URL lacks or needs', () => {
		expect(describeTarget('')).toMatch(/^Paste the SMS Handover Trigger's Test URL or Production URL/);
		expect(describeTarget('localhost:5678/webhook/x/dlr')).toBe('This is not an http:// or https:// URL.');
		expect(describeTarget('http://h/webhook-test/x/dlr')).toMatch(/^No \?token= in this URL: .* Test URL: after each click on "Listen for test event" .* n8n takes one report, for 2 minutes/);
		expect(describeTarget('http://h/webhook/x/dlr?token=abc')).toBe('Production URL: the workflow must be active (published).');
	});

	it('describes an answer, an empty one and none', () => {
		expect(describeAnswer({ status: 200, responseBody: '' })).toBe('answered HTTP 200 (empty body)');
		expect(describeAnswer({ status: null, error: 'connect ECONNREFUSED 127.0.0.1:9' })).toBe('got no answer: connect ECONNREFUSED 127.0.0.1:9');
		expect(describeAnswer({ status: 404, responseBody: 'x'.repeat(400) })).toBe(`answered HTTP 404: ${'x'.repeat(300)}…`);
		// n8n's answer to a Test URL nobody listens on: its message and hint, not its stack trace.
		const notListening = { code: 404, message: 'The requested webhook "abc/dlr" is not registered.', hint: "Click the 'Execute workflow' button on the canvas, then try again.", stacktrace: 'ResponseError: …' };
		expect(describeAnswer({ status: 404, responseBody: JSON.stringify(notListening) })).toBe(
			`answered HTTP 404: The requested webhook "abc/dlr" is not registered. Click the 'Execute workflow' button on the canvas, then try again.`,
		);
		expect(describeAnswer({ status: 401, responseBody: 'Unauthorized: missing or wrong token' })).toBe('answered HTTP 401: Unauthorized: missing or wrong token');
	});
});
