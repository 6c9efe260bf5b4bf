// Bounded work per delivery-report request: whatever arrives, parsing it stays linear in its size,
// and nothing too big or too deep becomes an item. Each case is one that took seconds to a minute
// (or made items n8n cannot copy) before the bounds.
import {
	MAX_FIELDS_PER_OBJECT,
	MAX_MERGED_FIELDS,
	MAX_NESTING_DEPTH,
	MAX_QUERY_FIELDS,
} from '../../nodes/SmsHandover/helpers/dlr/bounds';
import { parseDlrRequest } from '../../nodes/SmsHandover/helpers/dlr';
import { withCpuTime } from '../harness/cpuTime';
import { batchPush } from '../simulator';
import { formText, manyKeys, nested, worstRequests } from '../fuzz/worstRequests';

const REFUSALS: Record<string, [number, string]> = {
	'1,000 query fields × 50,000 empty records': [400, `More than ${MAX_QUERY_FIELDS} query parameters`],
	'text/plain form with 1.6 M keys (≈ 15 MB)': [400, `Body has more than ${MAX_FIELDS_PER_OBJECT} fields`],
	'one JSON record with 1.5 M keys': [400, `An object in the body has more than ${MAX_FIELDS_PER_OBJECT} fields`],
	'a report with a field nested 5,000 levels deep': [400, `Body nested deeper than ${MAX_NESTING_DEPTH} levels`],
};

describe('the most expensive requests we know', () => {
	const requests = worstRequests();

	it.each(Object.entries(REFUSALS))('%s is refused with a reason', (name, [status, reason]) => {
		const result = parseDlrRequest(requests[name]);
		expect([result.rejectedStatus, result.rejected]).toEqual([status, reason]);
		expect(result.reports).toEqual([]);
	});

	it('50,000 ordinary reports in one body still become 50,000 items', () => {
		const result = parseDlrRequest(requests['50,000 reports with 10 fields each']);
		expect(result.rejected).toBeNull();
		expect(result.reports).toHaveLength(50_000);
	});

	it.each(Object.keys(requests))('%s: handled in linear time', (name) => {
		// A few hundred ms on a loaded 2-core machine (the 1.5 M-key object costs most: V8 lists its
		// keys to count them); quadratic work took 8 to 45 s here before the bounds.
		const { cpuMs } = withCpuTime(() => parseDlrRequest(requests[name]));
		expect(cpuMs).toBeLessThan(3000);
	});
});

describe('each bound, at and past its limit', () => {
	const report = { sms_shoot_id: 'S1', mobile: '919876543210', status: 'DELIVRD' };

	it('fields per object', () => {
		const atLimit = { ...report, ...manyKeys(MAX_FIELDS_PER_OBJECT - 3) };
		expect(parseDlrRequest({ body: atLimit }).reports).toHaveLength(1);
		expect(parseDlrRequest({ body: { ...atLimit, one: 'more' } }).rejected).toBe(`An object in the body has more than ${MAX_FIELDS_PER_OBJECT} fields`);
		expect(parseDlrRequest({ body: `sms_shoot_id=S1&${formText(MAX_FIELDS_PER_OBJECT)}` }).rejected).toBe(`Body has more than ${MAX_FIELDS_PER_OBJECT} fields`);
	});

	it('nesting depth, counted from the body', () => {
		// Depth 0 is the body; nested(n) under it puts its innermost object at depth n.
		expect(parseDlrRequest({ body: { ...report, extra: nested(MAX_NESTING_DEPTH - 1) } }).reports).toHaveLength(1);
		expect(parseDlrRequest({ body: { ...report, extra: nested(MAX_NESTING_DEPTH) } }).rejected).toBe(
			`Body nested deeper than ${MAX_NESTING_DEPTH} levels`,
		);
		// Items stay copyable by n8n.
		const item = parseDlrRequest({ body: [{ ...report, extra: nested(MAX_NESTING_DEPTH - 3) }] }).reports[0];
		expect(() => structuredClone(item)).not.toThrow();
	});

	it('query fields, and the query merged into every report', () => {
		const query = manyKeys(MAX_QUERY_FIELDS);
		expect(parseDlrRequest({ query, body: report }).reports[0].raw).toMatchObject({ k0: '1', sms_shoot_id: 'S1' });
		expect(parseDlrRequest({ query: { ...query, one: 'more' }, body: report }).rejected).toBe(`More than ${MAX_QUERY_FIELDS} query parameters`);
		const reports = 50_000;
		const fields = Math.floor(MAX_MERGED_FIELDS / reports) + 1;
		const body = Array.from({ length: reports }, (_, i) => ({ ...report, sms_shoot_id: `S${i}` }));
		expect(parseDlrRequest({ query: manyKeys(fields - 1), body }).reports).toHaveLength(reports);
		expect(parseDlrRequest({ query: manyKeys(fields), body })).toMatchObject({
			rejectedStatus: 413,
			rejected: `Too many query parameters for ${reports} reports (at most ${MAX_MERGED_FIELDS} fields in all)`,
		});
	});

	it('JSON inside a text field is read only within the bounds (else it stays text)', () => {
		const wrapped = { data: JSON.stringify([{ ...report, extra: nested(MAX_NESTING_DEPTH + 5) }]), sms_shoot_id: 'S2' };
		const result = parseDlrRequest({ body: wrapped });
		expect(result.reports.map((r) => r.shootId)).toEqual(['S2']);
	});

	it("the panel's own batch of 1,000 pushes is far inside every bound", () => {
		const body = batchPush(Array.from({ length: 1_000 }, (_, i) => ({ shootId: `S${i}`, segments: 3 })));
		const result = parseDlrRequest({ body, query: { client: 'a' } });
		expect(result.rejected).toBeNull();
		expect(result.reports).toHaveLength(1_000);
	});
});
