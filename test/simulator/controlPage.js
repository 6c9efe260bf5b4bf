'use strict';
// GET /__sim/ui: the sandbox's control page. One self-contained HTML page (inline CSS and script, nothing
// fetched from elsewhere, so it works offline) that lists what the sandbox received and, through the
// /__sim/* routes, pushes a report for any recipient or forwards an inbound SMS to a URL the user pastes.
const crypto = require('node:crypto');
const { controlPageScript } = require('./controlPageScript');

const escapeHtml = (text) =>
	String(text).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]);

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #fff; --muted: #57606a; --line: #d0d7de; --ok: #116329; --bad: #a40e26; --accent: #0550ae; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9da7b3; --line: #3d444d; --ok: #56d364; --bad: #ff7b72; --accent: #79c0ff; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header, main { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 1rem 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
label { display: block; font-weight: 600; margin: .5rem 0 .2rem; }
label.inline { display: inline-flex; align-items: center; gap: .35rem; font-weight: normal; margin: 0; }
input[type=url], input[type=text], textarea { width: 100%; font: inherit; padding: .45rem .5rem; border: 1px solid var(--muted); border-radius: 4px; color: inherit; background: transparent; }
fieldset { border: 1px solid var(--line); border-radius: 4px; margin: .75rem 0; padding: .25rem .75rem .5rem; }
legend { font-weight: 600; padding: 0 .25rem; }
fieldset label { font-weight: normal; display: flex; gap: .4rem; align-items: baseline; margin: .25rem 0; }
button { font: inherit; min-height: 2.25rem; padding: .3rem .8rem; border: 1px solid var(--muted); border-radius: 4px; background: transparent; color: inherit; cursor: pointer; }
button:hover { border-color: var(--accent); }
button:disabled { opacity: .5; cursor: not-allowed; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
button.delivered { color: var(--ok); }
button.failed, button.rejected { color: var(--bad); }
code { overflow-wrap: anywhere; }
.help, .note { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
.toolbar { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
#result { padding: .6rem .75rem; border-left: 4px solid var(--line); overflow-wrap: anywhere; margin: 0; }
#result[data-kind=ok] { border-color: var(--ok); }
#result[data-kind=error] { border-color: var(--bad); color: var(--bad); }
ol.messages { list-style: none; padding: 0; margin: 0; }
li.message { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; margin: .75rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: .25rem 0 .5rem; font-size: .95rem; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; }
th, td { text-align: left; padding: .3rem .4rem; border-top: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
td.buttons { display: flex; flex-wrap: wrap; gap: .4rem; }
.last { display: block; font-size: .85rem; }
.last.ok { color: var(--ok); }
.last.error { color: var(--bad); }
form { max-width: 32rem; }
form button { margin-top: .75rem; }
@media (max-width: 36rem) {
  dl { grid-template-columns: 1fr; }
  dt { margin-top: .25rem; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tr, th, td { display: block; }
  th[scope=row] { border-top: 1px solid var(--line); font-weight: 600; }
  td { border-top: 0; }
}
`;

const SHAPES = [
	['native', 'Native', 'one JSON object per recipient, the panel\'s default'],
	['batch', 'Batch', 'a JSON array of those objects, the panel\'s 15-minute mode'],
	['ntapi', 'ntapi', '{"CMD": "DLVRREP", "FROM", "SMID", "DETAIL", …}'],
];

/** The page's HTML; `keywords` are the account's inbound keywords, `nonce` allows its inline style and script. */
function controlPageHtml({ keywords, nonce }) {
	const shapeChoices = SHAPES.map(
		([value, name, what], i) =>
			`<label><input type="radio" name="shape" value="${value}"${i === 0 ? ' checked' : ''}> <span><strong>${name}</strong>: ${escapeHtml(what)}</span></label>`,
	).join('\n      ');
	const keywordList = keywords.length ? keywords.map(escapeHtml).join(', ') : 'none set';
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SMS Handover sandbox</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header>
  <h1>SMS Handover sandbox</h1>
  <p class="help">The local simulator of the SMS Handover API: nothing is really sent. From here it pushes delivery reports and forwards inbound SMS the way the panel does, to the URL you paste.</p>
</header>
<main>
  <section aria-labelledby="target-heading">
    <h2 id="target-heading">Where to send</h2>
    <label for="target">Send reports and messages to</label>
    <input id="target" name="target" type="url" inputmode="url" autocomplete="off" spellcheck="false"
      placeholder="http://localhost:5678/webhook-test/…/dlr?token=…" aria-describedby="target-help target-note">
    <p id="target-help" class="help">In n8n, open the SMS Handover Trigger and copy its <strong>Test URL</strong> (Webhook URLs → Test URL; copy it first: the panel is locked while it listens), add <code>?token=</code> followed by your Webhook credential's secret, then click <strong>Listen for test event</strong> (n8n 2.x: <strong>Execute step</strong>) and push within 2 minutes. Or use the Production URL once the workflow is active. Remembered in this browser.</p>
    <p id="target-note" class="note"></p>
    <fieldset>
      <legend>Report shape</legend>
      ${shapeChoices}
    </fieldset>
  </section>
  <section aria-labelledby="result-heading">
    <h2 id="result-heading">Last answer</h2>
    <p id="result" role="status" aria-live="polite">Nothing pushed yet.</p>
  </section>
  <section aria-labelledby="messages-heading">
    <h2 id="messages-heading">Messages the sandbox received</h2>
    <div class="toolbar">
      <button type="button" id="refresh">Refresh</button>
      <label class="inline"><input type="checkbox" id="auto-refresh" checked> Refresh every 5 seconds</label>
    </div>
    <p id="list-status" class="help">Loading…</p>
    <ol id="messages" class="messages"></ol>
  </section>
  <section aria-labelledby="inbound-heading">
    <h2 id="inbound-heading">Inbound SMS</h2>
    <p class="help">Forwards a handset's SMS as the panel's Default MO URL does: a GET of the URL above with <code>&amp;from=%p&amp;text=%r&amp;to=%v&amp;id=%i&amp;time=%t&amp;keyword=%m</code> merged into its query. The trigger must start on inbound SMS (its Trigger On option).</p>
    <form id="inbound" novalidate>
      <label for="inbound-from">From (the handset's number)</label>
      <input id="inbound-from" name="from" type="text" inputmode="tel" autocomplete="off" value="919812345678" aria-describedby="from-help">
      <p id="from-help" class="help">Put into the URL as it is, as the panel does: a leading + reaches n8n as a space.</p>
      <label for="inbound-to">To (your virtual number)</label>
      <input id="inbound-to" name="to" type="text" inputmode="tel" autocomplete="off" value="15550100">
      <label for="inbound-text">Text</label>
      <textarea id="inbound-text" name="text" rows="2">YES please</textarea>
      <label for="inbound-keyword">Keyword (optional)</label>
      <input id="inbound-keyword" name="keyword" type="text" autocomplete="off" aria-describedby="keyword-help">
      <p id="keyword-help" class="help">Empty: the text's first word is matched against the account's keywords (${keywordList}), as the panel does.</p>
      <button type="submit">Send inbound SMS</button>
    </form>
  </section>
</main>
<script nonce="${nonce}">
${controlPageScript()}</script>
</body>
</html>
`;
}

/** The answer to GET /__sim/ui: the page, allowed to reach only this server. */
function controlPageAnswer(sim) {
	const nonce = crypto.randomBytes(16).toString('base64');
	const policy = [
		"default-src 'none'",
		`style-src 'nonce-${nonce}'`,
		`script-src 'nonce-${nonce}'`,
		"connect-src 'self'",
		"base-uri 'none'",
		"form-action 'none'",
		"frame-ancestors 'none'",
	].join('; ');
	return {
		status: 200,
		contentType: 'text/html; charset=utf-8',
		body: controlPageHtml({ keywords: sim.config.inbound.keywords, nonce }),
		headers: { 'Content-Security-Policy': policy, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
	};
}

module.exports = { controlPageAnswer, controlPageHtml };
