'use strict';
// Checks (a): every operation of the SMS Handover node through `n8n execute`, asserting the
// output items and exactly what the simulator received.
const { assert, assertFields, assertNoSecret } = require('../lib/checks');
const { kolkataProviderTime, SENDER, MOBILE_A, MOBILE_B } = require('./actionWorkflows');

const FORM = 'application/x-www-form-urlencoded';

/** The one request of `endpoint` the simulator got, after checking there was exactly one request. */
function onlyRequest(requests, endpoint) {
	assert.equal(requests.length, 1, `expected 1 request, simulator got ${requests.length}: ${JSON.stringify(requests.map((r) => r.path))}`);
	assert.equal(requests[0].endpoint, endpoint, `request went to ${requests[0].endpoint}`);
	return requests[0];
}

/** Send-type requests: POST form to /smsapi/index, key only in the body. */
function assertSendRequest(req, key, expectedForm) {
	assert.equal(req.method, 'POST');
	assert.equal(req.path, '/smsapi/index');
	assert.ok(String(req.headers['content-type']).startsWith(FORM), `content-type ${req.headers['content-type']}`);
	assert.deepStrictEqual(req.query, {}, 'send must carry nothing in the query string (the key belongs in the body)');
	assert.deepStrictEqual(req.form, { key, ...expectedForm });
}

function nodeOf(result, name) {
	assert.ok(result.ok, `execution failed: ${result.error}`);
	const node = result.nodes[name];
	assert.ok(node, `no run data for node "${name}"; nodes: ${Object.keys(result.nodes).join(', ')}`);
	assert.equal(node.error, null, `node "${name}" failed: ${node.error}`);
	return node;
}

function assertPaired(node, expected) {
	assert.deepStrictEqual(node.pairedItems, expected.map((item) => ({ item })), 'pairedItem of each output item');
}

/**
 * Each entry: { key (workflow in actionWorkflows), label, before?(sim), verify(result, requests, ctx) }.
 * ctx: { sim, scheduleAt, startedAt }
 */
const ACTION_CHECKS = [
	{
		key: 'send',
		label: 'sms send: one form POST, contacts normalised and deduplicated',
		verify(result, requests, { sim }) {
			const node = nodeOf(result, 'SMS Handover');
			assert.equal(node.items.length, 1);
			const [item] = node.items;
			assert.match(String(item.shootId), /^\S+$/, 'shootId');
			assertFields(item, {
				success: true,
				contacts: [MOBILE_A, MOBILE_B],
				contactCount: 2,
				type: 'text',
				encoding: 'GSM-7',
				characters: 28,
				segments: 1,
			}, 'item');
			assertPaired(node, [0]);
			const req = onlyRequest(requests, 'send');
			assertSendRequest(req, sim.apiKey, {
				senderid: SENDER,
				type: 'text',
				campaign: '7',
				routeid: '1',
				contacts: `${MOBILE_A},${MOBILE_B}`,
				msg: 'Hello from the n8n e2e suite',
			});
			assertNoSecret(node.items, sim.apiKey, 'output');
		},
	},
	{
		key: 'schedule',
		label: 'sms schedule: future time sent as YYYY-MM-DD HH:MM in Asia/Kolkata',
		verify(result, requests, { sim, scheduleAt }) {
			const node = nodeOf(result, 'SMS Handover');
			const providerTime = kolkataProviderTime(scheduleAt);
			assertFields(node.items[0], { success: true, contacts: [MOBILE_A], providerTime, timeZone: 'Asia/Kolkata' }, 'item');
			assert.equal(Date.parse(node.items[0].scheduledAt), Date.parse(scheduleAt), 'scheduledAt');
			const req = onlyRequest(requests, 'send');
			assertSendRequest(req, sim.apiKey, { senderid: SENDER, type: 'text', time: providerTime, contacts: MOBILE_A, msg: 'Scheduled hello' });
		},
	},
	{
		key: 'sendBulk',
		label: 'sms sendBulk: 3 items → one POST with personalised bulk_campaigm JSON',
		verify(result, requests, { sim }) {
			const node = nodeOf(result, 'SMS Handover');
			assert.equal(node.items.length, 3);
			const shootIds = new Set(node.items.map((i) => i.shootId));
			assert.equal(shootIds.size, 1, 'all items carry the shoot id of their one request');
			const mobiles = [MOBILE_A, MOBILE_B, '919900112233'];
			node.items.forEach((item, i) => assertFields(item, { success: true, mobile: mobiles[i], batch: 1, batchCount: 1 }, `item ${i}`));
			assertPaired(node, [0, 1, 2]);
			const req = onlyRequest(requests, 'send');
			const { bulk_campaigm: bulk, ...rest } = req.form;
			assertSendRequest({ ...req, form: rest }, sim.apiKey, { senderid: SENDER, type: 'text', routeid: '2' });
			assert.deepStrictEqual(JSON.parse(bulk), [
				{ mobile: MOBILE_A, msg: 'Hi Asha, your order has shipped' },
				{ mobile: MOBILE_B, msg: 'Hi Ravi, your order has shipped' },
				{ mobile: '919900112233', msg: 'Hi Meera, your order has shipped' },
			]);
		},
	},
	{
		key: 'deliveryReport',
		label: 'deliveryReport get: GET getDLR/<shoot id of the send>, one item per recipient',
		// n8n 2.41 can pull the report within the simulator's default 20 ms "operator" delay.
		before: (sim) => sim.configure({ dlr: { delayMs: 0 } }),
		verify(result, requests, { sim }) {
			const sent = nodeOf(result, 'Send').items[0];
			const node = nodeOf(result, 'Get Report');
			assert.equal(requests.length, 2, `expected send + getDLR, got ${requests.map((r) => r.path).join(', ')}`);
			const dlr = requests[1];
			assert.equal(dlr.endpoint, 'dlr');
			assert.equal(dlr.method, 'GET');
			assert.equal(dlr.path, `/miscapi/${sim.apiKey}/getDLR/${sent.shootId}`);
			assert.equal(node.items.length, 2);
			node.items.forEach((item, i) => {
				// The panel's getDLR rows: {MSISDN, DLR, DESC}; they name no shoot id and no time.
				assertFields(
					item,
					{ shootId: sent.shootId, mobile: [MOBILE_A, MOBILE_B][i], status: 'delivered', providerStatus: 'Delivered', reason: 'Handset Delivered', deliveredAt: null },
					`report ${i}`,
				);
				assert.deepStrictEqual(item.raw, { MSISDN: [MOBILE_A, MOBILE_B][i], DLR: 'Delivered', DESC: 'Handset Delivered' });
			});
			assertPaired(node, [0, 0]);
			assertNoSecret(node.items, sim.apiKey, 'output');
		},
	},
	{
		key: 'balance',
		label: 'account getBalance: GET getBalance/true/, one item per route',
		async verify(result, requests, { sim }) {
			const node = nodeOf(result, 'SMS Handover');
			const routes = await sim.balances();
			assert.equal(node.items.length, routes.length);
			node.items.forEach((item, i) => {
				assert.equal(String(item.ROUTE_ID), String(routes[i].id));
				assert.equal(item.balance, routes[i].balance);
				assert.equal(typeof item.balance, 'number');
			});
			const req = onlyRequest(requests, 'balance');
			assert.equal(req.method, 'GET');
			assert.equal(req.path, `/miscapi/${sim.apiKey}/getBalance/true/`);
			assertNoSecret(node.items, sim.apiKey, 'output');
		},
	},
	{
		key: 'otp',
		label: 'otp send + verify: GET send-otp, code from the simulator, wrong code → verified false, right → true',
		verify(result, requests, { sim }) {
			const sent = nodeOf(result, 'OTP Send').items[0];
			assertFields(sent, { success: true, mobile: MOBILE_A, channelId: '3' }, 'otp send');
			assert.match(String(sent.reference), /\S/);
			const code = nodeOf(result, 'Read Code').items[0].otp;
			assertFields(nodeOf(result, 'Verify Wrong').items[0], { reference: sent.reference, verified: false, expired: false }, 'wrong code');
			assertFields(nodeOf(result, 'Verify Right').items[0], { reference: sent.reference, verified: true, expired: false }, 'right code');
			assert.equal(requests.length, 3, `expected 3 requests, got ${requests.map((r) => r.path).join(', ')}`);
			const [send, wrong, right] = requests;
			assertFields(send, { endpoint: 'otpSend', method: 'GET', path: '/send-otp/index' }, 'otp send request');
			assert.deepStrictEqual(send.query, { key: sim.apiKey, channel_id: '3', mobile: MOBILE_A });
			assertFields(wrong, { endpoint: 'otpVerify', method: 'GET', path: '/verify-otp/index' }, 'verify request');
			assert.notEqual(wrong.query.otp, code);
			assert.deepStrictEqual(right.query, { key: sim.apiKey, reference: sent.reference, otp: code });
		},
	},
	{
		key: 'errors',
		label: 'errors with continueOnFail: provider ERR and invalid number become paired error items',
		before: (sim) => sim.fail({ endpoint: 'send', mode: 'errText', message: 'Invalid Sender ID' }),
		verify(result, requests, { sim }) {
			const node = nodeOf(result, 'SMS Handover');
			assert.equal(node.items.length, 2);
			assert.match(String(node.items[0].error), /Invalid Sender ID/, 'provider message of item 0');
			// n8n's tables count items from 1: the second item is "Item 2" (its itemIndex stays 1).
			assert.match(String(node.items[1].error), /^Item 2, field "contacts": .*12ab/, 'the second item names itself and the bad value');
			assert.ok(!('shootId' in node.items[0]) && !('shootId' in node.items[1]), 'no shoot id on failed items');
			assertPaired(node, [0, 1]);
			// The invalid number is refused before any request: only the first item reached the provider.
			const req = onlyRequest(requests, 'send');
			assertSendRequest(req, sim.apiKey, { senderid: SENDER, type: 'text', contacts: MOBILE_A, msg: 'Will fail' });
			assertNoSecret(node.items, sim.apiKey, 'error items');
		},
	},
];

/** Runs the action checks on a prepared instance (workflows already imported). */
async function runActionChecks({ runner, n8n, sim, workflows, scheduleAt, prefix }) {
	for (const spec of ACTION_CHECKS) {
		await runner.check(`${prefix} ${spec.label}`, async () => {
			await sim.reset();
			if (spec.before) await spec.before(sim);
			const startedAt = Date.now();
			const result = await n8n.execute(workflows[spec.key].id);
			const requests = await sim.requests();
			await spec.verify(result, requests, { sim, scheduleAt, startedAt });
			assertNoSecret(result.stdout + result.stderr, sim.apiKey, 'n8n execute output');
		});
	}
}

module.exports = { runActionChecks, ACTION_CHECKS };
