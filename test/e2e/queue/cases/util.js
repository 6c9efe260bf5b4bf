'use strict';
const { assert } = require('../../lib/checks');

async function postJson(url, body, { timeoutMs = 60000 } = {}) {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(timeoutMs),
	});
	return { status: res.status, text: await res.text() };
}

/**
 * From the logs: `receiver` (a webhook process or the main; null: any one process) logged
 * "Enqueued execution N" and exactly one worker started and finished it. Returns the attribution.
 * A process logs after it wrote the database, so the lines may come a moment after the row.
 */
async function assertRunByWorker(stack, executionId, receiver, { timeoutMs = 15000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let who = stack.whoHandled(executionId);
	while ((who.enqueuedBy.length === 0 || who.finishedBy.length === 0) && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 250));
		who = stack.whoHandled(executionId);
	}
	const roles = Object.fromEntries(stack.allProcesses.map((p) => [p.name, p.role]));
	if (receiver) assert.deepEqual(who.enqueuedBy, [receiver], `execution ${executionId} enqueued by ${JSON.stringify(who.enqueuedBy)}, expected ${receiver}`);
	else assert.equal(who.enqueuedBy.length, 1, `execution ${executionId} enqueued by ${JSON.stringify(who.enqueuedBy)}`);
	assert.equal(who.startedBy.length, 1, `execution ${executionId} started by ${JSON.stringify(who.startedBy)}`);
	assert.deepEqual(who.finishedBy, who.startedBy, `execution ${executionId} finished by ${JSON.stringify(who.finishedBy)}`);
	assert.equal(roles[who.finishedBy[0]], 'worker', `execution ${executionId} ran on ${who.finishedBy[0]}, not a worker`);
	return who;
}

/** Requests the simulator recorded for one endpoint, without raw bodies (big bulks). */
function simRequests(sim, endpoint) {
	return sim.call('GET', `/__sim/requests?endpoint=${encodeURIComponent(endpoint)}&bodies=false`);
}

module.exports = { postJson, assertRunByWorker, simRequests };
