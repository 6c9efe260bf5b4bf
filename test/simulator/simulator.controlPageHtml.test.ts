// GET /__sim/ui serves the control page: one self-contained HTML page with labelled controls, whose script
// parses and calls only control routes that exist.
import { compiles } from './scriptSyntax';
import { startSimulator, type Simulator } from './index';
import { API_KEY, get, postJson } from './testUtils';

let sim: Simulator;
let page: { status: number; contentType: string; text: string; headers: Headers };

beforeAll(async () => {
	sim = await startSimulator({ apiKey: API_KEY, inbound: { keywords: ['STOP', 'Promo'] } });
	page = await get(sim, '/__sim/ui');
});
afterAll(() => sim.close());

const scriptOf = (html: string) => /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)![1];
const attributeValues = (html: string, attribute: string) => [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((m) => m[1]);

it('is an HTML page titled "SMS Handover sandbox" that may load nothing from elsewhere', () => {
	expect(page.status).toBe(200);
	expect(page.contentType).toBe('text/html; charset=utf-8');
	expect(page.text).toMatch(/^<!doctype html>\n<html lang="en">/);
	expect(page.text).toContain('<title>SMS Handover sandbox</title>');
	expect(page.text).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
	const nonce = /<script nonce="([^"]+)">/.exec(page.text)![1];
	expect(page.headers.get('content-security-policy')).toBe(
		`default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
	);
	// No external resources: no src or href attributes, no link elements, no URL in the styles.
	expect(attributeValues(page.text, 'src')).toEqual([]);
	expect(attributeValues(page.text, 'href')).toEqual([]);
	expect(page.text).not.toMatch(/<link\b|url\(|@import/);
	expect(page.text.match(/<script\b/g)).toHaveLength(1);
	expect(page.text.match(/<style\b/g)).toHaveLength(1);
});

it('has the target field, the report shapes, the list and the inbound form, each control labelled', () => {
	expect(page.text).toContain('<label for="target">Send reports and messages to</label>');
	expect(page.text).toMatch(/<input id="target" name="target" type="url"/);
	expect(attributeValues(page.text, 'value').filter((v) => ['native', 'batch', 'ntapi'].includes(v))).toEqual(['native', 'batch', 'ntapi']);
	expect(page.text).toContain('<legend>Report shape</legend>');
	expect(page.text).toContain('<p id="result" role="status" aria-live="polite">');
	expect(page.text).toContain('<button type="button" id="refresh">Refresh</button>');
	expect(page.text).toContain('<ol id="messages" class="messages"></ol>');
	for (const [id, label] of [
		['inbound-from', "From (the handset's number)"],
		['inbound-to', 'To (your virtual number)'],
		['inbound-text', 'Text'],
		['inbound-keyword', 'Keyword (optional)'],
	]) {
		expect(page.text).toContain(`<label for="${id}">${label}</label>`);
	}
	expect(page.text).toContain('<button type="submit">Send inbound SMS</button>');
	// The account's keywords, as configured, in the keyword help.
	expect(page.text).toContain("against the account's keywords (STOP, Promo)");
	// Every labelled id exists, every text input and textarea has a label, ids are unique.
	const ids = attributeValues(page.text, 'id');
	expect(new Set(ids).size).toBe(ids.length);
	for (const target of attributeValues(page.text, 'for')) expect(ids).toContain(target);
	const fields = [...page.text.matchAll(/<(?:input|textarea) id="([^"]+)"(?![^>]*type="(?:radio|checkbox)")/g)].map((m) => m[1]);
	expect(fields.sort()).toEqual(['inbound-from', 'inbound-keyword', 'inbound-text', 'inbound-to', 'target']);
	for (const field of fields) expect(attributeValues(page.text, 'for')).toContain(field);
});

it('carries a script that parses and looks up only elements the page has', () => {
	const script = scriptOf(page.text);
	expect(compiles(script)).toBe(true);
	expect(script).toContain('runControlPage(window);');
	const ids = attributeValues(page.text, 'id');
	const used = [...script.matchAll(/byId\('([^']+)'\)/g)].map((m) => m[1]);
	expect(used.length).toBeGreaterThan(5);
	for (const id of used) expect(ids).toContain(id);
});

it('calls only control routes that exist', async () => {
	const calls = [...scriptOf(page.text).matchAll(/call\('(GET|POST)', '([^']+)'/g)].map((m) => [m[1], m[2]]);
	expect(calls).toEqual([
		['GET', '/__sim/submissions?limit=50'],
		['POST', '/__sim/push-report'],
		['POST', '/__sim/inbound'],
	]);
	for (const [method, path] of calls) {
		const [pathname, search] = path.split('?');
		const reply = method === 'GET' ? await get(sim, pathname, Object.fromEntries(new URLSearchParams(search))) : await postJson(sim, path, {});
		// An empty body is refused (400) by a route that exists; an unknown route answers 404.
		expect([path, reply.status]).toEqual([path, method === 'GET' ? 200 : 400]);
	}
});
