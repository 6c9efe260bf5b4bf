/**
 * n8n's waiting webhook (`/webhook-waiting/<execution id>`) for Send and Wait for Delivery, in
 * process: after runActionNode() has put the execution to wait, requests to this endpoint run the
 * action node's webhook() through n8n-core's real WebhookContext on the execution's saved data
 * (the waiting stack entry), as n8n's WaitingWebhooks does. What n8n does around it (its token
 * check in 2.x, resuming the workflow) is proven by the e2e suite in real n8n.
 */
import type { IDataObject, INode, IRunExecutionData, IWebhookData, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { SmsHandoverApi } from '../../credentials/SmsHandoverApi.credentials';
import { SmsHandover } from '../../nodes/SmsHandover/SmsHandover.node';
import { ACTION_NODE_TYPE, actionWorkflow, TestCredentialsHelper, TestNodeTypes, type RunResult } from './engine';
import { loadCore } from './n8nCore';
import { callWebhook, listenRecording, prepareRequest, sendJson, type WebhookRequest, type WebhookResponse } from './webhookHttp';

export interface WaitingCall {
	method: string;
	url: string;
	status: number;
	/** Whether webhook() returned workflowData: n8n would resume the execution with `items`. */
	resumed: boolean;
	items: IDataObject[];
	responseBody: string;
	thrown?: string;
}

export interface WaitingEndpoint {
	/** Give this to runActionNode as `webhookWaitingBaseUrl`. */
	baseUrl: string;
	/** The execution that now waits: its saved data, as n8n keeps it while waiting. */
	waitOn(result: RunResult, parameters: IDataObject): void;
	calls: WaitingCall[];
	readonly resumes: WaitingCall[];
	close(): Promise<void>;
}

export async function startWaitingEndpoint(options: { credentials: IDataObject; timezone?: string }): Promise<WaitingEndpoint> {
	const { WebhookContext } = await loadCore();
	const nodeType = new SmsHandover();
	const nodeTypes = new TestNodeTypes({ [ACTION_NODE_TYPE]: nodeType });
	const calls: WaitingCall[] = [];
	let waiting: { data: IRunExecutionData; parameters: IDataObject; executionId: string } | undefined;

	async function handle(request: WebhookRequest, response: WebhookResponse): Promise<WaitingCall> {
		const method = request.method ?? 'GET';
		const url = new URL(request.url ?? '/', 'http://localhost');
		const call: WaitingCall = { method, url: request.url ?? '', status: 0, resumed: false, items: [], responseBody: '' };
		const description = nodeType.description.webhooks?.find((w) => w.httpMethod === method && w.restartWebhook);
		if (!waiting || url.pathname !== `/webhook-waiting/${waiting.executionId}` || !description) {
			sendJson(response, 404, { message: 'The execution is not waiting for a webhook call' });
			return call;
		}
		const { node, workflow } = actionWorkflow(nodeTypes, { parameters: waiting.parameters, timezone: options.timezone });
		// The action node is typeVersion 1: n8n parses its body whatever the content type says.
		await prepareRequest(request, { limitBytes: 16 * 1024 * 1024, parseAll: true, emptyBody: {} });
		const additionalData = {
			httpRequest: request,
			httpResponse: response,
			executionId: waiting.executionId,
			credentialsHelper: new TestCredentialsHelper(new SmsHandoverApi(), options.credentials as never),
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData: IWebhookData = {
			httpMethod: method as IWebhookData['httpMethod'],
			node: node.name,
			path: '',
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		};
		// n8n hands webhook() a copy of the saved execution with the waiting node's stack entry first.
		const context = new WebhookContext(workflow, workflow.getNode(node.name) as INode, additionalData, 'webhook', webhookData, [], structuredClone(waiting.data));
		// responseData 'noData': an empty 200 once the execution resumes.
		const outcome = await callWebhook(() => nodeType.webhook.call(context), response, (resumed) =>
			resumed ? undefined : { message: 'Webhook call received' },
		);
		call.thrown = outcome.thrown;
		call.resumed = outcome.items !== undefined;
		call.items = outcome.items ?? [];
		return call;
	}

	const { port, close } = await listenRecording(handle, calls);
	return {
		baseUrl: `http://127.0.0.1:${port}/webhook-waiting`,
		waitOn(result, parameters) {
			waiting = { data: result.run.data, parameters, executionId: result.executionId };
		},
		calls,
		get resumes() {
			return calls.filter((call) => call.resumed);
		},
		close,
	};
}
