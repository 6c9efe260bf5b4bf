import { InstallProgress } from '../e2e/lib/installProgress';

// npm's --loglevel=http lines, as `npm install` writes them to stderr in its three phases.
const manifest = (name: string) => `npm http fetch GET 200 https://registry.npmjs.org/${name} 120ms (cache miss)\n`;
const cached = (name: string) => `npm http cache ${name}@https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz 0ms (cache hit)\n`;
const download = (name: string) => `npm http fetch GET 200 https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz 80ms (cache miss)\n`;
const many = (line: (name: string) => string, n: number) => Array.from({ length: n }, (_, i) => line(`p${i}`)).join('');
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
// A measured install of 100 manifests and 200 packages: 400 s, of which 200 s resolving.
const MEASURED = { manifests: 100, packages: 200, seconds: 400, resolveSeconds: 200, startedAt: 0 };

describe('the progress line of a first n8n install (npm run dev)', () => {
	it('says it is resolving and does not guess the time before there is a pace to go by', () => {
		const progress = new InstallProgress(MEASURED);
		progress.feed(manifest('a') + manifest('b'), 10_000);
		expect(progress.describe(10_000, seconds)).toBe('resolving dependencies: 2 of ~100 package manifests read, 10 s elapsed, estimating time left');
	});

	it('scales the measured install by this machine\'s resolving pace, and keeps that pace afterwards', () => {
		const progress = new InstallProgress(MEASURED);
		// Half the manifests in 150 s instead of 100 s: this machine is 1.5 times slower, 600 s in all.
		const text = many(manifest, 50) + manifest('p0');
		progress.feed(text.slice(0, 1000), 140_000);
		progress.feed(text.slice(1000), 150_000);
		expect(progress.manifests.size).toBe(50);
		expect(progress.describe(150_000, seconds)).toBe('resolving dependencies: 50 of ~100 package manifests read, 150 s elapsed, about 450 s left');
		progress.feed(many(manifest, 100), 300_000);
		progress.feed(many(cached, 200), 360_000);
		expect(progress.describe(360_000, seconds)).toBe('checking the npm cache: 200 of ~200 packages, 360 s elapsed, about 240 s left');
		// Most downloads done early: the estimate still expects the slow tail.
		progress.feed(many(download, 190), 400_000);
		expect(progress.describe(400_000, seconds)).toBe('downloading packages: 190 of ~200, 400 s elapsed, about 200 s left');
		expect(progress.describe(590_000, seconds)).toBe('downloading packages: 190 of ~200, 590 s elapsed, almost done');
	});

	it('ignores other npm output', () => {
		const progress = new InstallProgress(MEASURED);
		progress.feed('npm warn deprecated x@1\nadded 3 packages in 2s\n', 1000);
		expect([progress.manifests.size, progress.checked, progress.downloaded]).toEqual([0, 0, 0]);
	});
});
