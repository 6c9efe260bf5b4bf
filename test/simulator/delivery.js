'use strict';
// When delivery reports become final and how they are pushed to a submission's dlr_url:
// autoPush timers, the panel's batch mode, deliver(), and the request shapes of every push style.
const { planRequests, RAW_STYLES } = require('./dlrPush');
const { nativeBody, ntapiBody, nestedBody, OUTCOME_NAMES } = require('./panelDlr');
const { reportsOf, finalTime } = require('./reports');
const { formatDateTime } = require('./panelClock');

const JSON_TYPE = 'application/json';
/** Styles that wait for the panel's batch worker: one POST of a JSON array per callback URL. */
const BATCH_STYLES = { batch: nativeBody, nestedBatch: (entry, _attempt, dlr) => nestedBody(entry, dlr) };
/** The shapes pushReport() can post: the panel's own and the nested ones (the raw styles carry no outcome). */
const REPORT_STYLES = ['native', 'batch', 'ntapi', 'empty', 'nested', 'nestedBatch'];

/**
 * Where a submission's reports are pushed: the account's Default DLR URL when set (updateDLR reads it when
 * the report arrives and prefers it to the message's callback), else the send's dlr_url; '' = nowhere.
 * The setting belongs to the API key's account: the admin's sends keep their own dlr_url.
 */
function pushUrl(sim, submission) {
	return submission.owner === 'user' && sim.config.defaultDlrUrl !== '' ? sim.config.defaultDlrUrl : submission.dlrUrl;
}

/** The report objects of the guessed shapes (and of getDLR 'legacy'): today's fields, from dlr.status/errorCode. */
function legacyReport(sim, submission, report, finalAt) {
	const { status, errorCode, utcOffsetMinutes } = sim.config.dlr;
	return {
		sms_shoot_id: submission.shootId,
		mobile: report.mobile,
		status,
		delivered_at: formatDateTime(finalAt ?? submission.deliveredAtMs, utcOffsetMinutes),
		error_code: errorCode,
	};
}

/**
 * The requests that push `entries` ({submission, report, finalAt}) in `style`, each to its submission's push URL
 * or, when given, to `target`.
 */
function planJobs(sim, style, entries, target) {
	const dlr = sim.config.dlr;
	const byUrl = new Map();
	for (const entry of entries) {
		const url = target ?? pushUrl(sim, entry.submission);
		if (!byUrl.has(url)) byUrl.set(url, []);
		byUrl.get(url).push(entry);
	}
	const jobs = [];
	for (const [url, group] of byUrl) {
		if (RAW_STYLES.includes(style)) {
			const reports = group.map((e) => legacyReport(sim, e.submission, e.report, e.finalAt));
			jobs.push(...planRequests(url, style, reports));
			continue;
		}
		const post = (bodyFor) => ({ url, method: 'POST', contentType: JSON_TYPE, bodyFor, retry: true });
		if (BATCH_STYLES[style]) {
			const build = BATCH_STYLES[style];
			for (let i = 0; i < group.length; i += dlr.batchSize) {
				const chunk = group.slice(i, i + dlr.batchSize);
				jobs.push(post((attempt) => JSON.stringify(chunk.map((e) => build(e, attempt, dlr)))));
			}
			continue;
		}
		for (const entry of group) {
			if (style === 'native') jobs.push(post((attempt) => JSON.stringify(nativeBody(entry, attempt, dlr))));
			else if (style === 'ntapi') jobs.push(post(() => JSON.stringify(ntapiBody(entry))));
			else if (style === 'nested') jobs.push(post(() => JSON.stringify(nestedBody(entry, dlr))));
			else jobs.push(post(() => '{}'));
		}
	}
	return jobs;
}

class Delivery {
	constructor(sim) {
		this.sim = sim;
		this.batchQueue = [];
		this.batchTimer = null;
	}

	/** Forgets queued batch entries (the timers themselves are cleared by the simulator). */
	clear() {
		this.batchQueue = [];
		this.batchTimer = null;
	}

	/**
	 * After a send: with autoPush, the reports become final and go out dlr.delayMs later, to the URL in force
	 * then (a Default DLR URL set after the send still counts, as in the panel).
	 */
	onSubmission(submission) {
		if (submission.held || submission.autoFinalAt === null) return;
		if (BATCH_STYLES[submission.pushStyle]) {
			// The panel's batch worker posts whatever is queued when it runs: sends made before the flush join it.
			this.batchQueue.push(submission);
			if (this.batchTimer === null) this.batchTimer = this.sim.later(submission.delayMs, () => this.flushBatch());
			return;
		}
		this.sim.later(submission.delayMs, () => {
			if (pushUrl(this.sim, submission) === '') return;
			const due = this.takeDue([submission], Math.max(Date.now(), submission.autoFinalAt));
			this.push(submission.pushStyle, due).catch(() => {});
		});
	}

	flushBatch() {
		const submissions = this.batchQueue.filter((submission) => pushUrl(this.sim, submission) !== '');
		this.clear();
		const now = Date.now();
		for (const submission of submissions) {
			for (const report of reportsOf(submission)) if (report.finalAt === null && report.outcome !== 'none') report.finalAt = now;
		}
		for (const style of Object.keys(BATCH_STYLES)) {
			const due = this.takeDue(submissions.filter((submission) => submission.pushStyle === style), now);
			this.push(style, due).catch(() => {});
		}
	}

	/** Reports of `submissions` that are final at `now` and not pushed yet, marked as pushed. */
	takeDue(submissions, now, filter = () => true) {
		const entries = [];
		for (const submission of submissions) {
			for (const report of reportsOf(submission)) {
				if (report.pushed || !filter(report)) continue;
				const finalAt = finalTime(submission, report, now);
				if (finalAt === null) continue;
				report.finalAt = finalAt;
				report.pushed = true;
				entries.push({ submission, report, finalAt });
			}
		}
		return entries;
	}

	/**
	 * Makes reports final now and pushes them in the current dlr.style. shootId undefined = every submission.
	 * Held submissions, outcome 'none' and reports already pushed are left alone.
	 */
	deliver(shootId, { mobile, outcome } = {}) {
		if (outcome !== undefined && !OUTCOME_NAMES.includes(outcome)) {
			throw new Error(`outcome must be one of ${OUTCOME_NAMES.join(', ')} (got ${JSON.stringify(outcome)})`);
		}
		let submissions = [...this.sim.submissions.values()];
		if (shootId !== undefined && shootId !== null) {
			const submission = this.sim.submissions.get(shootId);
			if (!submission) throw new Error(`unknown shoot id ${shootId}`);
			submissions = [submission];
		}
		const mobileText = mobile === undefined || mobile === null ? null : String(mobile);
		const matches = (report) => mobileText === null || report.mobile === mobileText;
		if (mobileText !== null && !submissions.some((s) => reportsOf(s).some(matches))) {
			throw new Error(`no recipient ${mobileText} in ${shootId ?? 'any submission'}`);
		}
		const now = Date.now();
		const live = submissions.filter((s) => !s.held);
		for (const submission of live) {
			for (const report of reportsOf(submission)) {
				if (report.pushed || !matches(report)) continue;
				if (outcome !== undefined) report.outcome = outcome;
				if (report.outcome !== 'none' && finalTime(submission, report, now) === null) report.finalAt = now;
			}
		}
		const due = this.takeDue(live.filter((s) => pushUrl(this.sim, s) !== ''), now, matches);
		return this.push(this.sim.config.dlr.style, due);
	}

	/**
	 * One recipient's report with `outcome`, posted once to `url` in `style` (the control page's buttons): the body
	 * the automatic push builds for that outcome. The report becomes final now with that outcome (getDLR says so)
	 * and counts as pushed, so no automatic push of it follows. Resolves with the attempt's record, in an array like deliver().
	 */
	pushReport(shootId, { mobile, outcome, style, url } = {}) {
		if (!OUTCOME_NAMES.includes(outcome) || outcome === 'none') {
			throw new Error(`outcome must be one of ${OUTCOME_NAMES.filter((name) => name !== 'none').join(', ')} (got ${JSON.stringify(outcome)})`);
		}
		if (!REPORT_STYLES.includes(style)) throw new Error(`style must be one of ${REPORT_STYLES.join(', ')} (got ${JSON.stringify(style)})`);
		if (typeof url !== 'string' || !/^https?:\/\/[^/?#\s]+/i.test(url)) throw new Error(`url must be an http:// or https:// URL (got ${JSON.stringify(url)})`);
		const submission = this.sim.submissions.get(shootId);
		if (!submission) throw new Error(`unknown shoot id ${shootId}`);
		if (submission.held) throw new Error(`${shootId} is held for approval: the panel pushes no report for it`);
		const report = reportsOf(submission).find((r) => r.mobile === String(mobile));
		if (!report) throw new Error(`no recipient ${mobile} in ${shootId}`);
		const now = Date.now();
		report.outcome = outcome;
		report.finalAt = now;
		report.pushed = true;
		return this.sim.runPushJobs(planJobs(this.sim, style, [{ submission, report, finalAt: now }], url), { maxAttempts: 1 });
	}

	push(style, entries) {
		if (entries.length === 0) return Promise.resolve([]);
		return this.sim.runPushJobs(planJobs(this.sim, style, entries));
	}
}

module.exports = { Delivery, legacyReport, pushUrl, REPORT_STYLES };
