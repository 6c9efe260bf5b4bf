import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { inboundKey, type DeliveryReport } from '../helpers/dlr';
import { answer, incomingRequest, neverThrow, readTriggerRequest } from '../webhook/request';
import { dedupeKey, SeenReports } from './dedupe';
import { ALL_REPORTS, SECRET_REQUIRED_FROM_VERSION } from './description';
import { webhookSecret } from './secret';
import { carriesToken } from './token';

interface TriggerOptions {
	secretToken?: string;
	deduplicate?: boolean;
	deduplicateWindow?: number;
}

// Webhook requests of one n8n process share this module, so dedupe memory and the warnings said
// once per process live here.
const seenReports = new SeenReports();
const warned = new Set<string>();

/** Logs a warning the first time this process meets the situation `kind`; later ones are silent. */
function warnOnce(context: IWebhookFunctions, kind: string, message: string): void {
	if (warned.has(kind)) return;
	warned.add(kind);
	context.logger.warn(message);
}

/** "SMS Handover Trigger "<node>" of workflow <id>": which trigger a warning is about. */
const which = (context: IWebhookFunctions) =>
	`SMS Handover Trigger "${context.getNode().name}" of workflow ${context.getWorkflow().id ?? '(unsaved)'}`;

function dedupeScope(context: IWebhookFunctions): string {
	return [context.getWorkflow().id ?? '', context.getNode().id, context.getMode()].join(':');
}

/** The answer that refuses the request for want of a secret, or null when it may go on. */
async function refusal(context: IWebhookFunctions, options: TriggerOptions): Promise<IWebhookResponseData | null> {
	const request = incomingRequest(context);
	const secret = await webhookSecret(context, options.secretToken);
	if (secret.kind === 'unusable') {
		warnOnce(
			context,
			'unusable',
			`${which(context)} refuses every request: its Webhook credential's secret token cannot be used (${secret.problem}). Fix the token in the credential. Later cases are not logged again.`,
		);
		return answer(context, 401, "Unauthorized: this trigger's secret token is not usable; see n8n's log");
	}
	if (secret.kind === 'none') {
		if (context.getNode().typeVersion >= SECRET_REQUIRED_FROM_VERSION) {
			warnOnce(
				context,
				'required',
				`${which(context)} refuses every request: it has no SMS Handover Webhook API credential, which its version requires. Later cases are not logged again.`,
			);
			return answer(context, 401, 'Unauthorized: this trigger needs an SMS Handover Webhook API credential');
		}
		warnOnce(
			context,
			'open',
			`${which(context)} has no secret token: anyone who has its URL can start the workflow. Add an SMS Handover Webhook API credential. Later cases are not logged again.`,
		);
		return null;
	}
	if (secret.deprecated) {
		warnOnce(
			context,
			'deprecated',
			`${which(context)} uses the deprecated Secret Token option, which is stored in clear in the workflow. Move the token to an SMS Handover Webhook API credential. Later cases are not logged again.`,
		);
	}
	if (carriesToken(secret.token, request.query, request.headers)) return null;
	// The trigger cannot show hints in the editor, which keeps listening: the answer (which the
	// sender sees) and one line in n8n's log say what to fix.
	warnOnce(
		context,
		'wrongToken',
		`${which(context)} refused a request without its secret token or with a wrong one (401). Later cases are not logged again.`,
	);
	return answer(context, 401, WRONG_TOKEN_ANSWER);
}

/** The 401 body for a missing or wrong token: the sender (or the user testing with curl) reads it. */
export const WRONG_TOKEN_ANSWER =
	"Unauthorized: missing or wrong token. This trigger starts only on requests that carry its Webhook credential's secret token, as ?token=<secret> or the X-SMSHandover-Token header: turn on Add Trigger Token in the SMS Handover node that sends, or append ?token=<secret> to the URL given to the panel.";

type TriggerOn = 'deliveryReport' | 'inboundSms';

/**
 * The statuses Events lets through, or null for all: "All Reports", or nothing selected, means
 * all. An expression may give a list or a comma-separated text.
 */
function eventFilter(context: IWebhookFunctions): string[] | null {
	const value = context.getNodeParameter('events', []) as unknown;
	const events = typeof value === 'string' ? value.split(',').map((event) => event.trim()).filter(Boolean) : (value ?? []);
	if (!Array.isArray(events)) throw new Error(`Events is ${typeof events}, not a list of statuses`);
	if (events.length === 0 || events.includes(ALL_REPORTS)) return null;
	return events.map(String);
}

/** What the trigger starts on; nothing selected (or a node from before the option) means delivery reports. */
function triggerOn(context: IWebhookFunctions): TriggerOn[] {
	const selected = context.getNodeParameter('triggerOn', ['deliveryReport']) as TriggerOn[];
	return Array.isArray(selected) && selected.length > 0 ? selected : ['deliveryReport'];
}

function deduplicated<T>(context: IWebhookFunctions, options: TriggerOptions, items: T[], keyOf: (item: T) => string | null): T[] {
	if (!options.deduplicate || items.length === 0) return items;
	const windowMs = (options.deduplicateWindow ?? 60) * 60_000;
	return seenReports.keepUnseen(dedupeScope(context), items, keyOf, windowMs, Date.now());
}

async function handle(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const options = context.getNodeParameter('options', {}) as TriggerOptions;
	const refused = await refusal(context, options);
	if (refused) return refused;

	const parsed = await readTriggerRequest(context);
	if (parsed.rejected !== null) return answer(context, parsed.rejectedStatus ?? 400, parsed.rejected);
	const kinds = triggerOn(context);
	const toItems = (items: IDataObject[]) =>
		items.length === 0 ? {} : { workflowData: [context.helpers.returnJsonArray(items)] };

	if (parsed.kind === 'inboundSms') {
		// A request of a kind the trigger does not start on: 200, nothing starts.
		if (!kinds.includes('inboundSms') || parsed.message === null) return {};
		return toItems(deduplicated(context, options, [parsed.message], inboundKey) as unknown as IDataObject[]);
	}
	if (!kinds.includes('deliveryReport')) return {};
	if (parsed.emptyObject) {
		// `{}` is what the panel's default (instant) mode posts in its published code: its queue query
		// never selects the push mode, so no report is built. 200 stops it posting again.
		warnOnce(
			context,
			'empty',
			'SMS Handover Trigger received an empty delivery report ({}). The panel sends these in its default instant mode, which carries no report. Ask the panel admin to switch delivery-report callbacks to batch mode, or pull reports with SMS Handover → Delivery Report → Get. Later empty reports are not logged again.',
		);
		return {};
	}
	const statuses = eventFilter(context);
	let reports: DeliveryReport[] = parsed.reports;
	if (statuses) reports = reports.filter((report) => statuses.includes(report.status));
	reports = deduplicated(context, options, reports, dedupeKey);
	return toItems(reports.map((report) => ({ event: 'deliveryReport', ...report })) as unknown as IDataObject[]);
}

/** The trigger's webhook(): never throws; unexpected failures answer 500 with a short reason. */
export async function receiveDeliveryReports(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await neverThrow(context, 'the delivery report request', async () => await handle(context));
}
