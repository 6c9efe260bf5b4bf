/**
 * The trigger's request parser (parseDlrRequest) alone, for volume: the same generated requests
 * as triggerWebhook.fuzz.test.ts, parsed the way n8n hands them over, without HTTP. Requests n8n
 * itself refuses before the node runs (broken JSON, other methods) and the token check are the
 * HTTP test's part.
 */
import fc from 'fast-check';

import { parseDlrRequest, type DlrRequest } from '../../nodes/SmsHandover/helpers/dlr';
import { parseQuery } from '../harness/webhookHttp';
import { triggerRequest, type GeneratedRequest } from './dlrRequests';
import { fuzzSettings, polluted, prototypeFingerprint } from './fuzzSettings';

/** What n8n gives webhook() for this request, or null when n8n answers it itself. */
function asN8nHandsItOver(request: GeneratedRequest): DlrRequest | null {
	if (request.method !== 'GET' && request.method !== 'POST') return null;
	const contentType = request.headers['content-type']?.split(';')[0].trim().toLowerCase() || undefined;
	const text = request.body?.toString('utf8') ?? '';
	let body: unknown;
	if (request.body && request.body.length > 0) {
		if (contentType === 'application/json') {
			try {
				body = JSON.parse(text);
			} catch {
				return null; // n8n: 422
			}
		} else if (contentType === 'application/x-www-form-urlencoded') body = parseQuery(text);
		else if (contentType === 'text/plain') body = text;
	}
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of request.query) {
		const seen = query[key];
		query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
	}
	return { method: request.method, query, body, rawBody: request.body ?? undefined, contentType };
}

it('never throws, never gives a report without an id, gives exactly the reports of valid requests', () => {
	const { seed, numRuns } = fuzzSettings('parseDlrRequest', { subset: 2_000, full: 10_000 });
	const fingerprint = prototypeFingerprint();
	fc.assert(
		fc.property(triggerRequest('parser-secret-0123456789'), (request) => {
			const input = asN8nHandsItOver(request);
			if (input === null || request.expect.kind === 'unauthenticated') return;
			const result = parseDlrRequest(input);
			expect(prototypeFingerprint()).toBe(fingerprint);
			expect(polluted()).toBe(false);
			expect(result.reports.filter((report) => report.shootId === null && report.mobile === null)).toEqual([]);
			const expected = request.expect;
			if (expected.kind === 'reports') {
				expect(result.rejected).toBeNull();
				expect(result.reports.map(({ shootId, mobile }) => ({ shootId, mobile }))).toEqual(expected.reports);
			} else if (expected.kind === 'empty') {
				expect(result).toEqual({ reports: [], rejected: null, rejectedStatus: null, emptyObject: true });
			} else if (expected.kind === 'refused') {
				expect(result.reports).toEqual([]);
				expect(result.rejectedStatus).not.toBeNull();
			}
		}),
		{ seed, numRuns },
	);
}, 30 * 60_000);
