import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { extractReportRecords, makeReport, normaliseReport } from '../../helpers/dlr';
import { apiRequest, apiVersion, endpoints, type ApiContext } from '../../transport';
import { asNodeError, describeValue, inputError, panelRefusal } from './errors';

/**
 * The panel's reports for one shoot id (getDLR), one per recipient, in the trigger's item shape
 * (Delivery Report → Get, and Send and Wait's poll and empty-push resume). Zone-less report times
 * are read in the workflow's time zone, as everywhere.
 */
export async function pullReports(
	context: ApiContext,
	shootId: string,
	timeout: number | undefined,
	itemIndex: number,
	byMessageId = false,
): Promise<IDataObject[]> {
	const v2 = (await apiVersion(context)) === 'v2';
	if (byMessageId && !v2) {
		throw inputError(context.getNode(), itemIndex, 'options.byMessageId', 'needs the JSON API (v2)', "The classic API finds reports by shoot ID only. Set the credential's API to JSON API (v2).");
	}
	if (shootId === '.' || shootId === '..') {
		// In the classic API's URL path these would name another path of the panel.
		throw inputError(context.getNode(), itemIndex, 'shootId', `"${shootId}" is not a shoot ID`);
	}
	let answer: unknown;
	try {
		// The v2 page sends the id as a JSON body on a GET, which n8n cannot send: the query carries it.
		answer = await apiRequest(context, {
			method: 'GET',
			endpoint: v2 ? endpoints.v2.deliveryReport : endpoints.deliveryReport(shootId),
			qs: v2 ? { [byMessageId ? 'sms_id' : 'batch_id']: shootId } : undefined,
			timeout,
			itemIndex,
			retry: 'read',
		});
	} catch (error) {
		if (error instanceof NodeApiError && /INVALID SHOOT ID/i.test(error.message)) {
			throw panelRefusal(
				context.getNode(),
				error.message,
				`SMS Handover does not know the shoot ID "${describeValue(shootId)}"`,
				"The panel answered INVALID SHOOT ID. It reads sent messages only, so it also answers this for a campaign that is scheduled, held for approval or still queued; otherwise the shoot ID is mistyped or belongs to another account's key.",
				itemIndex,
			);
		}
		throw asNodeError(context.getNode(), error, itemIndex);
	}
	const timeZone = context.getTimezone();
	const reports = extractReportRecords(answer)
		.map((record) => normaliseReport(record, { timeZone }))
		.filter((report) => report !== null)
		// getDLR rows name the number only: the shoot id is the one asked for.
		.map((report) => ({ ...report, shootId: report.shootId ?? (byMessageId ? null : shootId) }) as unknown as IDataObject);
	if (reports.length) return reports;
	// Nothing is lost: a shoot id without reports yet still comes out, with what the panel said.
	const asked = byMessageId ? { messageIds: [shootId] } : { shootId };
	return [makeReport({ ...asked, raw: (answer ?? {}) as IDataObject }) as unknown as IDataObject];
}
