'use strict';
// Markdown tables for each section and for the targets of issues 5 and 6.
const { ms, int, fixed, mb, verdict, table } = require('./format');
const { describeMachine } = require('./machine');

function inprocessTable(rows) {
	return table(
		['Items', 'HTTP requests', 'Wall time', 'CPU time', 'Node executionTime', 'µs per item', 'Peak RSS (VmHWM)', 'RSS before the run', 'All items sent + paired'],
		rows.map((r) => [
			int(r.count),
			`${r.requests} (expected ${r.expectedRequests})`,
			ms(r.wallMs),
			ms(r.cpuMs),
			ms(r.executionTime),
			fixed(r.perItemUs, 1),
			mb(r.peakRssKb),
			mb(r.rssBeforeKb),
			r.complete ? 'yes' : '**no**',
		]),
	);
}

function sendTable(rows) {
	return table(
		['Concurrency', 'Requests', 'Wall time', 'CPU time of the n8n process', 'Target ≤ 1.25 × N × latency / c', 'Floor N × latency / c', 'Extra per request per worker', 'Target'],
		rows.map((r) => [
			r.concurrency,
			int(r.requests),
			ms(r.wallMs),
			ms(r.cpuMs),
			ms(r.targetMs),
			ms(r.floorMs),
			`${fixed(r.overheadPerRequestMs, 1)} ms`,
			verdict(r.met),
		]),
	);
}

function n8nTable(versions) {
	const rows = [];
	for (const v of versions) {
		const http = v.variants.httpRequest.executionTime;
		for (const key of ['fieldReference', 'expression', 'setFixed', 'httpRequest']) {
			const x = v.variants[key];
			if (!x) continue;
			rows.push([
				`n8n ${v.version}`,
				x.label,
				ms(x.executionTime),
				key === 'httpRequest' ? '1' : fixed(x.executionTime / http, 4),
				ms(x.executeWallMs),
				int(x.requests),
				x.runs.length,
				x.complete ? 'yes' : '**no**',
			]);
		}
	}
	return table(['n8n', 'Node', 'Node executionTime', '÷ HTTP Request', 'Whole `n8n execute`', 'HTTP requests', 'Runs', 'Complete'], rows);
}

function triggerTable(versions) {
	const rps = (r) => (r ? `${fixed(r.requestsPerSecond, 1)} (p50 ${Math.round(r.latencyP50Ms)} ms, p99 ${Math.round(r.latencyP99Ms)} ms)` : '—');
	return table(
		['n8n', 'SMS Handover Trigger req/s (its typeVersion)', 'Webhook node v2 req/s', 'Webhook node v1 req/s', 'Ours ÷ Webhook v2 (target ≥ 0.95)', 'Ours ÷ Webhook v1', 'One POST of many reports'],
		versions.map((t) => [
			`n8n ${t.version}`,
			`${rps(t.ours)} (v${t.triggerTypeVersion})`,
			rps(t.webhook),
			rps(t.webhookV1),
			`${fixed(t.ratio, 2)} ${verdict(t.ratio >= t.target)}`,
			fixed(t.ratioSameTypeVersion, 2),
			`${int(t.bulk.reports)} reports → HTTP ${t.bulk.status}, ${t.bulk.executions} execution(s), ${int(t.bulk.items)} items ${verdict(t.bulk.ok)}`,
		]),
	);
}

/** Every target the issues set, with the measured value and whether it is met. */
function targetRows(sections) {
	const rows = [];
	for (const r of sections.inprocess || []) {
		if (r.count === 100000) rows.push(['100,000 personalised messages = 2 requests', `${r.requests} requests`, verdict(r.requests === 2 && r.complete)]);
	}
	for (const r of sections.send || []) {
		rows.push([`${int(r.count)} sends at ${r.latencyMs} ms latency, concurrency ${r.concurrency}: ≤ ${ms(r.targetMs)}`, ms(r.wallMs), verdict(r.met)]);
	}
	for (const v of sections.n8n || []) {
		const ratio = v.ratios.fieldReferenceVsHttp;
		rows.push([`n8n ${v.version}: sendBulk (mapped fields) ÷ HTTP Request node ≤ 0.02`, fixed(ratio, 4), verdict(ratio !== null && ratio <= 0.02 && v.variants.fieldReference.complete)]);
		if (v.targets.fieldReferenceMs) {
			const t = v.variants.fieldReference.executionTime;
			rows.push([`n8n ${v.version}: sendBulk (mapped fields) ≤ ~${v.targets.fieldReferenceMs} ms`, ms(t), verdict(t !== null && t <= v.targets.fieldReferenceMs)]);
		}
	}
	for (const t of sections.trigger || []) {
		rows.push([`n8n ${t.version}: trigger ÷ Webhook node v2 req/s ≥ 0.95`, fixed(t.ratio, 2), verdict(t.ratio >= t.target)]);
		rows.push([`n8n ${t.version}: ${int(t.bulk.reports)} reports in one POST → 1 execution, ${int(t.bulk.reports)} items`, `${t.bulk.executions} execution(s), ${int(t.bulk.items)} items`, verdict(t.bulk.ok)]);
	}
	return rows;
}

function renderReport(results) {
	const s = results.sections;
	const out = [`Machine: ${describeMachine(results.machine)}. Load average before/after: ${results.load.before.join(' ')} / ${(results.load.after || []).join(' ')}.`];
	if (results.quick) out.push('**Quick smoke run: reduced sizes, numbers not comparable with the targets.**');
	if (s.inprocess) out.push('', '### 1. sendBulk in process (n8n-core WorkflowExecute, simulator on loopback, fresh process per run)', '', inprocessTable(s.inprocess));
	if (s.send) out.push('', `### 2. send, ${int(s.send[0].count)} items, simulator latency ${s.send[0].latencyMs} ms`, '', sendTable(s.send));
	if (s.n8n && s.n8n.length) out.push('', `### 3. Real n8n, ${int(s.n8n[0].count)} items from a Code node`, '', n8nTable(s.n8n));
	if (s.trigger && s.trigger.length) {
		const t = s.trigger[0];
		out.push('', `### 4. Trigger in real n8n, ${int(t.amount)} POSTs × ${t.rounds} rounds, ${t.connections} connections`, '', triggerTable(s.trigger));
	}
	const rows = targetRows(s);
	if (rows.length) out.push('', '### Targets', '', table(['Target', 'Measured', 'Verdict'], rows));
	return out.join('\n');
}

module.exports = { renderReport, targetRows };
