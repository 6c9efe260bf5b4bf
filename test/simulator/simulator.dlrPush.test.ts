// DLR pushes in the raw styles (the simulator's earlier guessed shapes): after a send with dlr_url, and pushDlr().
import { delay } from '../harness/timers';
import { startSimulator, type Simulator } from './index';
import { API_KEY, closedPort, get, parse, postJson, send, startReceiver } from './testUtils';

let sim: Simulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
	sim = await startSimulator({ apiKey: API_KEY, dlr: { style: 'json', delayMs: 5, status: 'DELIVRD' } });
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

const CONTACTS = '919765600001,919765600002';
const DELIVERED_AT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

async function sendWithDlr(dlrUrl: string): Promise<string> {
	return parse(await send(sim, { contacts: CONTACTS, msg: 'x', dlr_url: dlrUrl })).sms_shoot_id;
}

const report = (shootId: string, mobile: string) => ({
	sms_shoot_id: shootId,
	mobile,
	status: 'DELIVRD',
	delivered_at: expect.stringMatching(DELIVERED_AT),
	error_code: '000',
});

it('json: one POST with a JSON object per recipient, after delayMs', async () => {
	sim.configure({ dlr: { delayMs: 100 } });
	const sentAt = Date.now();
	const shootId = await sendWithDlr(`${receiver.url}/dlr`);
	expect(sim.dlrPushes).toHaveLength(0);
	const pushes = await sim.waitForDlrPushes(2, 2000);
	expect(pushes.map((p) => [p.method, p.contentType, p.status, p.error])).toEqual([
		['POST', 'application/json', 200, null],
		['POST', 'application/json', 200, null],
	]);
	expect(pushes[0].at - sentAt).toBeGreaterThanOrEqual(95);
	const bodies = receiver.received.map((r) => JSON.parse(r.body)).sort((a, b) => a.mobile.localeCompare(b.mobile));
	expect(bodies).toEqual([report(shootId, '919765600001'), report(shootId, '919765600002')]);
	expect(receiver.received.every((r) => r.url === '/dlr' && r.contentType === 'application/json')).toBe(true);
});

it('jsonArray: one POST carrying every report of the submission', async () => {
	sim.configure({ dlr: { style: 'jsonArray' } });
	const shootId = await sendWithDlr(`${receiver.url}/dlr`);
	await sim.waitForDlrPushes(1, 2000);
	expect(receiver.received).toHaveLength(1);
	expect(JSON.parse(receiver.received[0].body)).toEqual([report(shootId, '919765600001'), report(shootId, '919765600002')]);
});

it('form: one urlencoded POST per recipient', async () => {
	sim.configure({ dlr: { style: 'form', status: 'UNDELIV', errorCode: '001' } });
	const shootId = await sendWithDlr(`${receiver.url}/hook`);
	await sim.waitForDlrPushes(2, 2000);
	expect(receiver.received.map((r) => r.contentType)).toEqual(['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded']);
	const fields = receiver.received.map((r) => Object.fromEntries(new URLSearchParams(r.body)));
	expect(fields.map((f) => f.mobile).sort()).toEqual(['919765600001', '919765600002']);
	expect(fields[0]).toMatchObject({ sms_shoot_id: shootId, status: 'UNDELIV', error_code: '001' });
	expect(fields[0].delivered_at).toMatch(DELIVERED_AT);
});

it('query: one GET per recipient, fields appended to the query the dlr_url already has', async () => {
	sim.configure({ dlr: { style: 'query' } });
	const shootId = await sendWithDlr(`${receiver.url}/webhook/dlr?token=s3cret`);
	const pushes = await sim.waitForDlrPushes(2, 2000);
	expect(pushes.every((p) => p.method === 'GET' && p.body === '' && p.contentType === null)).toBe(true);
	const urls = receiver.received.map((r) => new URL(r.url, 'http://x'));
	expect(urls.every((u) => u.pathname === '/webhook/dlr' && u.searchParams.get('token') === 's3cret')).toBe(true);
	expect(urls.map((u) => u.searchParams.get('sms_shoot_id'))).toEqual([shootId, shootId]);
	expect(urls.map((u) => u.searchParams.get('mobile')).sort()).toEqual(['919765600001', '919765600002']);
	expect(receiver.received.every((r) => r.method === 'GET' && r.body === '')).toBe(true);
});

it("getDLR 'legacy' and the push carry the same reports", async () => {
	sim.configure({ dlr: { getDlrStyle: 'legacy' } });
	const shootId = await sendWithDlr(`${receiver.url}/dlr`);
	await sim.waitForDlrPushes(2, 2000);
	const pulled = parse(await get(sim, `/miscapi/${API_KEY}/getDLR/${shootId}`));
	const pushed = receiver.received.map((r) => JSON.parse(r.body)).sort((a, b) => a.mobile.localeCompare(b.mobile));
	expect(pushed).toEqual(pulled);
});

it('records the target answer status and survives a target that is down', async () => {
	const down = `http://127.0.0.1:${await closedPort()}/dlr`;
	await sendWithDlr(down);
	const pushes = await sim.waitForDlrPushes(2, 2000);
	expect(pushes.map((p) => [p.url, p.status, typeof p.error])).toEqual([
		[down, null, 'string'],
		[down, null, 'string'],
	]);
	expect(parse(await send(sim, { contacts: '919765600001', msg: 'still up' })).result).toBe('success');
	const refusing = await startReceiver(401);
	try {
		const [push] = await sim.pushDlr(refusing.url, { style: 'json', reports: [{ status: 'DELIVRD' }] });
		expect([push.status, push.responseBody, push.error]).toEqual([401, 'NOPE', null]);
	} finally {
		await refusing.close();
	}
});

it('pushDlr sends arbitrary reports: 1,000 in one jsonArray request, or one request each', async () => {
	const reports = Array.from({ length: 1000 }, (_, i) => ({ msgid: `m${i}`, number: `91980000${String(i).padStart(4, '0')}`, dlr_status: 'Handset Delivered' }));
	const [arrayPush] = await sim.pushDlr(`${receiver.url}/batch`, { style: 'jsonArray', reports });
	expect(arrayPush.status).toBe(200);
	expect(receiver.received).toHaveLength(1);
	expect(JSON.parse(receiver.received[0].body)).toEqual(reports);

	receiver.received.length = 0;
	const each = await sim.pushDlr(`${receiver.url}/each`, { style: 'form', reports: reports.slice(0, 50) });
	expect(each).toHaveLength(50);
	expect(receiver.received).toHaveLength(50);
	expect(receiver.received.map((r) => new URLSearchParams(r.body).get('msgid')).sort()).toEqual(
		reports.slice(0, 50).map((r) => r.msgid).sort(),
	);
	expect(sim.dlrPushes).toHaveLength(51);
});

it('waitForDlrPushes rejects when too few pushes arrive in time', async () => {
	await expect(sim.waitForDlrPushes(1, 50)).rejects.toThrow('expected 1 DLR pushes within 50 ms, got 0');
});

it('control routes push DLRs and list the pushes made', async () => {
	const reply = await postJson(sim, '/__sim/push-dlr', { url: `${receiver.url}/c`, style: 'json', reports: [{ id: 'a', status: 'DELIVRD' }] });
	expect(parse(reply)).toEqual([expect.objectContaining({ url: `${receiver.url}/c`, method: 'POST', status: 200 })]);
	const listed = parse(await get(sim, '/__sim/dlr-pushes'));
	expect(listed).toEqual([expect.objectContaining({ body: '{"id":"a","status":"DELIVRD"}' })]);
	expect(receiver.received).toHaveLength(1);
});

it('close() cancels pushes that are still waiting for their delay', async () => {
	const slow = await startSimulator({ apiKey: API_KEY, dlr: { delayMs: 60000 } });
	await send(slow, { contacts: CONTACTS, msg: 'x', dlr_url: `${receiver.url}/never` }).catch(() => undefined);
	await slow.close();
	await delay(30);
	expect(slow.dlrPushes).toHaveLength(0);
	expect(receiver.received).toHaveLength(0);
});
