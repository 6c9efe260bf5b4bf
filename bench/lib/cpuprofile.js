'use strict';
/**
 * Where the time of a `node --cpu-prof` profile went: self time per function and per package
 * (our dist, n8n-workflow, n8n-core, node internals...), and inclusive time of our functions.
 * Usage: node bench/lib/cpuprofile.js <file.cpuprofile> [top=25] [window]
 */
const fs = require('fs');

const OUR_DIST = /(\/node_modules\/n8n-nodes-smshandover\/dist\/|\/bench\/out\/pkg\/dist\/|\/work\/main\/dist\/)/;

function packageOf(url) {
	if (!url) return '(native/vm)';
	if (OUR_DIST.test(url)) return 'our node (dist)';
	const at = url.lastIndexOf('node_modules/');
	if (at >= 0) {
		const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(at));
		if (match) return match[1];
	}
	if (url.startsWith('node:')) return 'node internals';
	return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

function ourPath(url) {
	const match = OUR_DIST.exec(url);
	return match ? url.slice(match.index + match[0].length) : url;
}

/**
 * With `windowed`, only samples between the first and the last one that has our code on the
 * stack count: in a whole `n8n execute` profile that is roughly our node's run.
 */
function summarise(profile, top = 25, { windowed = false, padMs = 0 } = {}) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const child of n.children || []) parent.set(child, n.id);
	// Our code running, not our modules loading (a module's top level is an anonymous line-0 frame).
	const hasOurs = (id) => {
		let ours = false;
		for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
			const f = byId.get(cur).callFrame;
			if (packageOf(f.url) !== 'our node (dist)') continue;
			if (!f.functionName && f.lineNumber === 0) return false;
			ours = true;
		}
		return ours;
	};
	const times = [];
	let t = profile.startTime;
	for (const d of profile.timeDeltas || []) times.push((t += d));
	let from = -Infinity;
	let to = Infinity;
	if (windowed) {
		const ours = profile.samples.map((id, i) => (hasOurs(id) ? times[i] : null)).filter((x) => x !== null);
		if (ours.length) {
			from = ours[0] - padMs * 1000;
			to = ours[ours.length - 1] + padMs * 1000;
		}
	}
	// The sample taken while the profiler itself starts carries the time before it: leave it out.
	const inProfilerStart = (id) => {
		for (let cur = id; cur !== undefined; cur = parent.get(cur)) if (byId.get(cur).callFrame.url === 'node:inspector') return true;
		return false;
	};
	const selfUs = new Map();
	const deltas = profile.timeDeltas || [];
	profile.samples.forEach((id, i) => {
		if (times[i] < from || times[i] > to) return;
		if (!inProfilerStart(id)) selfUs.set(id, (selfUs.get(id) || 0) + (deltas[i] || 0));
	});
	const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

	const fnSelf = new Map();
	const pkgSelf = new Map();
	const oursInclusive = new Map();
	for (const [id, us] of selfUs) {
		const node = byId.get(id);
		const cf = node.callFrame;
		const pkg = packageOf(cf.url);
		const name = cf.functionName || '(anonymous)';
		const key = `${name}  ${pkg === 'our node (dist)' ? ourPath(cf.url) : pkg}:${cf.lineNumber + 1}`;
		fnSelf.set(key, (fnSelf.get(key) || 0) + us);
		pkgSelf.set(pkg, (pkgSelf.get(pkg) || 0) + us);
		// Inclusive time per our-code frame: walk the stack once per distinct frame.
		const seen = new Set();
		for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
			const f = byId.get(cur).callFrame;
			if (packageOf(f.url) !== 'our node (dist)') continue;
			const k = `${f.functionName || '(anonymous)'}  ${ourPath(f.url)}:${f.lineNumber + 1}`;
			if (seen.has(k)) continue;
			seen.add(k);
			oursInclusive.set(k, (oursInclusive.get(k) || 0) + us);
		}
	}
	const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]);
	const pct = (us) => `${((100 * us) / totalUs).toFixed(1)}%`.padStart(6);
	const span = windowed && Number.isFinite(from) ? `, window ${((to - from) / 1000).toFixed(0)} ms around our code` : '';
	const lines = [`total sampled ${(totalUs / 1000).toFixed(0)} ms${span}`, '', 'self time by package:'];
	for (const [pkg, us] of sorted(pkgSelf).slice(0, 15)) lines.push(`${pct(us)} ${(us / 1000).toFixed(0).padStart(6)} ms  ${pkg}`);
	lines.push('', `top ${top} functions by self time:`);
	for (const [fn, us] of sorted(fnSelf).slice(0, top)) lines.push(`${pct(us)} ${(us / 1000).toFixed(0).padStart(6)} ms  ${fn}`);
	lines.push('', 'our functions by inclusive time:');
	for (const [fn, us] of sorted(oursInclusive).slice(0, top)) lines.push(`${pct(us)} ${(us / 1000).toFixed(0).padStart(6)} ms  ${fn}`);
	return { totalUs, text: lines.join('\n') };
}

if (require.main === module) {
	const [file, top, mode] = process.argv.slice(2);
	console.log(summarise(JSON.parse(fs.readFileSync(file, 'utf8')), Number(top) || 25, { windowed: mode === 'window' }).text);
}

module.exports = { summarise, packageOf };
