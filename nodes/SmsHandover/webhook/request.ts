/**
 * What both webhooks of this package (the trigger's and the send-and-wait resume) do with n8n's
 * request: read the body n8n may have left unparsed, turn it into reports (or an inbound SMS),
 * answer directly, and never throw (a throwing webhook() makes n8n start an execution in error).
 */
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	parseDlrRequest,
	parsePanelRequest,
	type DlrRequest,
	type DlrRequestResult,
	type PanelRequestResult,
} from '../helpers/dlr';

/** The parts of n8n's request object these webhooks read. */
export interface IncomingRequest {
	method?: string;
	query?: Record<string, unknown>;
	headers?: Record<string, unknown>;
	body?: unknown;
	rawBody?: Uint8Array;
	contentType?: string;
	/** Added by n8n's body reader: fills rawBody for bodies n8n did not parse. */
	readRawBody?: () => Promise<void>;
}

export function incomingRequest(context: IWebhookFunctions): IncomingRequest {
	return context.getRequestObject() as unknown as IncomingRequest;
}

/** Answers the request directly with a short text reason; no execution starts. */
export function answer(context: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
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

/** The request as the panel readers (helpers/dlr) take it, its body read if n8n left it unread. */
async function panelRequest(context: IWebhookFunctions, query: Record<string, unknown> | undefined): Promise<DlrRequest> {
	const request = incomingRequest(context);
	const unread = request.method !== 'GET' && request.body === undefined && request.rawBody === undefined;
	if (unread && typeof request.readRawBody === 'function') await request.readRawBody();
	return {
		method: request.method,
		query,
		body: request.body,
		rawBody: request.rawBody,
		contentType: mediaType(request),
		timeZone: context.getTimezone(),
	};
}

/**
 * The delivery reports of the request (Send and Wait's resume URL). From typeVersion 2 n8n parses
 * only JSON, form, text and XML bodies before webhook(); a panel that posts without a content type
 * still gets its body read. `query` replaces the request's query (to leave out parameters that
 * are not report fields).
 */
export async function readReports(
	context: IWebhookFunctions,
	query: Record<string, unknown> | undefined,
): Promise<DlrRequestResult> {
	return parseDlrRequest(await panelRequest(context, query));
}

/** What a request to the trigger carries: delivery reports, or an inbound SMS. */
export async function readTriggerRequest(context: IWebhookFunctions): Promise<PanelRequestResult> {
	return parsePanelRequest(await panelRequest(context, incomingRequest(context).query));
}

/** Runs a webhook handler so that nothing escapes: an unexpected failure answers 500 with a short reason. */
export async function neverThrow(
	context: IWebhookFunctions,
	what: string,
	handler: () => Promise<IWebhookResponseData>,
): Promise<IWebhookResponseData> {
	try {
		return await handler();
	} catch (error) {
		context.logger.warn(`SMS Handover could not process ${what}`, {
			error: error instanceof Error ? error.message : String(error),
		});
		try {
			return answer(context, 500, `Could not process ${what}`);
		} catch {
			return { webhookResponse: `Could not process ${what}` };
		}
	}
}
