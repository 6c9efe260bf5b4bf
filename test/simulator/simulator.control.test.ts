// Test controls over HTTP (/__sim/*) for other processes, and the CLI / sandbox entry points.
import { runScript, startScript } from '../harness/processes';
import { startSimulator, type Simulator } from './index';
import { API_KEY, get, parse, postJson, send } from './testUtils';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ apiKey: API_KEY });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

it('GET /__sim/requests lists API requests in order (not control calls), filterable by endpoint', async () => {
	await send(sim, { contacts: '919765600001', msg: 'one' });
	await get(sim, `/miscapi/${API_KEY}/getBalance/true/`);
	await get(sim, '/__sim/dlr-pushes');
	const all = parse(await get(sim, '/__sim/requests'));
	expect(all.map((r: { endpoint: string }) => r.endpoint)).toEqual(['send', 'balance']);
	expect(all[0]).toMatchObject({ method: 'POST', path: '/smsapi/index', form: { msg: 'one' }, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	expect(typeof all[0].at).toBe('number');
	expect(parse(await get(sim, '/__sim/requests', { endpoint: 'balance' }))).toEqual([expect.objectContaining({ endpoint: 'balance' })]);
	expect(parse(await get(sim, '/__sim/requests', { since: '1' })).map((r: { endpoint: string }) => r.endpoint)).toEqual(['balance']);
	const withoutBodies = parse(await get(sim, '/__sim/requests', { bodies: 'false' }));
	expect(withoutBodies[0]).not.toHaveProperty('rawBody');
	expect(withoutBodies[0].form.msg).toBe('one');
	sim.clearRequests();
	expect(parse(await get(sim, '/__sim/requests'))).toEqual([]);
});

it('POST /__sim/configure changes settings and answers the settings in force; bad values get 400', async () => {
	const settings = parse(await postJson(sim, '/__sim/configure', { sendResponseStyle: 'text', latencyMs: 0, dlr: { status: 'EXPIRED' } }));
	expect(settings).toMatchObject({ sendResponseStyle: 'text', dlr: { status: 'EXPIRED', style: 'native', getDlrStyle: 'panel' }, otp: { style: 'panel' } });
	expect((await send(sim, { contacts: '919765600001', msg: 'x' })).text).toMatch(/^SMS-SHOOT-ID\//);
	const refused = await postJson(sim, '/__sim/configure', { sendResponseStyle: 'xml' });
	expect(refused.status).toBe(400);
	expect(parse(refused).error).toMatch(/sendResponseStyle must be one of json, text/);
	expect((await postJson(sim, '/__sim/configure', { colour: 'red' })).status).toBe(400);
	const typo = await postJson(sim, '/__sim/configure', { dlr: { stlye: 'json' } });
	expect([typo.status, parse(typo).error]).toEqual([400, "unknown simulator setting 'dlr.stlye'"]);
	expect(parse(await postJson(sim, '/__sim/configure', { dlr: { outcomeByNumber: { '919765600001': 'lost' } } })).error).toMatch(
		/^dlr.outcomeByNumber\[919765600001\] must be one of delivered, failed/,
	);
});

it('POST /__sim/reset restores balances and settings and forgets requests, failures and OTPs', async () => {
	await send(sim, { contacts: '919765600001', msg: 'x' });
	sim.setFailure('balance', 'http500');
	sim.configure({ sendResponseStyle: 'text' });
	const { reference } = parse(await get(sim, '/send-otp/index', { key: API_KEY, channel_id: 'x', mobile: '919887100001' }));
	expect(parse(await postJson(sim, '/__sim/reset', {}))).toEqual({ ok: true });
	expect(sim.requests).toHaveLength(0);
	expect(sim.balance('1')).toBe(100000);
	expect(sim.getOtp(reference)).toBeUndefined();
	expect(parse(await get(sim, `/miscapi/${API_KEY}/getBalance/true/`))[0].BALANCE).toBe('100000.00');
	expect(parse(await send(sim, { contacts: '919765600001', msg: 'x' })).result).toBe('success');
});

it('GET /__sim/balance shows the routes; unknown control routes get 404', async () => {
	expect(parse(await get(sim, '/__sim/balance'))).toEqual([
		{ id: '1', name: 'Transactional', balance: 100000 },
		{ id: '2', name: 'Promotional', balance: 5000 },
	]);
	expect((await get(sim, '/__sim/nothing')).status).toBe(404);
});

it('POST /__sim/push-dlr refuses a body without url and reports', async () => {
	expect((await postJson(sim, '/__sim/push-dlr', { style: 'json' })).status).toBe(400);
});

it('cli.js prints SIMULATOR_URL and SIMULATOR_KEY, serves the API, and exits cleanly on SIGTERM', async () => {
	const run = await startScript('test/simulator/cli.js', ['--port', '0', '--key', 'cli-key'], /SIMULATOR_ADMIN_KEY=.*\n/);
	const url = /SIMULATOR_URL=(http:\/\/127\.0\.0\.1:\d+)\n/.exec(run.output)?.[1];
	expect(run.output).toContain('SIMULATOR_KEY=cli-key\nSIMULATOR_ADMIN_KEY=sim-admin-key-0001\n');
	const response = await fetch(`${url}/miscapi/cli-key/getBalance/true/`);
	expect(JSON.parse(await response.text())).toHaveLength(2);
	expect(await run.stop('SIGTERM')).toBe(0);
});

it('cli.js takes --admin-key and --settings (any startSimulator settings as JSON)', async () => {
	const settings = JSON.stringify({ dlr: { style: 'json', getDlrStyle: 'legacy' }, otp: { style: 'legacy' } });
	const run = await startScript('test/simulator/cli.js', ['--port', '0', '--admin-key', 'boss', '--settings', settings], /SIMULATOR_ADMIN_KEY=.*\n/);
	const url = /SIMULATOR_URL=(\S+)\n/.exec(run.output)?.[1];
	expect(run.output).toContain('SIMULATOR_ADMIN_KEY=boss\n');
	expect(await (await fetch(`${url}/miscapi/boss/getBalance/true/`)).text()).toBe('INFO: ADMIN HAS UNLIMITED BALANCE AND VALIDITY');
	const configured = await (await fetch(`${url}/__sim/configure`, { method: 'POST', body: '{}' })).json();
	expect(configured).toMatchObject({ dlr: { style: 'json', getDlrStyle: 'legacy' }, otp: { style: 'legacy' } });
	expect(await run.stop('SIGTERM')).toBe(0);
});

it.each([
	[['--colour', 'red'], /^simulator: unknown option --colour \(use --port, --key, --admin-key, --host, --latency, --settings\)\n$/],
	[['--settings', '{dlr:'], /^simulator: --settings is not JSON: /],
	[['--settings', '{"dlr":{"style":"xml"}}'], /^simulator: dlr.style must be one of native, batch, ntapi, empty, query, form, json, jsonArray/],
])('cli.js %j exits 1 with a message', (args, message) => {
	const result = runScript('test/simulator/cli.js', ['--port', '0', ...args], { timeoutMs: 10000 });
	expect(result.status).toBe(1);
	expect(result.stderr).toMatch(message);
});

it('scripts/sandbox.js prints the base URL, the key sandbox-key, the control page and how to use them, and exits on Ctrl-C', async () => {
	const run = await startScript('scripts/sandbox.js', ['--port', '0'], /Ctrl-C/);
	const baseUrl = /Base URL: (http:\/\/127\.0\.0\.1:\d+)\n/.exec(run.output)?.[1];
	expect(run.output).toContain('API key:  sandbox-key\n  Admin key (unlimited balance): sim-admin-key-0001\n');
	expect(run.output).toContain(`\n  Control page: ${baseUrl}/__sim/ui  (`);
	expect(run.output).toContain(
		[
			'\nA first test report: open the SMS Handover Trigger, copy its Test URL (Webhook URLs) and add ?token=<your Webhook credential\'s secret>;',
			'click "Listen for test event" (n8n 2.x: "Execute step"), paste the URL into the control page, click Delivered. Or use the Production URL once the workflow is active.\n',
		].join('\n'),
	);
	const page = await fetch(`${baseUrl}/__sim/ui`);
	expect([page.status, (await page.text()).includes('<title>SMS Handover sandbox</title>')]).toEqual([200, true]);
	expect(run.output).toContain('"SMS Handover API" credential');
	expect(await run.stop('SIGINT')).toBe(0);
});

it('configure() applies all changes or none', () => {
	expect(() => sim.configure({ sendResponseStyle: 'text', dlr: { style: 'xml' as never } })).toThrow(/dlr.style must be one of/);
	expect(sim.config.sendResponseStyle).toBe('json');
	expect(sim.config.dlr.style).toBe('native');
});
