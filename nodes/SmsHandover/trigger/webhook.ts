import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { DeliveryReport } from '../helpers/dlr';
import { answer, incomingRequest, neverThrow, readReports } from '../webhook/request';
import { dedupeKey, SeenReports } from './dedupe';
import { requestAuthorized } from './secret';

interface TriggerOptions {
	secretToken?: string;
	deduplicate?: boolean;
	deduplicateWindow?: number;
}

// Webhook requests of one n8n process share this module, so dedupe memory lives here.
const seenReports = new SeenReports();
let warnedAboutEmptyPushes = false;

/**
 * `{}` is what the panel's default (instant) delivery-report mode posts in its published code:
 * its queue query never selects the push mode, so no report is built. Answering 200 stops the
 * panel from posting it again; saying so once per process tells the user why nothing runs.
 */
function warnAboutEmptyPush(context: IWebhookFunctions): void {
	if (warnedAboutEmptyPushes) return;
	warnedAboutEmptyPushes = true;
	context.logger.warn(
		'SMS Handover Trigger received an empty delivery report ({}). The panel sends these in its default instant mode, which carries no report. Ask the panel admin to switch delivery-report callbacks to batch mode, or pull reports with SMS Handover → Delivery Report → Get. Later empty reports are not logged again.',
	);
}

function dedupeScope(context: IWebhookFunctions): string {
	return [context.getWorkflow().id ?? '', context.getNode().id, context.getMode()].join(':');
}

async function handle(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = incomingRequest(context);
	const options = context.getNodeParameter('options', {}) as TriggerOptions;

	if (!(await requestAuthorized(context, options.secretToken, request.query, request.headers))) {
		return answer(context, 401, 'Unauthorized: missing or wrong token');
	}

	const parsed = await readReports(context, request.query);
	if (parsed.rejected !== null) return answer(context, parsed.rejectedStatus ?? 400, parsed.rejected);
	if (parsed.emptyObject) {
		warnAboutEmptyPush(context);
		return {};
	}

	const events = context.getNodeParameter('events', []) as string[];
	let reports: DeliveryReport[] = parsed.reports;
	if (events.length > 0) reports = reports.filter((report) => events.includes(report.status));
	if (options.deduplicate && reports.length > 0) {
		const windowMs = (options.deduplicateWindow ?? 60) * 60_000;
		reports = seenReports.keepUnseen(dedupeScope(context), reports, dedupeKey, windowMs, Date.now());
	}
	// Nothing left to act on: n8n answers 200 and no execution starts.
	if (reports.length === 0) return {};

	return {
		workflowData: [context.helpers.returnJsonArray(reports as unknown as IDataObject[])],
	};
}

/** The trigger's webhook(): never throws; unexpected failures answer 500 with a short reason. */
export async function receiveDeliveryReports(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await neverThrow(context, 'the delivery report request', async () => await handle(context));
}
