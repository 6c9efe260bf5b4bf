'use strict';
// What a first `npm install` of n8n is doing, and roughly how long is left, from npm's own
// `--loglevel=http` lines ("npm http fetch GET 200 https://registry…/<name>[/-/<file>.tgz] …").
// npm first reads one manifest per package (resolving the tree), then downloads and unpacks one
// tarball per package; node_modules stays empty until the second phase, which is why counting
// its entries looked stuck. The expected package count comes from a measured install
// (versions.js); the share of time each phase takes from a cold install (no npm cache).

const FETCH = /^npm http fetch GET \d+ (\S+)/;

class InstallProgress {
	/**
	 * @param {{expectedPackages: number, resolveShare?: number, startedAt?: number}} options
	 * resolveShare: the part of a cold install spent reading manifests (the rest: tarballs, linking).
	 */
	constructor({ expectedPackages, resolveShare = 0.4, startedAt = Date.now() }) {
		this.expected = Math.max(1, expectedPackages);
		this.resolveShare = resolveShare;
		this.startedAt = startedAt;
		this.manifests = new Set();
		this.tarballs = new Set();
		this.pending = '';
	}

	/** Feeds a chunk of npm's stderr (lines may be split across chunks). */
	feed(chunk) {
		const lines = (this.pending + chunk).split('\n');
		this.pending = lines.pop();
		for (const line of lines) {
			const match = FETCH.exec(line.trim());
			if (!match) continue;
			const url = match[1];
			(url.endsWith('.tgz') ? this.tarballs : this.manifests).add(url);
		}
	}

	/** 0..1: how far the install is, by the measured weight of each phase. */
	fraction() {
		const resolved = Math.min(1, this.manifests.size / this.expected);
		const fetched = Math.min(1, this.tarballs.size / this.expected);
		if (this.tarballs.size === 0) return this.resolveShare * resolved;
		return this.resolveShare + (1 - this.resolveShare) * fetched;
	}

	/** One line for the console: the phase, the counts, the elapsed time and an estimate of the rest. */
	describe(now = Date.now(), formatMs = (ms) => `${Math.round(ms / 1000)} s`) {
		const elapsed = now - this.startedAt;
		const fraction = this.fraction();
		const phase =
			this.tarballs.size === 0
				? `resolving dependencies: ${this.manifests.size} of ~${this.expected} package manifests read`
				: `downloading and unpacking: ${Math.min(this.tarballs.size, this.expected)} of ~${this.expected} packages`;
		// An estimate needs some progress to extrapolate from; before that, say so.
		const left =
			fraction >= 0.05 && fraction < 1
				? `about ${formatMs(Math.max(0, (elapsed / fraction) * (1 - fraction)))} left`
				: fraction >= 1
					? 'finishing'
					: 'estimating time left';
		return `${phase} (${Math.round(fraction * 100)}%), ${formatMs(elapsed)} elapsed, ${left}`;
	}
}

module.exports = { InstallProgress };
