import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { parseDlrRequest, type DeliveryReport } from '../helpers/dlr';
import { dedupeKey, SeenReports } from './dedupe';
import { requestAuthorized } from './secret';

interface TriggerOptions {
	secretToken?: string;
	deduplicate?: boolean;
	deduplicateWindow?: number;
}

/** The parts of n8n's request object the trigger reads. */
interface IncomingRequest {
	method?: string;
	query?: Record<string, unknown>;
	headers?: Record<string, unknown>;
	body?: unknown;
	rawBody?: Uint8Array;
	contentType?: string;
	/** Added by n8n's body reader: fills rawBody for bodies n8n did not parse. */
	readRawBody?: () => Promise<void>;
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

/** Answers the request directly with a short text reason; no execution starts. */
function answer(context: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	const response = context.getResponseObject();
	response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
	response.end(reason);
	return { noWebhookResponse: true };
}

function mediaType(request: IncomingRequest): string | undefined {
	if (request.contentType) return request.contentType;
	const header = request.headers?.['content-type'];
	return typeof header === 'string' ? header.split(';')[0].trim().toLowerCase() : undefined;
}

function dedupeScope(context: IWebhookFunctions): string {
	return [context.getWorkflow().id ?? '', context.getNode().id, context.getMode()].join(':');
}

/**
 * From typeVersion 2 n8n parses only JSON, form, text and XML bodies before webhook(); a panel
 * that posts without a content type still gets its body read here.
 */
async function readUnparsedBody(request: IncomingRequest): Promise<void> {
	if (request.method === 'GET' || request.body !== undefined || request.rawBody !== undefined) return;
	if (typeof request.readRawBody === 'function') await request.readRawBody();
}

async function handle(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = context.getRequestObject() as unknown as IncomingRequest;
	const options = context.getNodeParameter('options', {}) as TriggerOptions;

	if (!(await requestAuthorized(context, options.secretToken, request.query, request.headers))) {
		return answer(context, 401, 'Unauthorized: missing or wrong token');
	}

	await readUnparsedBody(request);
	const parsed = parseDlrRequest({
		method: request.method,
		query: request.query,
		body: request.body,
		rawBody: request.rawBody,
		contentType: mediaType(request),
		timeZone: context.getTimezone(),
	});
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
export async function receiveDeliveryReports(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	try {
		return await handle(this);
	} catch (error) {
		this.logger.warn('SMS Handover Trigger could not process a delivery report request', {
			error: error instanceof Error ? error.message : String(error),
		});
		try {
			return answer(this, 500, 'Could not process the delivery report request');
		} catch {
			return { webhookResponse: 'Could not process the delivery report request' };
		}
	}
}
