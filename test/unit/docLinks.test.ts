import { readFileSync } from 'node:fs';
import path from 'node:path';

import { SmsHandoverApi } from '../../credentials/SmsHandoverApi.credentials';
import { SmsHandoverWebhookApi } from '../../credentials/SmsHandoverWebhookApi.credentials';

/** Documentation links must lead somewhere real once the package is on npm: its README there. */
const REPO = path.resolve(__dirname, '..', '..');
const NPM_PAGE = 'https://www.npmjs.com/package/n8n-nodes-smshandover';
const read = (file: string) => readFileSync(path.join(REPO, file), 'utf8');

/** Heading anchors as GitHub (and npm's README view) make them: github-slugger's rules. */
function readmeAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	let fenced = false;
	for (const line of markdown.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (!heading) continue;
		const text = heading[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
		const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count ? `${base}-${count}` : base);
	}
	return anchors;
}

function codexUrls(file: string): string[] {
	const codex = JSON.parse(read(file)) as { resources?: Record<string, { url: string }[]> };
	return Object.values(codex.resources ?? {}).flatMap((links) => links.map((l) => l.url));
}

describe('documentation links', () => {
	const links = [
		new SmsHandoverApi().documentationUrl,
		new SmsHandoverWebhookApi().documentationUrl,
		...codexUrls('nodes/SmsHandover/SmsHandover.node.json'),
		...codexUrls('nodes/SmsHandover/SmsHandoverTrigger.node.json'),
	];

	it('computes anchors the way GitHub and npm do', () => {
		expect([...readmeAnchors('# A: B `c`\n```\n# not a heading\n```\n## Send Bulk: the limit\n## A: B c')]).toEqual([
			'a-b-c',
			'send-bulk-the-limit',
			'a-b-c-1',
		]);
	});

	it('all point at a heading of the README on the package’s npm page', () => {
		const anchors = readmeAnchors(read('README.md'));
		expect(links).toHaveLength(5);
		for (const link of links) {
			const [page, anchor] = link.split('#');
			expect(page).toBe(NPM_PAGE);
			expect([...anchors]).toContain(anchor);
		}
	});
});
