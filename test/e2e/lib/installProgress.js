'use strict';
// What a first `npm install` of n8n is doing, and roughly how long is left, from npm's own
// `--loglevel=http` lines. Measured on cold installs (empty npm cache, 2 cores) of n8n 2.41.1
// (456 s) and 1.123.79 (584 s), npm works in three phases:
//   1. resolving: "npm http fetch GET 200 https://registry…/<name>" once per package manifest
//      (1,702 and 1,404 of them), 259 and 246 s, at a steady pace;
//   2. "npm http cache <name>@<…>.tgz … (cache hit)" once per package (2,347 and 1,897), ~1 min;
//   3. "npm http fetch GET 200 …/<name>-<version>.tgz" once per package downloaded, 2–4 min, most
//      of it waiting for the last few large tarballs (none when the npm cache has them all).
// node_modules stays empty until phase 2, which is why counting its entries looked stuck. The
// time left comes from the measured install, scaled by how fast this machine resolves (phase 1):
// counts in phase 3 would promise the end minutes early.

const FETCH = /^npm http fetch GET \d+ (\S+)/;
const CACHED = /^npm http cache \S+\.tgz\b/;

class InstallProgress {
	/**
	 * @param {{manifests: number, packages: number, seconds: number, resolveSeconds: number, startedAt?: number}} measured
	 * a measured cold install: manifests read, packages installed, its duration and that of phase 1
	 */
	constructor({ manifests, packages, seconds, resolveSeconds, startedAt = Date.now() }) {
		this.measured = { manifests: Math.max(1, manifests), packages: Math.max(1, packages), seconds, resolveSeconds };
		this.startedAt = startedAt;
		this.manifests = new Set();
		this.checked = 0;
		this.downloaded = 0;
		this.pace = null; // this machine's time per measured second, fixed once phase 1 is over
		this.lastManifestAt = null;
		this.pending = '';
	}

	/** Feeds a chunk of npm's stderr (lines may be split across chunks); `now` for the pace. */
	feed(chunk, now = Date.now()) {
		const lines = (this.pending + chunk).split('\n');
		this.pending = lines.pop();
		for (const raw of lines) {
			const line = raw.trim();
			if (CACHED.test(line) || (FETCH.exec(line)?.[1] ?? '').endsWith('.tgz')) {
				// Phase 1 is over: its pace, up to its last manifest, is what the estimate keeps.
				if (this.pace === null) this.pace = this.resolvePace(this.lastManifestAt ?? now);
				if (CACHED.test(line)) this.checked++;
				else this.downloaded++;
				continue;
			}
			const match = FETCH.exec(line);
			if (match) {
				this.manifests.add(match[1]);
				this.lastManifestAt = now;
			}
		}
	}

	/** Elapsed time per measured second while resolving, or null before there is enough to tell. */
	resolvePace(now) {
		const share = Math.min(1, this.manifests.size / this.measured.manifests);
		if (share < 0.05) return null;
		return (now - this.startedAt) / (this.measured.resolveSeconds * 1000 * share);
	}

	/** One line for the console: the phase, the counts, the elapsed time and an estimate of the rest. */
	describe(now = Date.now(), formatMs = (ms) => `${Math.round(ms / 1000)} s`) {
		const { manifests, packages, seconds } = this.measured;
		const count = (done, total) => `${Math.min(done, total)} of ~${total}`;
		let phase;
		if (this.downloaded > 0) phase = `downloading packages: ${count(this.downloaded, packages)}`;
		else if (this.checked > 0) phase = `checking the npm cache: ${count(this.checked, packages)} packages`;
		else phase = `resolving dependencies: ${count(this.manifests.size, manifests)} package manifests read`;
		const elapsed = now - this.startedAt;
		const pace = this.pace ?? this.resolvePace(now);
		if (pace === null) return `${phase}, ${formatMs(elapsed)} elapsed, estimating time left`;
		const left = seconds * 1000 * pace - elapsed;
		return `${phase}, ${formatMs(elapsed)} elapsed, ${left > 15_000 ? `about ${formatMs(left)} left` : 'almost done'}`;
	}
}

module.exports = { InstallProgress };
