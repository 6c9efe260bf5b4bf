/**
 * Runs the SMS Handover Trigger's webhook() the way n8n does, in process: a real HTTP server
 * (webhookHttp.js) reads and parses the request like n8n's webhook server (raw body kept, JSON,
 * form and text bodies parsed, 16 MB limit, 422 on broken JSON); this file builds a real
 * n8n-workflow `Workflow` holding the trigger and calls webhook() through n8n-core's real
 * WebhookContext. It then answers like n8n's onReceived mode and records each call and its items.
 */
import { randomUUID } from 'node:crypto';

import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { SmsHandoverTrigger } from '../../nodes/SmsHandover/SmsHandoverTrigger.node';
import { loadCore } from './n8nCore';
import { waitFor } from './timers';
import { callWebhook, listenRecording, prepareRequest, RequestTooLarge, sendJson, type WebhookRequest, type WebhookResponse } from './webhookHttp';

export const TRIGGER_NODE_TYPE = 'n8n-nodes-smshandover.smsHandoverTrigger';

export interface TriggerCall {
	method: string;
	/** Path and query string as received. */
	url: string;
	status: number;
	/** Whether webhook() returned workflowData, i.e. n8n would start an execution. */
	executed: boolean;
	/** The json of every output item (empty when nothing executed). */
	items: IDataObject[];
	responseBody: string;
	/** Message of an error thrown out of webhook() (a defect: it must never throw). */
	thrown?: string;
}

export interface TriggerEndpointOptions {
	/** Workflow time zone (settings.timezone), used for zone-less report times. Default UTC. */
	timezone?: string;
	/** Execution mode passed to the context: `webhook` (production, default) or `manual`. */
	mode?: WorkflowExecuteMode;
	/** n8n's N8N_PAYLOAD_SIZE_MAX in MB (default 16). */
	payloadSizeMaxMb?: number;
	workflowId?: string;
	nodeId?: string;
	/** Node typeVersion. n8n pre-parses bodies of version 1 start nodes whatever their content type; for later versions only JSON, form, text and XML (the rest stays for readRawBody()). Default 2. */
	typeVersion?: 1 | 2 | 3 | 4;
	/** Data of an SMS Handover Webhook API credential to give the node (n8n-core's getCredentials hands it out). */
	webhookCredential?: ICredentialDataDecryptedObject;
}

export interface TriggerEndpoint {
	/** Production-style URL: http://127.0.0.1:<port>/webhook/<webhookId>/dlr */
	url: string;
	calls: TriggerCall[];
	/** Calls that started an execution. */
	readonly executions: TriggerCall[];
	waitForCalls(count: number, timeoutMs?: number): Promise<TriggerCall[]>;
	close(): Promise<void>;
}

class SingleNodeTypes implements INodeTypes {
	constructor(private readonly nodeType: INodeType) {}

	getByName(): INodeType {
		return this.nodeType;
	}

	getByNameAndVersion(): INodeType {
		return this.nodeType;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/**
 * Starts an HTTP endpoint backed by the SMS Handover Trigger with these node parameters
 * (e.g. `{ events: ['delivered'], options: { secretToken: 's3cret' } }`).
 */
export async function startTriggerEndpoint(
	nodeParameters: INodeParameters = {},
	options: TriggerEndpointOptions = {},
): Promise<TriggerEndpoint> {
	const { WebhookContext } = await loadCore();
	const nodeType = new SmsHandoverTrigger();
	const webhookId = randomUUID();
	const workflowId = options.workflowId ?? randomUUID().slice(0, 16);
	const node: INode = {
		id: options.nodeId ?? randomUUID(),
		name: 'SMS Handover Trigger',
		type: TRIGGER_NODE_TYPE,
		typeVersion: options.typeVersion ?? 2,
		position: [0, 0],
		parameters: nodeParameters,
		webhookId,
		...(options.webhookCredential
			? { credentials: { smsHandoverWebhookApi: { id: 'webhook-credential-1', name: 'SMS Handover Webhook' } } }
			: {}),
	};
	const workflow = new Workflow({
		id: workflowId,
		name: 'SMS Handover Trigger test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new SingleNodeTypes(nodeType),
		settings: { timezone: options.timezone ?? 'UTC' },
	});
	const workflowNode = workflow.getNode(node.name) as INode;
	const webhookPath = `/webhook/${webhookId}/dlr`;
	const limitBytes = (options.payloadSizeMaxMb ?? 16) * 1024 * 1024;
	const calls: TriggerCall[] = [];

	async function handle(request: WebhookRequest, response: WebhookResponse): Promise<TriggerCall> {
		const method = request.method ?? 'GET';
		const url = new URL(request.url ?? '/', 'http://localhost');
		const call: TriggerCall = { method, url: request.url ?? '', status: 0, executed: false, items: [], responseBody: '' };
		const description = nodeType.description.webhooks?.find((w) => w.httpMethod === method);
		if (url.pathname !== webhookPath || !description) {
			sendJson(response, 404, { code: 404, message: 'The requested webhook is not registered.' });
			return call;
		}
		// n8n's request: the IncomingMessage with the express/n8n additions the node may read.
		try {
			await prepareRequest(request, { limitBytes, parseAll: node.typeVersion === 1, readRawBody: true });
		} catch (error) {
			if (error instanceof RequestTooLarge) sendJson(response, 413, { code: 413, message: error.message });
			else sendJson(response, 422, { code: 422, message: 'Failed to parse request body' });
			return call;
		}
		const additionalData = {
			httpRequest: request,
			httpResponse: response,
			// The credential store, as in execute.ts: hands out the decrypted test credential.
			credentialsHelper: {
				isCredentialUsableByNode: () => true,
				getDecrypted: async () => ({ ...options.webhookCredential }),
			},
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData: IWebhookData = {
			httpMethod: method as IWebhookData['httpMethod'],
			node: workflowNode.name,
			path: `${webhookId}/dlr`,
			webhookDescription: description,
			workflowId,
			workflowExecuteAdditionalData: additionalData,
			webhookId,
		};
		const context = new WebhookContext(
			workflow,
			workflowNode,
			additionalData,
			options.mode ?? 'webhook',
			webhookData,
			[],
			null,
		);

		const outcome = await callWebhook(() => nodeType.webhook.call(context), response, (executed) => ({ message: executed ? 'Workflow was started' : 'Webhook call received' }));
		call.thrown = outcome.thrown;
		call.executed = outcome.items !== undefined;
		call.items = outcome.items ?? [];
		return call;
	}

	const { port, close } = await listenRecording(handle, calls);

	return {
		url: `http://127.0.0.1:${port}${webhookPath}`,
		calls,
		get executions() {
			return calls.filter((call) => call.executed);
		},
		async waitForCalls(count: number, timeoutMs = 5000) {
			await waitFor(() => calls.length >= count, {
				timeoutMs,
				message: () => `Expected ${count} trigger calls, got ${calls.length} within ${timeoutMs} ms`,
			});
			return calls;
		},
		close,
	};
}
