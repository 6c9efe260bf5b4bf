/**
 * The SMS Handover Trigger under attack: generated requests (test/fuzz/dlrRequests.js) sent over
 * real HTTP to the trigger's webhook(), called through n8n-core's WebhookContext with n8n-like
 * body parsing (test/harness/webhook.ts). Three triggers share one secret: version 3 with the
 * Webhook credential, versions 2 and 1 with the deprecated Secret Token parameter.
 */
import fc from 'fast-check';

import { n8nLogger } from '../harness/n8nLog';
import { startTriggerEndpoint, type TriggerCall, type TriggerEndpoint } from '../harness/webhook';
import { toFetch, triggerRequest, type GeneratedRequest } from './dlrRequests';
import { fuzzSettings, note, polluted, prototypeFingerprint } from './fuzzSettings';

const SECRET = 'fuzz-Secret_token.0123~xyz';

let endpoints: TriggerEndpoint[] = [];
// What the trigger logs: its one-time notes (the panel's `{}`, the deprecated parameter) are
// expected, never the warning that it caught an exception of its own.
const warnings: string[] = [];
beforeAll(async () => {
	jest.spyOn(n8nLogger(), 'warn').mockImplementation((message: string) => {
		warnings.push(message);
	});
	endpoints = [
		await startTriggerEndpoint({}, { typeVersion: 3, webhookCredential: { token: SECRET } }),
		await startTriggerEndpoint({ options: { secretToken: SECRET } }, { typeVersion: 2 }),
		await startTriggerEndpoint({ options: { secretToken: SECRET } }, { typeVersion: 1 }),
	];
});
afterAll(async () => await Promise.all(endpoints.map(async (endpoint) => await endpoint.close())));

/**
 * Sends one request and returns the answer and the trigger call it made. The endpoint forgets
 * earlier calls first: 10,000 of them, some with 50,000 items each, would not fit in memory.
 */
async function send(request: GeneratedRequest, endpoint: TriggerEndpoint): Promise<{ status: number; call: TriggerCall }> {
	endpoint.calls.length = 0;
	const { url, init } = toFetch(request, endpoint.url);
	const response = await fetch(url, init);
	await response.arrayBuffer();
	const [call] = await endpoint.waitForCalls(1);
	return { status: response.status, call };
}

/** Every property of one request; a thrown error names what broke. */
function check(request: GeneratedRequest, status: number, call: TriggerCall, fingerprint: string) {
	const fail = (what: string) => {
		throw new Error(`${what} (answered ${status} ${call.responseBody.slice(0, 200)})`);
	};
	if (call.thrown !== undefined) fail(`webhook() threw: ${call.thrown}`);
	const caught = warnings.find((line) => line.startsWith('SMS Handover could not process'));
	if (caught) fail(`the trigger caught an exception: ${caught}`);
	if (status >= 500) fail(`a ${status}`);
	if (prototypeFingerprint() !== fingerprint || polluted()) fail('a built-in prototype was changed');
	if (call.executed && call.items.length === 0) fail('an execution without items');
	if (call.items.some((item) => item.shootId === null && item.mobile === null)) fail('an item with neither shoot id nor number');
	const expect = request.expect;
	switch (expect.kind) {
		case 'reports': {
			if (status !== 200 || !call.executed) fail(`expected ${expect.reports.length} items, got no execution`);
			const got = call.items.map((item) => ({ shootId: item.shootId, mobile: item.mobile }));
			if (JSON.stringify(got) !== JSON.stringify(expect.reports)) {
				fail(`expected items ${JSON.stringify(expect.reports).slice(0, 400)}, got ${JSON.stringify(got).slice(0, 400)}`);
			}
			break;
		}
		case 'empty':
			if (status !== 200 || call.executed) fail('expected 200 and no execution for {}');
			break;
		case 'refused':
			if (status < 400 || call.executed) fail('expected a 4xx and no execution');
			break;
		case 'unauthenticated':
			if (status !== 401 || call.executed) fail('expected 401 and no execution');
			break;
	}
}

it('no exception, no 5xx, no item from invalid or unauthenticated input, exactly the items of every valid report', async () => {
	const { seed, numRuns, endOnFailure } = fuzzSettings('trigger webhook() over HTTP', { subset: 1_000, full: 10_000 });
	const fingerprint = prototypeFingerprint();
	const seen = { requests: 0, executions: 0, items: 0, kinds: {} as Record<string, number> };
	await fc.assert(
		fc.asyncProperty(triggerRequest(SECRET), fc.nat({ max: endpoints.length - 1 }), async (request, which) => {
			const { status, call } = await send(request, endpoints[which]);
			check(request, status, call, fingerprint);
			seen.requests += 1;
			seen.kinds[request.expect.kind] = (seen.kinds[request.expect.kind] ?? 0) + 1;
			if (call.executed) {
				seen.executions += 1;
				seen.items += call.items.length;
			}
		}),
		{ seed, numRuns, endOnFailure },
	);
	note(`trigger fuzz: ${JSON.stringify(seen)}`);
	// The generator really produced every kind (a fuzz run of one kind would prove little).
	expect(Object.keys(seen.kinds).sort()).toEqual(['any', 'empty', 'refused', 'reports', 'unauthenticated']);
}, 30 * 60_000);
