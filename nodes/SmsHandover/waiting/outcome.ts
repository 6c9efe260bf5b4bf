import type { IDataObject } from 'n8n-workflow';

import { makeReport, type DeliveryStatus } from '../helpers/dlr';
import { sameMobile } from '../helpers/phone';

/** Statuses after which a message's fate cannot change: the wait ends. */
export const FINAL_STATUSES: ReadonlySet<DeliveryStatus> = new Set(['delivered', 'failed', 'rejected', 'expired']);

export const isFinal = (report: IDataObject | undefined): boolean =>
	report !== undefined && FINAL_STATUSES.has(report.status as DeliveryStatus);

/** Numbers compared as the panel may echo them (a number, with a country code it added). */
export const sameNumber = sameMobile;

/** This message's report among a shoot id's reports (the send went to one number). */
export function reportFor(reports: IDataObject[], mobile: string): IDataObject | undefined {
	return reports.find((report) => sameNumber(report.mobile, mobile));
}

/**
 * The item a wait ends with when no final report came in time: the report shape with status
 * `timeout`, so one Switch on `status` handles every outcome. `known` adds what is known of the
 * message (what was sent, or the last report seen while polling); `reason` says what happened
 * unless the last pull said more, and `waitMethod` how the node waited.
 */
export function timeoutReport(shootId: string, mobile: string, method: 'push' | 'poll', known: IDataObject = {}): IDataObject {
	return {
		...(makeReport({ shootId, mobile, raw: {} }) as unknown as IDataObject),
		...known,
		shootId,
		mobile,
		status: 'timeout',
		reason: known.reason ?? 'no report within Max Wait',
		waitMethod: method,
	};
}
