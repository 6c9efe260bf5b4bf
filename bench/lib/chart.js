'use strict';
// A small hand-written SVG: two panels of horizontal bars (no dependencies).

const COLORS = { ours: '#2f7d4f', oursSlow: '#8cbf9f', floor: '#9a9a9a', theirs: '#b0413e', theirsAlt: '#d9a09e' };
const FONT = 'font-family="Helvetica, Arial, sans-serif"';

function escapeXml(text) {
	return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One panel: groups of bars sharing a linear scale.
 * groups: [{ title, bars: [{ label, value, display, color }] }]
 */
function panel({ x, y, width, title, note, groups }) {
	const labelWidth = 250;
	const barArea = width - labelWidth - 90;
	const max = Math.max(1e-9, ...groups.flatMap((g) => g.bars.map((b) => b.value || 0)));
	const out = [`<text x="${x}" y="${y}" ${FONT} font-size="15" font-weight="bold">${escapeXml(title)}</text>`];
	let cy = y + 10;
	if (note) {
		out.push(`<text x="${x}" y="${y + 17}" ${FONT} font-size="11" fill="#555">${escapeXml(note)}</text>`);
		cy += 12;
	}
	for (const group of groups) {
		cy += 20;
		out.push(`<text x="${x}" y="${cy}" ${FONT} font-size="12" font-weight="bold" fill="#333">${escapeXml(group.title)}</text>`);
		for (const bar of group.bars) {
			cy += 6;
			const w = bar.value ? Math.max(2, (bar.value / max) * barArea) : 0;
			out.push(`<text x="${x + labelWidth - 8}" y="${cy + 12}" ${FONT} font-size="11" text-anchor="end">${escapeXml(bar.label)}</text>`);
			out.push(`<rect x="${x + labelWidth}" y="${cy}" width="${w.toFixed(1)}" height="16" fill="${bar.color}"/>`);
			out.push(`<text x="${x + labelWidth + w + 6}" y="${cy + 12}" ${FONT} font-size="11">${escapeXml(bar.display)}</text>`);
			cy += 16;
		}
	}
	return { svg: out.join('\n'), bottom: cy };
}

const seconds = (ms) => (ms === null || ms === undefined ? 'n/a' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

/** The chart of docs/performance.md, from results.sections.n8n and results.sections.trigger (either may be missing). */
function renderChart(results) {
	const width = 760;
	const parts = [];
	let y = 28;
	const n8n = results.sections.n8n || [];
	if (n8n.length) {
		const p = panel({
			x: 16,
			y,
			width,
			title: `${n8n[0].count.toLocaleString('en-US')} SMS from a Code node, real n8n: node execution time (shorter is better)`,
			note: 'executionTime from the run data; median of the runs',
			groups: n8n.map((v) => ({
				title: `n8n ${v.version}`,
				bars: [
					{ label: 'SMS Handover sendBulk, mapped fields', value: v.variants.fieldReference.executionTime, display: seconds(v.variants.fieldReference.executionTime), color: COLORS.ours },
					{ label: 'SMS Handover sendBulk, expression', value: v.variants.expression.executionTime, display: seconds(v.variants.expression.executionTime), color: COLORS.oursSlow },
					...(v.variants.setFixed
						? [{ label: 'Set node, 2 fixed values (reference)', value: v.variants.setFixed.executionTime, display: seconds(v.variants.setFixed.executionTime), color: COLORS.floor }]
						: []),
					{ label: 'HTTP Request node, 1 POST per item', value: v.variants.httpRequest.executionTime, display: seconds(v.variants.httpRequest.executionTime), color: COLORS.theirs },
				],
			})),
		});
		parts.push(p.svg);
		y = p.bottom + 40;
	}
	const trigger = results.sections.trigger || [];
	if (trigger.length) {
		const rps = (r) => (r && r.requestsPerSecond ? `${r.requestsPerSecond.toFixed(0)} req/s` : 'n/a');
		const p = panel({
			x: 16,
			y,
			width,
			title: 'Delivery-report webhooks in real n8n: requests per second (longer is better)',
			note: `${trigger[0].amount.toLocaleString('en-US')} POSTs of one JSON report, ${trigger[0].connections} concurrent connections (autocannon, loopback); median of rounds`,
			groups: trigger.map((t) => ({
				title: `n8n ${t.version}`,
				bars: [
					{ label: `SMS Handover Trigger v${t.triggerTypeVersion}`, value: t.ours.requestsPerSecond, display: rps(t.ours), color: COLORS.ours },
					{ label: 'n8n Webhook node v2', value: t.webhook.requestsPerSecond, display: rps(t.webhook), color: COLORS.theirs },
					...(t.webhookV1 ? [{ label: 'n8n Webhook node v1', value: t.webhookV1.requestsPerSecond, display: rps(t.webhookV1), color: COLORS.theirsAlt }] : []),
				],
			})),
		});
		parts.push(p.svg);
		y = p.bottom + 20;
	}
	const m = results.machine;
	const footer = `${m.date.slice(0, 10)} · ${m.nproc} × ${m.cpu} · ${m.ramGb} GB RAM · npm run bench`;
	parts.push(`<text x="16" y="${y + 8}" ${FONT} font-size="10" fill="#777">${escapeXml(footer)}</text>`);
	const height = y + 20;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
		`<rect width="100%" height="100%" fill="#fff"/>`,
		...parts,
		'</svg>',
		'',
	].join('\n');
}

module.exports = { renderChart };
