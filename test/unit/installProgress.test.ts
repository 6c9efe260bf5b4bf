import { InstallProgress } from '../e2e/lib/installProgress';

// npm's --loglevel=http lines, as `npm install` writes them to stderr.
const manifest = (name: string) => `npm http fetch GET 200 https://registry.npmjs.org/${name} 120ms (cache miss)\n`;
const tarball = (name: string) => `npm http fetch GET 200 https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz 80ms (cache miss)\n`;
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

describe('the progress line of a first n8n install (npm run dev)', () => {
	it('says it is resolving before any package is downloaded, and does not guess the time yet', () => {
		const progress = new InstallProgress({ expectedPackages: 100, startedAt: 0 });
		progress.feed(manifest('a') + manifest('b'));
		expect(progress.describe(10_000, seconds)).toBe(
			'resolving dependencies: 2 of ~100 package manifests read (1%), 10 s elapsed, estimating time left',
		);
	});

	it('estimates the time left from the share done, counting lines split across chunks once', () => {
		const progress = new InstallProgress({ expectedPackages: 100, resolveShare: 0.4, startedAt: 0 });
		const text = Array.from({ length: 100 }, (_, i) => manifest(`p${i}`)).join('') + manifest('p0');
		progress.feed(text.slice(0, 1000));
		progress.feed(text.slice(1000));
		expect(progress.manifests.size).toBe(100);
		// All manifests read: 40 % in 40 s, so about 60 s left.
		expect(progress.describe(40_000, seconds)).toBe(
			'resolving dependencies: 100 of ~100 package manifests read (40%), 40 s elapsed, about 60 s left',
		);
		progress.feed(Array.from({ length: 50 }, (_, i) => tarball(`p${i}`)).join(''));
		// 40 % + 60 % × half = 70 % in 70 s: about 30 s left.
		expect(progress.describe(70_000, seconds)).toBe(
			'downloading and unpacking: 50 of ~100 packages (70%), 70 s elapsed, about 30 s left',
		);
	});

	it('ignores other npm output and never passes 100 %', () => {
		const progress = new InstallProgress({ expectedPackages: 2, startedAt: 0 });
		progress.feed('npm warn deprecated x@1\nadded 3 packages in 2s\n');
		expect(progress.fraction()).toBe(0);
		progress.feed(manifest('a') + tarball('a') + tarball('b') + tarball('c'));
		expect(progress.describe(5_000, seconds)).toBe('downloading and unpacking: 2 of ~2 packages (100%), 5 s elapsed, finishing');
	});
});
