import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { extractReportRecords, makeReport, normaliseReport } from '../../helpers/dlr';
import { apiRequest, endpoints, type ApiContext } from '../../transport';
import { asNodeError } from '../nodeError';

/** The panel's reports for one shoot id, one per recipient, or the error that names the shoot id. */
export async function pullReports(
	this: ApiContext,
	shootId: string,
	timeZone: string,
	timeout: number | undefined,
	itemIndex: number,
): Promise<IDataObject[]> {
	let answer: unknown;
	try {
		answer = await apiRequest.call(this, {
			method: 'GET',
			endpoint: endpoints.deliveryReport(shootId),
			timeout,
			itemIndex,
			retry: 'read',
		});
	} catch (error) {
		if (error instanceof NodeApiError && /INVALID SHOOT ID/i.test(error.message)) {
			throw new NodeApiError(
				this.getNode(),
				{ message: error.message },
				{
					message: `SMS Handover does not know the shoot ID "${shootId}"`,
					description:
						'The panel answered INVALID SHOOT ID: no message of this account has that shoot ID (mistyped, or sent with another account\'s key).',
					itemIndex,
				},
			);
		}
		throw asNodeError(this.getNode(), error, itemIndex);
	}
	const reports = extractReportRecords(answer)
		.map((record) => normaliseReport(record, { timeZone }))
		.filter((report) => report !== null)
		// getDLR rows name the number only: the shoot id is the one asked for.
		.map((report) => ({ ...report, shootId: report.shootId ?? shootId }) as unknown as IDataObject);
	if (reports.length) return reports;
	// Nothing is lost: a shoot id without reports yet still comes out, with what the panel said.
	return [makeReport({ shootId, raw: (answer ?? {}) as IDataObject }) as unknown as IDataObject];
}
