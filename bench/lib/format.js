'use strict';
// Number formatting and markdown tables for the printed report.

function ms(value) {
	if (value === null || value === undefined || Number.isNaN(value)) return '—';
	if (value >= 10000) return `${(value / 1000).toFixed(1)} s`;
	if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
	return `${Math.round(value)} ms`;
}

function int(value) {
	if (value === null || value === undefined || Number.isNaN(value)) return '—';
	return Math.round(value).toLocaleString('en-US');
}

function fixed(value, digits = 2) {
	if (value === null || value === undefined || Number.isNaN(value)) return '—';
	return value.toFixed(digits);
}

function mb(kb) {
	if (kb === null || kb === undefined) return '—';
	return `${Math.round(kb / 1024)} MB`;
}

function verdict(ok) {
	if (ok === null || ok === undefined) return '—';
	return ok ? 'met' : '**missed**';
}

function median(values) {
	const list = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
	if (!list.length) return null;
	const mid = Math.floor(list.length / 2);
	return list.length % 2 ? list[mid] : (list[mid - 1] + list[mid]) / 2;
}

/** A markdown table; `rows` are arrays of already formatted cells. */
function table(headers, rows) {
	const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
	return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

module.exports = { ms, int, fixed, mb, verdict, median, table };
