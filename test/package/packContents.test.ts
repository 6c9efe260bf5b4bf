import { listRepoDir, npmInRepo as npm, readRepoFile } from '../harness/repo';

/**
 * What `npm pack` (and so `npm publish`) ships. It builds first: on a fresh clone dist/ does not
 * exist, and `.npmrc`'s ignore-scripts=true would skip a `prepack` hook anyway.
 */

const TOP_LEVEL = ['CHANGELOG.md', 'LICENSE', 'README.md', 'index.js', 'package.json'];
const BUILT = /^dist\/(credentials|nodes\/SmsHandover)\/[\w./-]+\.(js|js\.map|d\.ts|svg|node\.json)$/;
// Data files the build ships besides code: the credential's time zone list (scripts/time-zones.mjs).
const DATA = ['dist/credentials/timeZones.json'];

describe('npm pack', () => {
	let files: string[] = [];
	beforeAll(() => {
		npm('run', 'build');
		const [packed] = JSON.parse(npm('pack', '--dry-run', '--json', '--ignore-scripts')) as [{ files: { path: string }[] }];
		files = packed.files.map((f) => f.path).sort();
	}, 180_000);

	it('ships only the build, index.js, README, LICENSE, CHANGELOG and package.json', () => {
		expect(files.filter((f) => !f.startsWith('dist/'))).toEqual(TOP_LEVEL);
		expect(files.filter((f) => f.startsWith('dist/') && !BUILT.test(f))).toEqual(DATA);
	});

	it('registers and ships every node and credential, with their icons and codex files', () => {
		const pkg = JSON.parse(readRepoFile('package.json'));
		const entries: string[] = [...pkg.n8n.nodes, ...pkg.n8n.credentials].sort();
		const sources = [
			...listRepoDir('nodes/SmsHandover').filter((f) => f.endsWith('.node.ts')).map((f) => `nodes/SmsHandover/${f}`),
			...listRepoDir('credentials').filter((f) => f.endsWith('.credentials.ts')).map((f) => `credentials/${f}`),
		];
		expect(entries).toEqual(sources.map((f) => `dist/${f.replace(/\.ts$/, '.js')}`).sort());
		expect(files).toEqual(expect.arrayContaining(entries));
		expect(files).toEqual(
			expect.arrayContaining([
				'dist/nodes/SmsHandover/SmsHandover.node.json',
				'dist/nodes/SmsHandover/SmsHandoverTrigger.node.json',
				'dist/nodes/SmsHandover/smsHandover.svg',
				'dist/nodes/SmsHandover/smsHandover.dark.svg',
				'dist/credentials/smsHandover.svg',
				'dist/credentials/smsHandover.dark.svg',
			]),
		);
	});

	it('ships no compiled tests and no TypeScript build state', () => {
		expect(files.filter((f) => /tsbuildinfo|\.test\.|\/test\/|bench|harness|simulator/i.test(f))).toEqual([]);
	});
});
