/** The items the send engine outputs: what was sent, or in a dry run what would be. */
import type { IDataObject } from 'n8n-workflow';

import type { RunOptions } from '../actions/shared/options';
import { creditsFor, guardFields, type RouteBalance } from './balanceGuard';
import type { Message } from './messages';
import { formOf, type Plan } from './plan';
import type { Submission } from './submit';

function figures(message: Message, plan: Plan): IDataObject {
	const recipients =
		plan.kind === 'bulk'
			? { mobile: message.recipients[0] }
			: { contacts: message.recipients, contactCount: message.recipients.length };
	const { encoding, characters, segments } = message.analysis;
	return { ...recipients, type: message.type, encoding, characters, segments };
}

function batchFields(message: Message, plan: Plan): IDataObject {
	return plan.kind === 'bulk' ? { batch: plan.requestsOf(message.itemIndex)[0]?.number, batchCount: plan.requestCount } : {};
}

/** A sent message: its shoot id(s) and figures (one item per input item). */
export function sentItem(message: Message, plan: Plan, submissions: Submission[]): IDataObject {
	const shootIds = submissions.map((submission) => submission.shootId);
	const heldForApproval = submissions.some((submission) => submission.heldForApproval);
	const result: IDataObject =
		plan.kind === 'bulk'
			? { success: true, shootId: shootIds[0], heldForApproval }
			: {
					success: true,
					shootId: shootIds[0],
					...(shootIds.length > 1 ? { shootIds } : {}),
					providerMessage: submissions[submissions.length - 1].providerMessage,
					heldForApproval,
				};
	return { ...result, ...figures(message, plan), ...batchFields(message, plan), ...(message.schedule ?? {}) };
}

/** What a send would be, for a dry run: the figures, the price and the request without the key. */
export function previewItem(message: Message, plan: Plan, run: RunOptions, verdict: RouteBalance | undefined): IDataObject {
	const credits = creditsFor(message, run);
	const requests = plan.requestsOf(message.itemIndex);
	if (plan.kind === 'bulk') {
		// This item's entry of the personalised list; the real list holds the whole batch.
		return {
			dryRun: true,
			...figures(message, plan),
			...batchFields(message, plan),
			credits,
			request: formOf(plan, requests[0], message),
			summary: plan.summary,
			...guardFields(verdict),
			...(message.schedule ?? {}),
		};
	}
	return {
		dryRun: true,
		...figures(message, plan),
		credits,
		request: formOf(plan, requests[0]),
		requestCount: requests.length,
		...(message.schedule ?? {}),
		...guardFields(verdict),
	};
}
