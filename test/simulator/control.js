'use strict';
// /__sim/* routes: the simulator's test controls for other processes (e2e, sandbox). Not recorded, no latency.
const { readBody, writeAnswer } = require('./httpUtil');
const { reportsOf, finalTime } = require('./reports');
const { pushUrl } = require('./delivery');
const { controlPageAnswer } = require('./controlPage');

/** Recipients listed per submission by GET /__sim/submissions (a bulk may have 50,000). */
const RECIPIENTS_LISTED = 25;

const json = (status, value) => ({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) });

async function readJson(req) {
	const text = (await readBody(req)).toString('utf8').trim();
	if (text === '') return {};
	const value = JSON.parse(text);
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a JSON object');
	return value;
}

function applyFailure(sim, { endpoint, mode, count, after, message, retryAfter, status, location, persistent }) {
	if (mode === null || mode === undefined || persistent) {
		sim.setFailure(endpoint, mode ?? null, { message, retryAfter, status, location });
	} else {
		sim.failNext(endpoint, mode, { count: count ?? 1, after: after ?? 0, message, retryAfter, status, location });
	}
	return { ok: true };
}

/** ?endpoint=send filters, ?since=N skips the first N recorded, ?bodies=false leaves rawBody out (big bulks). */
function listRequests(sim, search) {
	const endpoint = search.get('endpoint');
	let list = sim.requests.slice(Number(search.get('since')) || 0);
	if (endpoint) list = list.filter((r) => r.endpoint === endpoint);
	if (search.get('bodies') === 'false') {
		list = list.map((r) => ({ endpoint: r.endpoint, method: r.method, path: r.path, query: r.query, form: r.form, headers: r.headers, at: r.at }));
	}
	return list;
}

/** A submission as JSON (without its messages), with its per-recipient reports (smsId = message_id in pushes). */
function describeSubmission(submission) {
	const described = {};
	for (const name of Object.keys(submission)) if (name !== 'messages') described[name] = submission[name];
	described.reports = submission.reports;
	return described;
}

/** A submission as the control page lists it: what was sent, where reports go, each listed recipient's report. */
function summariseSubmission(sim, submission, now) {
	const reports = reportsOf(submission);
	const listed = reports.slice(0, RECIPIENTS_LISTED);
	const texts = submission.bulk ? submission.messages : null;
	return {
		shootId: submission.shootId,
		owner: submission.owner,
		createdAt: submission.createdAt,
		senderId: submission.senderUsed,
		text: submission.bulk ? null : submission.messages[0],
		bulk: submission.bulk,
		held: submission.held,
		scheduledFor: submission.time,
		dlrUrl: submission.dlrUrl,
		pushUrl: pushUrl(sim, submission),
		recipientCount: reports.length,
		recipients: listed.map((report, i) => ({
			mobile: report.mobile,
			smsId: report.smsId,
			outcome: report.outcome,
			final: finalTime(submission, report, now) !== null,
			pushed: report.pushed,
			...(texts ? { text: texts[i] } : {}),
		})),
	};
}

/** ?limit=N (default 50, at most 1000) newest first. */
function listSubmissions(sim, search) {
	const limit = Math.min(Math.max(Number.parseInt(search.get('limit') ?? '50', 10) || 50, 1), 1000);
	const now = Date.now();
	return [...sim.submissions.values()]
		.slice(-limit)
		.reverse()
		.map((submission) => summariseSubmission(sim, submission, now));
}

/**
 * The routes the control page posts to take JSON only: a page elsewhere cannot post JSON here without a CORS
 * preflight, which the simulator does not grant.
 */
function requireJson(req) {
	if (!/^application\/json\b/i.test(String(req.headers['content-type'] || ''))) throw new Error('expected Content-Type: application/json');
}

async function route(sim, req, url) {
	const { pathname } = url;
	const method = req.method;
	if (method === 'GET' && pathname === '/__sim/requests') return json(200, listRequests(sim, url.searchParams));
	if (method === 'GET' && pathname === '/__sim/dlr-pushes') return json(200, sim.dlrPushes);
	if (method === 'GET' && pathname === '/__sim/balance') return json(200, [...sim.routes.values()]);
	if (method === 'GET' && pathname === '/__sim/wallet') return json(200, { billing: sim.config.billing, amount: sim.walletAmount });
	if (method === 'GET' && pathname === '/__sim/inbound-calls') return json(200, sim.inboundCalls);
	if (method === 'GET' && pathname.startsWith('/__sim/otp/')) {
		const reference = decodeURIComponent(pathname.slice('/__sim/otp/'.length));
		const entry = sim.otps.get(reference);
		if (!entry) return json(404, { error: `unknown reference ${reference}` });
		return json(200, { reference, otp: entry.otp, mobile: entry.mobile, channelId: entry.channelId });
	}
	if (method === 'GET' && pathname === '/__sim/ui') return controlPageAnswer(sim);
	if (method === 'GET' && pathname === '/__sim/submissions') return json(200, listSubmissions(sim, url.searchParams));
	if (method === 'GET' && pathname.startsWith('/__sim/submissions/')) {
		const shootId = decodeURIComponent(pathname.slice('/__sim/submissions/'.length));
		const submission = sim.getSubmission(shootId);
		if (!submission) return json(404, { error: `unknown shoot id ${shootId}` });
		return json(200, describeSubmission(submission));
	}
	if (method === 'POST' && pathname === '/__sim/deliver') {
		const { shootId, mobile, outcome } = await readJson(req);
		return json(200, await sim.deliver(shootId, { mobile, outcome }));
	}
	if (method === 'POST' && pathname === '/__sim/push-report') {
		requireJson(req);
		const { shootId, mobile, outcome, style, url: target } = await readJson(req);
		return json(200, await sim.pushReport(shootId, { mobile, outcome, style, url: target }));
	}
	if (method === 'POST' && pathname === '/__sim/inbound') return json(200, await sim.receiveInbound(await readJson(req)));
	if (method === 'POST' && pathname === '/__sim/reset') {
		sim.reset();
		return json(200, { ok: true });
	}
	if (method === 'POST' && pathname === '/__sim/fail') return json(200, applyFailure(sim, await readJson(req)));
	if (method === 'POST' && pathname === '/__sim/configure') return json(200, sim.configure(await readJson(req)));
	if (method === 'POST' && pathname === '/__sim/push-dlr') {
		const { url: target, style, reports } = await readJson(req);
		if (typeof target !== 'string' || !Array.isArray(reports)) throw new Error('expected {url, style, reports: [...]}');
		return json(200, await sim.pushDlr(target, { style, reports }));
	}
	return json(404, { error: `no control route ${method} ${pathname}` });
}

async function handleControl(sim, req, res, url) {
	let answer;
	try {
		answer = await route(sim, req, url);
	} catch (error) {
		answer = json(400, { error: error.message });
	}
	writeAnswer(res, answer);
}

module.exports = { handleControl };
