#!/usr/bin/env node
'use strict';
// `npm run sandbox`: a local SMS Handover API to point an n8n credential at.
// Options: --port, --key, --admin-key, --host, --latency, --settings (see test/simulator/cli.js).
const { runFromArgs } = require('../test/simulator/cli');

const defaults = { port: process.env.SANDBOX_PORT ?? 4010, key: 'sandbox-key' };

runFromArgs(process.argv.slice(2), defaults)
	.then((sim) => {
		process.stdout.write(
			[
				'SMS Handover sandbox (local simulator of the SMS Handover API) is running.',
				'',
				`  Base URL: ${sim.baseUrl}`,
				`  API key:  ${sim.apiKey}`,
				`  Admin key (unlimited balance): ${sim.adminKey}`,
				`  Control page: ${sim.baseUrl}/__sim/ui  (what it received; push a delivered, failed or rejected report, or an inbound SMS)`,
				'',
				'A first test report: open the SMS Handover Trigger, copy its Test URL (Webhook URLs) and add ?token=<your Webhook credential\'s secret>;',
				'click "Listen for test event" (n8n 2.x: "Execute step"), paste the URL into the control page, click Delivered. Or use the Production URL once the workflow is active.',
				'',
				'How to use it: in n8n, create an "SMS Handover API" credential with the Base URL and API key above,',
				'then use the SMS Handover node as usual. Messages are not really sent: the sandbox answers like the',
				'provider, keeps per-route balances (Transactional 100000, Promotional 5000), stores OTP codes and',
				'pushes delivery reports to any dlrUrl you give, shaped like the panel\'s (messages containing HOLDME are',
				'held for approval). Test controls: GET /__sim/requests (what it received), GET /__sim/otp/<reference>',
				'(the OTP it "sent"), GET /__sim/dlr-pushes, POST /__sim/deliver, POST /__sim/reset.',
				'Press Ctrl-C to stop.',
				'',
			].join('\n'),
		);
	})
	.catch((error) => {
		process.stderr.write(`sandbox: ${error.message}\n`);
		process.exit(1);
	});
