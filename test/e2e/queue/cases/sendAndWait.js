'use strict';
// Case 3 — PLACEHOLDER: "sendAndWaitForDelivery (push) resumes on a worker".
// The operation does not exist yet. While it is absent this prints a TODO line (neither pass nor
// fail); once the packed package contains it, the case FAILS until it is written here.
//
// What to build then (queue-mode facts from /work/shared/queue-mode.md and n8n's code):
//  1. Workflow: Webhook (POST, onReceived) → SMS Handover sms/sendAndWaitForDelivery, whose
//     dlrUrl is the execution's resume URL ($execution.resumeUrl = <N8N_WEBHOOK_URL>webhook-waiting/<id>,
//     i.e. webhook1 here), then a NoOp.
//  2. POST to webhook1; poll execution_entity until status = 'waiting' (the worker put it to wait:
//     "Worker finished execution N" while waiting, waitTill set).
//  3. Make the simulator push the report to the resume URL through webhook2 (the other process),
//     e.g. sim.pushDlr(url on :hook2 /webhook-waiting/<id>, 'json', [...]).
//  4. Assert: webhook2 logged "Enqueued execution <same id>", a worker logged a second
//     "Worker started execution <id>", status success, the node's item carries the delivery
//     status from the report (execution_data), and the simulator got exactly one send.
const fs = require('fs');
const path = require('path');

const OPERATION = 'sendAndWaitForDelivery';

function packageHasOperation(stack) {
	const dist = path.join(stack.n8n.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-smshandover', 'dist', 'nodes');
	const stackDirs = [dist];
	while (stackDirs.length) {
		const dir = stackDirs.pop();
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const file = path.join(dir, entry.name);
			if (entry.isDirectory()) stackDirs.push(file);
			else if (entry.name.endsWith('.js') && fs.readFileSync(file, 'utf8').includes(`'${OPERATION}'`)) return true;
		}
	}
	return false;
}

async function runSendAndWaitCase({ stack, runner, prefix }) {
	const label = `${prefix} 3. sendAndWaitForDelivery (push) resumes on a worker`;
	if (!packageHasOperation(stack)) {
		console.log(`TODO ${label}: the operation "${OPERATION}" does not exist in the package yet (placeholder in test/e2e/queue/cases/sendAndWait.js)`);
		return;
	}
	await runner.check(label, async () => {
		throw new Error(`the package now has "${OPERATION}": write this case (plan in test/e2e/queue/cases/sendAndWait.js)`);
	});
}

module.exports = { runSendAndWaitCase };
