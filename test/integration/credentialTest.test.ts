import { BALANCE_PATH, SmsHandoverApi } from '../../credentials/SmsHandoverApi.credentials';
import { SmsHandover } from '../../nodes/SmsHandover/SmsHandover.node';
import { endpoints } from '../../nodes/SmsHandover/transport';
import { testCredential } from '../harness/credentialTest';
import { startRecordingServer } from '../harness/servers';
import { API_KEY, useSimulator } from './fixtures';

const BAD_KEY_MESSAGE = 'SMS Handover rejected the API key (ERR: INVALID API KEY). Copy it again from the API section of your panel.';

/** The "Test" button of the credential: its declarative test through n8n-core's RoutingNode. */
describe('credential test', () => {
	const ctx = useSimulator();
	const credential = new SmsHandoverApi();
	const test = async (data: Record<string, string>) => await testCredential(credential, { timeZone: 'Asia/Kolkata', ...data });
	const seen = () => ctx.sim.requests.map(({ method, path }) => `${method} ${path}`);

	it('is the credential’s own test, on the balance path the node uses', () => {
		expect(new SmsHandover().description.credentials).toEqual([
			{ name: 'smsHandoverApi', required: true },
			// Optional, for Add Trigger Token: tested by the node like on the trigger (the token's form, no request).
			{ name: 'smsHandoverWebhookApi', required: false, testedBy: 'smsHandoverWebhookApiTest' },
		]);
		expect(credential.test.request.url).toBe(BALANCE_PATH);
		expect(BALANCE_PATH).toBe(endpoints.balance);
	});

	it('succeeds with a good key and reads only the balance', async () => {
		expect(await test({ apiKey: API_KEY, baseUrl: `${ctx.sim.baseUrl}/` })).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(seen()).toEqual([`GET /miscapi/${API_KEY}/getBalance/true/`]);
	});

	it('fails a wrong key although the panel answers HTTP 200, sending nothing else', async () => {
		expect(await test({ apiKey: 'BAD-KEY-123', baseUrl: ctx.sim.baseUrl })).toEqual({ status: 'Error', message: BAD_KEY_MESSAGE });
		expect(seen()).toEqual(['GET /miscapi/BAD-KEY-123/getBalance/true/']);
		expect(ctx.sim.requests[0].rawBody).toBe('');
	});

	/** A panel the simulator does not play: every request answered with `body`. */
	async function withPanel(contentType: string, body: string, fn: (baseUrl: string) => Promise<void>) {
		const panel = await startRecordingServer({ status: 200, contentType, body });
		try {
			await fn(panel.url);
		} finally {
			await panel.close();
		}
	}

	it('succeeds with the admin key, which the panel answers with INFO text', async () => {
		expect(await test({ apiKey: ctx.sim.adminKey, baseUrl: ctx.sim.baseUrl })).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(seen()).toEqual([`GET /miscapi/${ctx.sim.adminKey}/getBalance/true/`]);
	});

	it('succeeds with a good key of an account without routes (an empty array)', async () => {
		await withPanel('application/json', '[]', async (baseUrl) => {
			expect(await test({ apiKey: 'new-account', baseUrl })).toEqual({ status: 'OK', message: 'Connection successful!' });
		});
	});

	it('fails when the base URL serves a web page with HTTP 200', async () => {
		ctx.sim.failNext('balance', 'html');
		expect(await test({ apiKey: API_KEY, baseUrl: ctx.sim.baseUrl })).toEqual({
			status: 'Error',
			message: 'SMS Handover answered with a web page instead of API data. Check the Base URL.',
		});
	});

	it('fails when the answer is JSON but no balance', async () => {
		ctx.sim.failNext('balance', 'errorJson');
		expect(await test({ apiKey: API_KEY, baseUrl: ctx.sim.baseUrl })).toEqual({
			status: 'Error',
			message: 'SMS Handover answered, but not with a balance. Check the Base URL.',
		});
	});

	it('fails on an HTTP error status, without showing the key', async () => {
		ctx.sim.failNext('balance', 'http502');
		const result = await test({ apiKey: API_KEY, baseUrl: ctx.sim.baseUrl });
		// n8n 2.x reads the status and names it; n8n 1.x gives its own words (the e2e suite checks both).
		expect(result).toEqual({ status: 'Error', message: 'SMS Handover is unavailable (HTTP 502). Try the Test again later.' });
		expect(JSON.stringify(result)).not.toContain(API_KEY);
	});

	it('is not retried: one request, and the panel’s failure is the answer', async () => {
		ctx.sim.failNext('balance', 'http503');
		expect(await test({ apiKey: API_KEY, baseUrl: ctx.sim.baseUrl })).toEqual({ status: 'Error', message: 'SMS Handover is unavailable (HTTP 503). Try the Test again later.' });
		expect(seen()).toEqual([`GET /miscapi/${API_KEY}/getBalance/true/`]);
	});

	it.each([
		['a time zone n8n does not know', { timeZone: 'IST India' }, 'The credential\'s Account Time Zone "IST India" is not a time zone n8n knows. Pick the account\'s zone from the list (for example Asia/Kolkata or Europe/London).'],
		['Other with no zone typed', { timeZone: 'other', timeZoneOther: ' ' }, "The credential's Account Time Zone is Other, but Other Time Zone is empty. Type an IANA zone name there, such as Europe/London."],
	])('fails %s before anything is sent', async (_label, zone, message) => {
		expect(await test({ apiKey: API_KEY, baseUrl: ctx.sim.baseUrl, ...zone })).toEqual({ status: 'Error', message });
		expect(seen()).toEqual([]);
	});

	it.each([
		['a listed zone', { timeZone: 'Europe/London' }],
		['a typed zone (Other)', { timeZone: 'other', timeZoneOther: 'America/Ciudad_Juarez' }],
		['a free-text zone saved before the list existed', { timeZone: 'asia/calcutta' }],
	])('passes with %s, and the panel never sees the test marker', async (_label, zone) => {
		expect(await test({ apiKey: API_KEY, baseUrl: ctx.sim.baseUrl, ...zone })).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(seen()).toEqual([`GET /miscapi/${API_KEY}/getBalance/true/`]);
		expect(Object.keys(ctx.sim.requests[0].headers).filter((name) => name.startsWith('x-smshandover'))).toEqual([]);
	});

	it('fails when nothing listens there, without showing the key', async () => {
		const result = await test({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9' });
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain(API_KEY);
	});
});
