import { SmsHandoverApi } from '../../credentials/SmsHandoverApi.credentials';
import { SmsHandoverWebhookApi } from '../../credentials/SmsHandoverWebhookApi.credentials';
import { SmsHandover } from '../../nodes/SmsHandover/SmsHandover.node';
import { SmsHandoverTrigger } from '../../nodes/SmsHandover/SmsHandoverTrigger.node';
import { listRepoFiles, readRepoFile, repoFileExists, resolveRepoLink } from './repoFiles';

/** Documentation links must lead somewhere real once the package is on npm: its README there. */
const NPM_PAGE = 'https://www.npmjs.com/package/n8n-nodes-smshandover';

/** The markdown files whose relative links must resolve. */
const DOCUMENTS = ['README.md', 'CONTRIBUTING.md', ...listRepoFiles('docs', '.md')];

const FENCE = /^\s*(`{3,}|~{3,})/;

/** Heading anchors as GitHub (and npm's README view) make them: github-slugger's rules. */
function headingAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	let fenced = false;
	for (const line of markdown.split('\n')) {
		if (FENCE.test(line)) fenced = !fenced;
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

interface Link {
	line: number;
	target: string;
}

/**
 * The relative links of a markdown text: `[text](target)` and `![alt](target)`, outside code
 * fences and inline code, without URLs that name a scheme (http:, https:, mailto:, …).
 */
function relativeLinks(markdown: string): Link[] {
	const links: Link[] = [];
	let fenced = false;
	markdown.split('\n').forEach((line, index) => {
		if (FENCE.test(line)) {
			fenced = !fenced;
			return;
		}
		if (fenced) return;
		const prose = line.replace(/``[^`]*``|`[^`]*`/g, '');
		for (const match of prose.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) {
			const target = match[1];
			if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
			links.push({ line: index + 1, target });
		}
	});
	return links;
}

/** What is wrong with each relative link of `markdown`, written in repository file `file`. */
function brokenLinks(file: string, markdown: string): string[] {
	const problems: string[] = [];
	for (const { line, target } of relativeLinks(markdown)) {
		const hash = target.indexOf('#');
		const where = `${file}:${line} (${target})`;
		const resolved = resolveRepoLink(file, decodeURI(hash === -1 ? target : target.slice(0, hash)));
		if (resolved === null) {
			problems.push(`${where}: leads out of the repository`);
			continue;
		}
		if (resolved !== file && !repoFileExists(resolved)) {
			problems.push(`${where}: ${resolved} does not exist`);
			continue;
		}
		if (hash === -1) continue;
		const anchor = decodeURIComponent(target.slice(hash + 1));
		if (!resolved.endsWith('.md')) {
			problems.push(`${where}: #${anchor} points into ${resolved}, which is not markdown`);
			continue;
		}
		const anchors = headingAnchors(resolved === file ? markdown : readRepoFile(resolved));
		if (!anchors.has(anchor)) problems.push(`${where}: ${resolved} has no heading #${anchor}`);
	}
	return problems;
}

function codexUrls(file: string): string[] {
	const codex = JSON.parse(readRepoFile(file)) as { resources?: Record<string, { url: string }[]> };
	return Object.values(codex.resources ?? {}).flatMap((links) => links.map((l) => l.url));
}

/**
 * The page n8n's editor (1.123 and 2.41, useNodeDocsUrl) opens for a node's Docs link: its
 * documentationUrl as it is when it is a web address, else the codex's first primaryDocumentation
 * URL with n8n's `?utm_…` query appended (after any #anchor, which the anchor then swallows).
 */
function editorDocsUrl(node: { description: { name: string; documentationUrl?: string } }, codexFile: string): string {
	const { documentationUrl, name } = node.description;
	if (documentationUrl?.startsWith('http')) return documentationUrl;
	const codex = JSON.parse(readRepoFile(codexFile)) as { resources?: { primaryDocumentation?: { url: string }[] } };
	const query = new URLSearchParams({ utm_source: 'n8n_app', utm_medium: 'node_settings_modal-credential_link', utm_campaign: name });
	return `${codex.resources?.primaryDocumentation?.[0]?.url}?${query.toString()}`;
}

describe('documentation links', () => {
	// Credentials' links open as they are (n8n adds its query only to docs.n8n.io addresses).
	const links = [
		new SmsHandoverApi().documentationUrl,
		new SmsHandoverWebhookApi().documentationUrl,
		editorDocsUrl(new SmsHandover(), 'nodes/SmsHandover/SmsHandover.node.json'),
		editorDocsUrl(new SmsHandoverTrigger(), 'nodes/SmsHandover/SmsHandoverTrigger.node.json'),
	];
	const codexLinks = [
		...codexUrls('nodes/SmsHandover/SmsHandover.node.json'),
		...codexUrls('nodes/SmsHandover/SmsHandoverTrigger.node.json'),
	];

	it('computes anchors the way GitHub and npm do', () => {
		expect([...headingAnchors('# A: B `c`\n```\n# not a heading\n```\n## Send Bulk: the limit\n## A: B c\n## `+` and `%` here')]).toEqual([
			'a-b-c',
			'send-bulk-the-limit',
			'a-b-c-1',
			'-and--here',
		]);
	});

	it('the editor opens each Docs link at a heading of the README on the package’s npm page', () => {
		const anchors = headingAnchors(readRepoFile('README.md'));
		expect(links).toEqual([
			`${NPM_PAGE}#sms-handover-api`,
			`${NPM_PAGE}#sms-handover-webhook-api`,
			`${NPM_PAGE}#operations`,
			`${NPM_PAGE}#delivery-reports`,
		]);
		for (const link of links) expect([...anchors]).toContain(link.split('#')[1]);
	});

	it('codex links carry no anchor that n8n’s appended query would break', () => {
		expect(codexLinks).toEqual([NPM_PAGE, NPM_PAGE, NPM_PAGE]);
		// The rule editorDocsUrl copies: a codex link with an anchor loses it.
		const withoutUrl = { description: { name: 'x' } };
		expect(editorDocsUrl(withoutUrl, 'nodes/SmsHandover/SmsHandover.node.json')).toBe(
			`${NPM_PAGE}?utm_source=n8n_app&utm_medium=node_settings_modal-credential_link&utm_campaign=x`,
		);
	});

	it('finds broken relative links, and only those', () => {
		const markdown = [
			'# Here',
			'[fine](../README.md#operations) ![fine](../bench/chart.svg) [fine](#here) [fine](/CHANGELOG.md) [fine](../examples/)',
			'[no file](missing.md) [no heading](../README.md#no-such-heading) [no anchor here](#nowhere)',
			'[outside](../../etc/passwd) [anchor into an image](../bench/chart.svg#top)',
			'[web](https://example.invalid/missing.md) [mail](mailto:someone@example.invalid) `[code](missing.md)`',
			'```',
			'[fenced](missing.md)',
			'```',
		].join('\n');
		expect(brokenLinks('docs/sample.md', markdown)).toEqual([
			'docs/sample.md:3 (missing.md): docs/missing.md does not exist',
			'docs/sample.md:3 (../README.md#no-such-heading): README.md has no heading #no-such-heading',
			'docs/sample.md:3 (#nowhere): docs/sample.md has no heading #nowhere',
			'docs/sample.md:4 (../../etc/passwd): leads out of the repository',
			'docs/sample.md:4 (../bench/chart.svg#top): #top points into bench/chart.svg, which is not markdown',
		]);
	});

	it('every relative link in the README, CONTRIBUTING.md and docs/ resolves', () => {
		expect(DOCUMENTS).toEqual(expect.arrayContaining(['docs/delivery-reports.md', 'docs/send-and-wait.md']));
		const checked = DOCUMENTS.flatMap((file) => relativeLinks(readRepoFile(file)));
		expect(checked.length).toBeGreaterThan(50);
		expect(DOCUMENTS.flatMap((file) => brokenLinks(file, readRepoFile(file)))).toEqual([]);
	});
});
