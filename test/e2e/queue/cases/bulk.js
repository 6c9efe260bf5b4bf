'use strict';
// Case 2: sendBulk with 100,000 mapped items (a Code node makes them) runs on a worker: two
// POSTs of 50,000 at the simulator, and every item comes back with the shoot id of its POST.
// Items are read from n8n's execution_data in Postgres (not stdout); the size of that record and
// the time to write and read it are printed.
const { assert, assertFields } = require('../../lib/checks');
const { formatMs } = require('../../lib/proc');
const { WF } = require('../workflows');
const { postJson, assertRunByWorker, simRequests } = require('./util');

const PROVIDER_LIMIT = 50000;

function expectedMobile(i) {
	return String(919800000000 + i);
}

async function runBulkCase({ stack, runner, prefix, count }) {
	const { sim } = stack;
	const figures = { count };
	await runner.check(`${prefix} 2. sendBulk of ${count.toLocaleString('en-US')} mapped items on a worker: ${Math.ceil(count / PROVIDER_LIMIT)} requests, every item back with its shoot id (execution_data)`, async () => {
		await sim.reset();
		const afterId = await stack.lastExecutionId();
		const posted = Date.now();
		const answer = await postJson(stack.url('webhook1', WF.bulk), { count });
		assert.equal(answer.status, 200, `webhook1 answered ${answer.status} ${answer.text}`);
		await stack.waitForExecutions(WF.bulk.id, 1, { afterId, timeoutMs: 20 * 60 * 1000 });
		figures.untilStoppedMs = Date.now() - posted;
		const [size] = await stack.db.query(
			`SELECT e.id::int AS id, octet_length(d.data)::bigint AS bytes,
			 extract(epoch FROM (e."stoppedAt" - e."startedAt")) * 1000 AS "runMs",
			 extract(epoch FROM (e."startedAt" - e."createdAt")) * 1000 AS "queuedMs"
			 FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id
			 WHERE e."workflowId" = $1 AND e.id > $2`,
			[WF.bulk.id, afterId],
		);
		assert.ok(size, 'no execution_data row saved for the bulk execution');
		Object.assign(figures, { bytes: Number(size.bytes), runMs: Number(size.runMs), queuedMs: Number(size.queuedMs) });
		let s = Date.now();
		const [execution] = await stack.executions(WF.bulk.id, { afterId, withData: true });
		figures.readMs = Date.now() - s;
		assertFields(execution, { mode: 'webhook', status: 'success' }, `execution ${execution.id}`);
		await assertRunByWorker(stack, execution.id, 'webhook1');

		const sends = await simRequests(sim, 'send');
		const batches = Math.ceil(count / PROVIDER_LIMIT);
		assert.equal(sends.length, batches, `simulator received ${sends.length} send requests, expected ${batches}`);
		const sentMobiles = sends.map((r) => JSON.parse(r.form.bulk_campaigm).map((m) => m.mobile));
		sentMobiles.forEach((mobiles, b) => {
			const size = Math.min(PROVIDER_LIMIT, count - b * PROVIDER_LIMIT);
			assert.equal(mobiles.length, size, `request ${b + 1} carried ${mobiles.length} messages`);
			for (let j = 0; j < size; j++) assert.equal(mobiles[j], expectedMobile(b * PROVIDER_LIMIT + j), `request ${b + 1}, message ${j}`);
		});

		const out = execution.nodes['SMS Handover'];
		assert.ok(out && !out.error, `SMS Handover node: ${out ? out.error : 'did not run'}`);
		assert.equal(out.items.length, count, `SMS Handover output ${out.items.length} items`);
		const shootIds = [];
		out.items.forEach((item, i) => {
			const b = Math.floor(i / PROVIDER_LIMIT);
			if (!shootIds[b]) shootIds[b] = item.shootId;
			if (item.success !== true || item.mobile !== expectedMobile(i) || item.shootId !== shootIds[b] || item.batch !== b + 1) {
				assert.fail(`item ${i}: ${JSON.stringify(item)} (expected mobile ${expectedMobile(i)}, shoot id ${shootIds[b]}, batch ${b + 1})`);
			}
			const paired = out.pairedItems[i];
			if (!paired || paired.item !== i) assert.fail(`item ${i} is paired with ${JSON.stringify(paired)}`);
		});
		assert.equal(new Set(shootIds).size, batches, `shoot ids ${JSON.stringify(shootIds)}`);
		// The shoot ids are the simulator's: its getDLR rows ({MSISDN, DLR, DESC}, as the panel answers) list each one's recipients, in order.
		for (const [b, shootId] of shootIds.entries()) {
			const reports = await sim.call('GET', `/miscapi/${encodeURIComponent(sim.apiKey)}/getDLR/${shootId}`);
			assert.deepEqual(reports.map((r) => String(r.MSISDN)), sentMobiles[b], `recipients of shoot id ${shootId}`);
		}
		stack.log(
			`bulk figures: ${count} items, POST → execution saved as finished ${formatMs(figures.untilStoppedMs)} ` +
				`(in queue ${formatMs(Math.round(figures.queuedMs))}, startedAt → stoppedAt ${formatMs(Math.round(figures.runMs))}), ` +
				`execution_data ${(figures.bytes / 1048576).toFixed(1)} MiB, read + parse from Postgres ${formatMs(figures.readMs)}`,
		);
	});
	return figures;
}

module.exports = { runBulkCase };
