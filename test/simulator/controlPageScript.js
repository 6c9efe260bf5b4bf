'use strict';
// The control page's script (controlPage.js inlines it): plain functions whose source the page carries, so
// the same code is linted and unit-tested here and runs in the browser. Each function is self-contained
// (it is copied with Function.prototype.toString); runControlPage() may call the others by name.

/** The pasted URL with its `token` value shown as *** (the page repeats URLs in its answers). */
function maskToken(url) {
	return String(url).replace(/([?&]token=)[^&#]*/gi, '$1***');
}

/**
 * The Default MO URL the page gives the sandbox for an inbound SMS: the pasted URL (its own query, which
 * carries the token, first) with the README's template from=%p&text=%r&to=%v&id=%i&time=%t&keyword=%m merged
 * into its query. Parameters of the template already in the pasted query are replaced, a fragment dropped.
 * Built as text: URL() would encode the placeholders' % signs.
 */
function inboundUrl(pasted) {
	const template = ['from=%p', 'text=%r', 'to=%v', 'id=%i', 'time=%t', 'keyword=%m'];
	const names = template.map((pair) => pair.split('=')[0]);
	const text = String(pasted).trim();
	const hashAt = text.indexOf('#');
	const withoutHash = hashAt >= 0 ? text.slice(0, hashAt) : text;
	const queryAt = withoutHash.indexOf('?');
	const base = queryAt >= 0 ? withoutHash.slice(0, queryAt) : withoutHash;
	const own = queryAt >= 0 ? withoutHash.slice(queryAt + 1).split('&') : [];
	const kept = own.filter((pair) => pair !== '' && !names.includes(pair.split('=')[0]));
	return `${base}?${[...kept, ...template].join('&')}`;
}

/**
 * What the URL answered, for a push or inbound record {status, error, responseBody}. A JSON error body with a
 * `message` (n8n's 404 for a Test URL nobody listens on) is shown as its message and hint, without its stack.
 */
function describeAnswer(record) {
	if (!record) return 'made no request';
	if (record.status === null || record.status === undefined) return `got no answer: ${record.error || 'no response'}`;
	let body = String(record.responseBody || '').trim();
	try {
		const value = JSON.parse(body);
		if (value && typeof value.message === 'string') body = [value.message, value.hint].filter((part) => typeof part === 'string').join(' ');
	} catch {
		// not JSON: shown as it is
	}
	return `answered HTTP ${record.status}${body ? `: ${body.length > 300 ? `${body.slice(0, 300)}…` : body}` : ' (empty body)'}`;
}

/** Whether the record is a 2xx answer. */
function answeredOk(record) {
	return Boolean(record) && typeof record.status === 'number' && record.status >= 200 && record.status < 300;
}

/** What the page says about the pasted URL before anything is sent. */
function describeTarget(url) {
	const text = String(url).trim();
	if (text === '') return 'Paste the SMS Handover Trigger\'s Test URL or Production URL here.';
	if (!/^https?:\/\/[^/?#\s]+/i.test(text)) return 'This is not an http:// or https:// URL.';
	const notes = [];
	if (!/[?&]token=[^&#]/.test(text)) {
		notes.push('No ?token= in this URL: a version-4 trigger answers 401 without its Webhook credential\'s secret.');
	}
	if (/\/webhook-test\//.test(text)) {
		notes.push(
			'Test URL: after each click on "Listen for test event" (n8n 2.x: "Execute step") n8n takes one report, for 2 minutes; click it again before the next push.',
		);
	} else if (/\/webhook\//.test(text)) {
		notes.push('Production URL: the workflow must be active (published).');
	}
	return notes.join(' ') || 'Ready.';
}

/** Runs the page: `window` is the browser's. */
function runControlPage(window) {
	const { document, localStorage } = window;
	const STORAGE = { target: 'smsHandoverSandbox.target', shape: 'smsHandoverSandbox.shape' };
	const REFRESH_MS = 5000;
	const OUTCOMES = [
		['delivered', 'Delivered'],
		['failed', 'Failed'],
		['rejected', 'Rejected'],
	];
	const byId = (id) => document.getElementById(id);
	const target = byId('target');
	const result = byId('result');
	const lastPush = new Map();
	let listing = [];
	let listingText = '';
	let loading = false;

	const recall = (key) => {
		try {
			return localStorage.getItem(key);
		} catch {
			return null; // storage blocked: nothing remembered
		}
	};
	const remember = (key, value) => {
		try {
			localStorage.setItem(key, value);
		} catch {
			// storage blocked: the value is kept only while the page is open
		}
	};

	function element(tag, props = {}, ...children) {
		const node = document.createElement(tag);
		for (const [name, value] of Object.entries(props)) {
			if (name === 'dataset') Object.assign(node.dataset, value);
			else if (name.startsWith('aria-')) node.setAttribute(name, value);
			else node[name] = value;
		}
		for (const child of children) node.append(child);
		return node;
	}

	function show(text, kind) {
		result.textContent = text;
		result.dataset.kind = kind;
	}

	function noteTarget() {
		byId('target-note').textContent = describeTarget(target.value);
	}

	function shape() {
		const checked = document.querySelector('input[name="shape"]:checked');
		return checked ? checked.value : 'native';
	}

	function targetUrl() {
		const url = target.value.trim();
		if (/^https?:\/\/[^/?#\s]+/i.test(url)) return url;
		show('Paste the trigger\'s URL into "Send reports and messages to" first.', 'error');
		target.focus();
		return null;
	}

	async function call(method, path, body) {
		const response = await window.fetch(path, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let value = null;
		try {
			value = text ? JSON.parse(text) : null;
		} catch {
			value = null;
		}
		if (!response.ok) throw new Error(value && value.error ? value.error : `HTTP ${response.status} ${text}`);
		return value;
	}

	function reportState(recipient) {
		if (recipient.pushed) return `${recipient.outcome}, pushed`;
		if (recipient.final) return `${recipient.outcome}, not pushed (no DLR URL)`;
		return 'pending';
	}

	function recipientRow(message, recipient) {
		const key = `${message.shootId}|${recipient.mobile}`;
		const state = element('td', {}, element('span', {}, reportState(recipient)));
		const last = lastPush.get(key);
		if (last) state.append(element('span', { className: `last ${last.kind}` }, last.text));
		const buttons = element('td', { className: 'buttons' });
		for (const [outcome, label] of OUTCOMES) {
			const button = element(
				'button',
				{
					type: 'button',
					id: `push-${message.shootId}-${recipient.mobile}-${outcome}`,
					className: `push ${outcome}`,
					dataset: { shootId: message.shootId, mobile: recipient.mobile, outcome },
					'aria-label': `${label} report for ${recipient.mobile}, shoot ID ${message.shootId}`,
				},
				label,
			);
			button.disabled = message.held;
			button.addEventListener('click', () => pushReport(message.shootId, recipient.mobile, outcome, label));
			buttons.append(button);
		}
		const cells = [element('th', { scope: 'row' }, recipient.mobile), state, buttons];
		if (recipient.text !== undefined) cells.splice(1, 0, element('td', { className: 'text' }, recipient.text));
		return element('tr', {}, ...cells);
	}

	function messageItem(message) {
		const details = element('dl');
		const add = (term, value) => details.append(element('dt', {}, term), element('dd', {}, value));
		add('Received', new Date(message.createdAt).toLocaleString());
		add('Sender ID', message.senderId);
		if (!message.bulk) add('Text', message.text);
		add('DLR URL', message.dlrUrl ? maskToken(message.dlrUrl) : 'none (reports go only where you push them from here)');
		if (message.pushUrl && message.pushUrl !== message.dlrUrl) add('Automatic reports go to', maskToken(message.pushUrl));
		const item = element('li', { className: 'message', dataset: { shootId: message.shootId } });
		item.append(element('h3', {}, `Shoot ID ${message.shootId}`), details);
		if (message.held) {
			item.append(element('p', { className: 'note' }, 'Held for approval: the panel pushes no report for a held campaign.'));
		}
		const head = element('tr', {}, element('th', { scope: 'col' }, 'Number'));
		if (message.bulk) head.append(element('th', { scope: 'col' }, 'Text'));
		head.append(element('th', { scope: 'col' }, 'Report'), element('th', { scope: 'col' }, 'Push a report'));
		const body = element('tbody');
		for (const recipient of message.recipients) body.append(recipientRow(message, recipient));
		item.append(element('table', {}, element('caption', {}, 'Recipients'), element('thead', {}, head), body));
		if (message.recipientCount > message.recipients.length) {
			item.append(element('p', { className: 'help' }, `…and ${message.recipientCount - message.recipients.length} more recipients.`));
		}
		return item;
	}

	function render() {
		const focused = document.activeElement && document.activeElement.id;
		const list = byId('messages');
		list.replaceChildren(...listing.map(messageItem));
		byId('list-status').textContent = listing.length
			? `${listing.length} message${listing.length === 1 ? '' : 's'}, newest first (updated ${new Date().toLocaleTimeString()}).`
			: 'No messages yet. Send one with the SMS Handover node (its credential pointing at this sandbox), then refresh.';
		if (focused && focused.startsWith('push-') && byId(focused)) byId(focused).focus();
	}

	async function refresh() {
		if (loading) return;
		loading = true;
		try {
			const list = await call('GET', '/__sim/submissions?limit=50');
			const text = JSON.stringify(list);
			if (text !== listingText) {
				listingText = text;
				listing = list;
				render();
			} else {
				byId('list-status').textContent = byId('list-status').textContent.replace(/\(updated .*\)/, `(updated ${new Date().toLocaleTimeString()})`);
			}
		} catch (error) {
			byId('list-status').textContent = `Could not read the sandbox's messages: ${error.message}`;
		} finally {
			loading = false;
		}
	}

	async function pushReport(shootId, mobile, outcome, label) {
		const url = targetUrl();
		if (!url) return;
		const style = shape();
		const what = `${label} report (${style}) for ${mobile}`;
		show(`${what}: pushing…`, 'busy');
		let entry;
		try {
			const [record] = await call('POST', '/__sim/push-report', { shootId, mobile, outcome, style, url });
			const kind = answeredOk(record) ? 'ok' : 'error';
			show(`${what} → POST ${maskToken(url)} ${describeAnswer(record)}`, kind);
			entry = { kind, text: `${label} (${style}): ${record && record.status !== null ? `HTTP ${record.status}` : 'no answer'}` };
		} catch (error) {
			show(`${what}: the sandbox refused: ${error.message}`, 'error');
			entry = { kind: 'error', text: `${label}: refused` };
		}
		lastPush.set(`${shootId}|${mobile}`, entry);
		listingText = '';
		await refresh();
	}

	async function sendInbound(event) {
		event.preventDefault();
		const url = targetUrl();
		if (!url) return;
		const field = (name) => byId(`inbound-${name}`).value;
		const message = { from: field('from').trim(), to: field('to').trim(), text: field('text'), defaultMoUrl: inboundUrl(url) };
		if (field('keyword').trim() !== '') message.keyword = field('keyword').trim();
		const what = `Inbound SMS from ${message.from}`;
		show(`${what}: forwarding…`, 'busy');
		try {
			const records = await call('POST', '/__sim/inbound', message);
			const record = records[records.length - 1];
			show(`${what} → GET ${maskToken(record ? record.url : message.defaultMoUrl)} ${describeAnswer(record)}`, answeredOk(record) ? 'ok' : 'error');
		} catch (error) {
			show(`${what}: the sandbox refused: ${error.message}`, 'error');
		}
	}

	target.value = recall(STORAGE.target) || '';
	noteTarget();
	target.addEventListener('input', () => {
		remember(STORAGE.target, target.value.trim());
		noteTarget();
	});
	const savedShape = recall(STORAGE.shape);
	for (const radio of document.querySelectorAll('input[name="shape"]')) {
		if (radio.value === savedShape) radio.checked = true;
		radio.addEventListener('change', () => remember(STORAGE.shape, radio.value));
	}
	byId('refresh').addEventListener('click', () => {
		listingText = '';
		refresh();
	});
	byId('inbound').addEventListener('submit', sendInbound);
	window.setInterval(() => {
		if (byId('auto-refresh').checked && !document.hidden) refresh();
	}, REFRESH_MS);
	refresh();
}

/** The page's whole script: the helpers, then runControlPage(window). */
function controlPageScript() {
	const helpers = [maskToken, inboundUrl, describeAnswer, answeredOk, describeTarget, runControlPage];
	return `'use strict';\n${helpers.map((fn) => fn.toString()).join('\n\n')}\n\nrunControlPage(window);\n`;
}

module.exports = { controlPageScript, maskToken, inboundUrl, describeAnswer, answeredOk, describeTarget };
