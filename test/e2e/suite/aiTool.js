'use strict';
// Check (d): the SMS Handover node as a tool of n8n's AI Agent. n8n's own AI Agent (v3) and
// OpenAI Chat Model nodes run for real; the model is a local OpenAI-compatible server whose
// replies are scripted (lib/scriptedOpenAi.js). Two tools hang off the agent: "Check Balance"
// (account getBalance) and "Send SMS" (sms send, contacts and message from `$fromAI()`).
// The scripted model checks the balance, sends with values it chose, then answers with what the
// tools returned; the check follows those values through n8n, the simulator and back.
//
//   node test/e2e/suite/aiTool.js [1.123.79|2.41.1]    these two checks alone, on one version
const { assert, assertNoSecret } = require('../lib/checks');
const { credentialRef } = require('../lib/workflows');
const { startScriptedOpenAi, SCRIPTED_MODEL } = require('../lib/scriptedOpenAi');
const { DEV_OWNER } = require('../lib/owner');
const { SENDER, MOBILE_A, MOBILE_B } = require('./actionWorkflows');

const WORKFLOW_ID = 'e2eAiAgentTool01';
const TYPES = {
	agent: '@n8n/n8n-nodes-langchain.agent',
	openAiModel: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
	tool: 'n8n-nodes-smshandover.smsHandoverTool',
};
const PROMPT = 'Check that we still have SMS credit, then tell +91 98765-43210 and 919812345678 that their table is ready.';
// What the scripted model puts into the `$fromAI()` parameters of "Send SMS": the numbers as a
// person would type them, so the tool's normalisation is part of what the simulator must see.
const CHOSEN = { contacts: '+91 98765-43210, 919812345678', message: 'Your table for two is ready. See you at 8 pm!' };
const FROM_AI = {
	contacts: 'Mobile numbers with country code, separated by commas',
	message: 'Text of the SMS',
};
// Tool names n8n derives from the node names, and the descriptions it derives ("Set
// Automatically") from the operations' `action` strings.
const TOOLS = {
	Check_Balance: { node: 'Check Balance', description: 'Get the account balance in SMS Handover' },
	Send_SMS: { node: 'Send SMS', description: 'Send an SMS in SMS Handover' },
};
const CHECK_LABEL = 'AI Agent tool: scripted OpenAI model checks the balance, sends with $fromAI values, answers with the tool results';
const REGISTRATION_LABEL = 'AI Agent tool: n8n start lists smsHandoverTool (ai_tool output, tool description fields) for the editor';

function openAiCredential(baseUrl) {
	return { id: 'openAiScripted01', name: 'OpenAI (scripted e2e model)', type: 'openAiApi', data: { apiKey: 'sk-e2e-scripted', url: baseUrl } };
}

function aiToolWorkflow(smsCred, openAiCred) {
	const at = (x, y) => [x * 220, y * 200];
	const tool = (id, name, column, parameters) => ({ id, name, type: TYPES.tool, typeVersion: 1, position: at(column, 1), parameters, credentials: credentialRef(smsCred) });
	const nodes = [
		{ id: '0000a100-0000-4000-8000-000000000001', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: at(0, 0), parameters: {} },
		{
			id: '0000a100-0000-4000-8000-000000000002',
			name: 'AI Agent',
			type: TYPES.agent,
			typeVersion: 3,
			position: at(1, 0),
			parameters: { promptType: 'define', text: PROMPT, options: {} },
		},
		{
			id: '0000a100-0000-4000-8000-000000000004',
			name: 'OpenAI Chat Model',
			type: TYPES.openAiModel,
			typeVersion: 1.2,
			position: at(0, 1),
			parameters: { model: { __rl: true, mode: 'list', value: SCRIPTED_MODEL }, options: {} },
			credentials: { openAiApi: { id: openAiCred.id, name: openAiCred.name } },
		},
		tool('0000a100-0000-4000-8000-000000000003', TOOLS.Check_Balance.node, 1, { resource: 'account', operation: 'getBalance', options: {} }),
		tool('0000a100-0000-4000-8000-000000000005', TOOLS.Send_SMS.node, 2, {
			resource: 'sms',
			operation: 'send',
			senderId: SENDER,
			contacts: `={{ $fromAI('contacts', '${FROM_AI.contacts}', 'string') }}`,
			message: `={{ $fromAI('message', '${FROM_AI.message}', 'string') }}`,
			options: {},
		}),
	];
	const toAgent = (type) => [[{ node: 'AI Agent', type, index: 0 }]];
	return {
		id: WORKFLOW_ID,
		name: 'e2e AI Agent with the SMS Handover tool',
		active: false,
		nodes,
		connections: {
			'Manual Trigger': { main: toAgent('main') },
			'OpenAI Chat Model': { ai_languageModel: toAgent('ai_languageModel') },
			[TOOLS.Check_Balance.node]: { ai_tool: toAgent('ai_tool') },
			[TOOLS.Send_SMS.node]: { ai_tool: toAgent('ai_tool') },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The final answer the scripted model gives, from the two tool results (JSON arrays of items). */
function finalAnswer(balances, sent) {
	const credit = balances.map((r) => `${r.ROUTE} ${r.BALANCE}`).join(', ');
	const [s] = sent;
	return `Credit before sending: ${credit}. Sent to ${s.contacts.join(', ')} (${s.segments} part each), shoot ID ${s.shootId}.`;
}

/**
 * The model's side of the conversation, decided from what n8n sent: no tool result yet → call
 * Check_Balance; balance seen → call Send_SMS with CHOSEN; both seen → answer with them.
 */
function scriptedReply(body) {
	const offered = (body.tools || []).map((t) => t.function && t.function.name).sort();
	if (offered.join() !== Object.keys(TOOLS).sort().join()) throw new Error(`expected the tools ${Object.keys(TOOLS).join(', ')}, got ${offered.join(', ') || 'none'}`);
	const called = new Map();
	for (const m of body.messages || []) {
		for (const call of (m.role === 'assistant' && m.tool_calls) || []) called.set(call.id, call.function.name);
	}
	const results = {};
	for (const m of body.messages || []) {
		if (m.role === 'tool') results[called.get(m.tool_call_id)] = m.content;
	}
	if (!('Check_Balance' in results)) return { toolCalls: [{ name: 'Check_Balance', arguments: {} }] };
	if (!('Send_SMS' in results)) return { toolCalls: [{ name: 'Send_SMS', arguments: CHOSEN }] };
	return { content: finalAnswer(parseToolContent(results.Check_Balance), parseToolContent(results.Send_SMS)) };
}

function parseToolContent(content) {
	const text = typeof content === 'string' ? content : JSON.stringify(content);
	try {
		return JSON.parse(text);
	} catch {
		throw new Error(`a tool result is not the JSON of its items: ${text.slice(0, 300)}`);
	}
}

function startScriptedModel() {
	return startScriptedOpenAi({ reply: scriptedReply });
}

/** The one run of a tool node: what the agent gave it ($fromAI values) and what it returned. */
function toolRun(run, name) {
	const runs = run && run.data && run.data.resultData.runData[name];
	assert.ok(runs, `tool node "${name}" did not run`);
	assert.equal(runs.length, 1, `tool node "${name}" ran ${runs.length} times`);
	const [r] = runs;
	assert.equal(r.executionStatus, 'success', `tool node "${name}": ${r.error && r.error.message}`);
	const input = r.inputOverride.ai_tool[0].map((i) => i.json);
	const output = r.data.ai_tool[0].map((i) => i.json);
	return { input, output };
}

/** The content of the tool message answering the assistant's call to `toolName`, in one chat request. */
function toolMessage(body, toolName) {
	const ids = new Set();
	for (const m of body.messages) {
		for (const call of (m.role === 'assistant' && m.tool_calls) || []) if (call.function.name === toolName) ids.add(call.id);
	}
	const found = body.messages.filter((m) => m.role === 'tool' && ids.has(m.tool_call_id));
	assert.equal(found.length, 1, `expected one ${toolName} result in the chat request, found ${found.length}`);
	return parseToolContent(found[0].content);
}

function assertToolsOffered(body) {
	const byName = Object.fromEntries(body.tools.map((t) => [t.function.name, t.function]));
	for (const [name, spec] of Object.entries(TOOLS)) {
		assert.equal(byName[name].description, spec.description, `description of tool ${name}`);
	}
	const send = byName.Send_SMS.parameters;
	assert.deepStrictEqual(
		Object.fromEntries(Object.entries(send.properties).map(([k, v]) => [k, { type: v.type, description: v.description }])),
		{ contacts: { type: 'string', description: FROM_AI.contacts }, message: { type: 'string', description: FROM_AI.message } },
		'Send_SMS parameters: exactly the $fromAI() keys of the node',
	);
	assert.deepStrictEqual([...send.required].sort(), ['contacts', 'message']);
	assert.deepStrictEqual(Object.keys(byName.Check_Balance.parameters.properties || {}), [], 'Check_Balance takes no parameters');
}

/** Runs the check on a prepared instance (workflow and both credentials imported). */
async function runAiToolCheck({ runner, n8n, sim, model, prefix }) {
	await runner.check(`${prefix} ${CHECK_LABEL}`, async () => {
		await sim.reset();
		model.reset();
		const balancesBefore = await sim.balances();
		const result = await n8n.execute(WORKFLOW_ID);
		assert.ok(result.ok, `execution failed: ${result.error}`);
		assert.deepStrictEqual(model.otherRequests, [], 'unexpected requests to the scripted model');

		// n8n asked the model three times: prompt, + balance result, + send result.
		const chats = model.requests.map((r) => r.body);
		assert.equal(chats.length, 3, `the model was asked ${chats.length} times`);
		const user = chats[0].messages.filter((m) => m.role === 'user');
		assert.deepStrictEqual(user.map((m) => m.content), [PROMPT], 'the user prompt');
		for (const body of chats) assertToolsOffered(body);

		// The tool nodes ran with what the model chose, once each.
		const balance = toolRun(result.run, TOOLS.Check_Balance.node);
		const send = toolRun(result.run, TOOLS.Send_SMS.node);
		assert.equal(send.input.length, 1);
		const { toolCallId, ...fromAi } = send.input[0]; // 1.123 also passes the call id along
		assert.deepStrictEqual(fromAi, CHOSEN, 'Send SMS ran with the $fromAI() values the model chose');
		assert.ok(toolCallId === undefined || toolCallId === 'call_e2e_1_0', `toolCallId ${toolCallId}`);

		// The simulator received exactly what those values imply, and nothing else.
		const requests = await sim.requests();
		assert.deepStrictEqual(requests.map((r) => `${r.method} ${r.endpoint}`), ['GET balance', 'POST send'], 'requests at the simulator, in order');
		assert.deepStrictEqual(requests[1].query, {});
		assert.deepStrictEqual(requests[1].form, { key: sim.apiKey, senderid: SENDER, type: 'text', contacts: `${MOBILE_A},${MOBILE_B}`, msg: CHOSEN.message });

		// What the tools returned: the simulator's balances, then the send's result.
		assert.deepStrictEqual(
			balance.output.map((r) => ({ ROUTE_ID: r.ROUTE_ID, balance: r.balance })),
			balancesBefore.map((r) => ({ ROUTE_ID: String(r.id), balance: r.balance })),
			'Check Balance output = the simulator balances',
		);
		assert.equal(send.output.length, 1);
		const [sent] = send.output;
		assert.equal(sent.success, true);
		assert.deepStrictEqual(sent.contacts, [MOBILE_A, MOBILE_B]);
		assert.match(String(sent.shootId), /^\S+$/);

		// Those outputs reached the model in the following requests, and its final answer.
		assert.deepStrictEqual(toolMessage(chats[1], 'Check_Balance'), balance.output, 'balance result in the 2nd chat request');
		assert.deepStrictEqual(toolMessage(chats[2], 'Send_SMS'), send.output, 'send result in the 3rd chat request');
		const agent = result.nodes['AI Agent'];
		assert.equal(agent.error, null);
		assert.deepStrictEqual(agent.items, [{ output: finalAnswer(balance.output, send.output) }], 'the agent output');
		assert.ok(agent.items[0].output.includes(sent.shootId));

		assertNoSecret(chats, sim.apiKey, 'what n8n sent to the model');
		assertNoSecret(result.nodes, sim.apiKey, 'run data');
		assertNoSecret(result.stdout + result.stderr, sim.apiKey, 'n8n execute output');
	});
}

/** A session cookie of the local owner (created here on a fresh instance). */
async function ownerCookie(baseUrl) {
	const post = (route, body) => fetch(`${baseUrl}${route}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(30000),
	});
	let res = await post('/rest/owner/setup', DEV_OWNER);
	if (!res.ok) res = await post('/rest/login', { emailOrLdapLoginId: DEV_OWNER.email, password: DEV_OWNER.password });
	const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	if (!res.ok || !cookie) throw new Error(`no owner session: ${res.status} ${(await res.text()).slice(0, 200)}`);
	return cookie;
}

/**
 * With `n8n start` running: the node types the editor loads (GET /types/nodes.json) list the tool
 * variant n8n derived from `usableAsTool`, and none for the trigger.
 */
async function runToolRegistrationCheck({ runner, n8n, prefix }) {
	await runner.check(`${prefix} ${REGISTRATION_LABEL}`, async () => {
		const res = await fetch(`${n8n.baseUrl}/types/nodes.json`, { headers: { cookie: await ownerCookie(n8n.baseUrl) }, signal: AbortSignal.timeout(30000) });
		assert.equal(res.status, 200, 'GET /types/nodes.json');
		const types = await res.json();
		const ours = types.filter((t) => t.name.startsWith('n8n-nodes-smshandover.')).map((t) => t.name).sort();
		assert.deepStrictEqual(ours, ['n8n-nodes-smshandover.smsHandover', 'n8n-nodes-smshandover.smsHandoverTool', 'n8n-nodes-smshandover.smsHandoverTrigger']);
		const base = types.find((t) => t.name === 'n8n-nodes-smshandover.smsHandover');
		const tool = types.find((t) => t.name === TYPES.tool);
		assert.equal(tool.displayName, 'SMS Handover Tool');
		assert.deepStrictEqual(tool.inputs, []);
		assert.deepStrictEqual(tool.outputs, ['ai_tool']);
		assert.ok(tool.codex && tool.codex.categories.includes('AI'), `codex ${JSON.stringify(tool.codex)}`);
		// The API credential, and the optional Webhook credential Add Trigger Token reads.
		assert.deepStrictEqual(tool.credentials.map((c) => c.name), ['smsHandoverApi', 'smsHandoverWebhookApi']);
		const names = (t) => t.properties.map((p) => p.name);
		assert.deepStrictEqual(names(tool), ['descriptionType', 'toolDescription', ...names(base)], 'tool parameters = tool description fields + the node\'s own');
	});
}

module.exports = { CHECK_LABEL, REGISTRATION_LABEL, WORKFLOW_ID, runToolRegistrationCheck, openAiCredential, aiToolWorkflow, startScriptedModel, runAiToolCheck, scriptedReply, finalAnswer };

if (require.main === module) {
	// Standalone: this check alone on one version, same library and assertions as run.js.
	const h = require('../lib');
	const { CheckRunner } = require('../lib/checks');
	const version = process.argv[2] || '2.41.1';
	(async () => {
		const runner = new CheckRunner();
		const started = Date.now();
		const packed = await h.buildAndPack();
		const sim = await h.startSimulatorProcess({ key: 'sim-key-0123456789' });
		const model = await startScriptedModel();
		const cred = h.credential({ apiKey: sim.apiKey, baseUrl: sim.baseUrl });
		const openAi = openAiCredential(model.baseUrl);
		let n8n;
		try {
			n8n = await h.prepareN8n({ version, packed, credentials: [cred, openAi], workflows: [aiToolWorkflow(cred, openAi)] });
			await runAiToolCheck({ runner, n8n, sim, model, prefix: `[${version}]` });
			await n8n.start();
			await runToolRegistrationCheck({ runner, n8n, prefix: `[${version}]` });
		} finally {
			if (n8n) await n8n.dispose();
			await sim.stop();
			await model.stop();
		}
		console.log(`total ${h.formatMs(Date.now() - started)}`);
		console.log(runner.summary());
		process.exitCode = runner.failed ? 1 : 0;
	})().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
