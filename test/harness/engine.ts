/**
 * Runs our action node through n8n's own execution engine (n8n-core's WorkflowExecute and
 * ExecuteContext, n8n-workflow's Workflow and expressions, the real httpRequestWithAuthentication)
 * against a real HTTP server. The only stand-in is the credential store, as in n8n's own
 * node-test-harness: it hands out the test credential and applies the credential type's
 * `authenticate`, as n8n's CredentialsHelper does.
 *
 * It imports nothing from this package: the node and credential classes are passed in, so the
 * same runner drives the TypeScript sources (test/harness/execute.ts, for jest) and a built and
 * packed copy (the benchmark compiles this file with bench/tsconfig.json).
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	ITaskData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, Workflow } from 'n8n-workflow';

import { useDedupStore } from './dedupStore';
import type { LogLine, RunLog } from './n8nLog';

export const ACTION_NODE_TYPE = 'n8n-nodes-smshandover.smsHandover';
export const CREDENTIAL_TYPE = 'smsHandoverApi';
export const WEBHOOK_CREDENTIAL_TYPE = 'smsHandoverWebhookApi';
let executions = 0;

export class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getKnownTypes() {
		return {};
	}
}

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialType: ICredentialType,
		private readonly data: ICredentialDataDecryptedObject,
		/** Data of the node's other credentials (the Webhook credential), by type name. */
		private readonly others: Record<string, ICredentialDataDecryptedObject> = {},
	) {
		super();
	}

	getParentTypes() {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (typeName !== this.credentialType.name) throw new Error(`Unexpected credential type ${typeName}`);
		const { authenticate } = this.credentialType;
		if (typeof authenticate !== 'function') throw new Error('Expected an authenticate function');
		return await authenticate(credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type?: string): Promise<ICredentialDataDecryptedObject> {
		if (type !== undefined && type !== this.credentialType.name) {
			const other = this.others[type];
			if (!other) throw new Error(`No test credential of type ${type}`);
			return { ...other };
		}
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	isCredentialUsableByNode() {
		return true;
	}

	getCredentialsProperties() {
		return this.credentialType.properties;
	}
}

/** What n8n hands a node besides its parameters; only the credential store is ours. */
export function additionalDataFor(
	credentialsHelper: ICredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const notUsed = async () => {
		throw new Error('not used');
	};
	return {
		hooks,
		credentialsHelper,
		variables: {},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		setExecutionStatus: () => {},
		executeWorkflow: notUsed,
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: notUsed,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunOptions {
	parameters: IDataObject;
	items?: IDataObject[];
	credentials: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	/** n8n's "On Error: Continue (using error output)": error items go to a second output. */
	errorOutput?: boolean;
	/** Execution id (n8n's sequential id); a repeat of one id is a re-run, as after a worker died in queue mode. */
	executionId?: string;
	/** Where `$execution.resumeUrl` points (n8n's `<webhook base>/webhook-waiting`); see waiting.ts. */
	webhookWaitingBaseUrl?: string;
	/** The workflow's time zone (Workflow settings → Timezone); n8n's default when not given. */
	timezone?: string;
	/** An SMS Handover Webhook API credential selected on the node too (Add Trigger Token). */
	webhookCredential?: ICredentialDataDecryptedObject;
}

export interface RunResult {
	/** Output items of the SMS Handover node (pairedItem kept). */
	items: INodeExecutionData[];
	/** Items n8n moved to the error output (with `errorOutput`). */
	errorItems: INodeExecutionData[];
	/** The node's error when the execution failed. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string };
	taskData: ITaskData;
	run: IRun;
	/** n8n's id of this execution (the waiting webhook's path names it). */
	executionId: string;
	/**
	 * What n8n logged during the run (with a `log`, see createRunner): its error lines that report
	 * `error` are taken, any other error line fails the test unless the test takes it (n8nLog.take).
	 */
	logged: LogLine[];
}

/** The one-node workflow every harness runs: the SMS Handover node with the test credential. */
export function actionWorkflow(
	nodeTypes: INodeTypes,
	{
		parameters,
		onError,
		timezone,
		withWebhookCredential,
	}: { parameters: IDataObject; onError?: INode['onError']; timezone?: string; withWebhookCredential?: boolean },
): { node: INode; workflow: Workflow } {
	const node: INode = {
		id: 'b3f9a3d4-0000-4000-8000-000000000001',
		name: 'SMS Handover',
		type: ACTION_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: {
			[CREDENTIAL_TYPE]: { id: '1', name: 'SMS Handover account' },
			...(withWebhookCredential ? { [WEBHOOK_CREDENTIAL_TYPE]: { id: '2', name: 'SMS Handover Webhook account' } } : {}),
		},
		...(onError ? { onError } : {}),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1', ...(timezone ? { timezone } : {}) },
	});
	return { node, workflow };
}

/**
 * A runActionNode(options) bound to one action node and credential type. With `log` (jest:
 * test/harness/n8nLog.js) each result carries what n8n logged during its run.
 */
export function createRunner({ nodeType, credentialType, log }: { nodeType: INodeType; credentialType: ICredentialType; log?: RunLog }) {
	const nodeTypes = new TestNodeTypes({ [ACTION_NODE_TYPE]: nodeType });

	/** Executes one SMS Handover node with the given input items, as n8n's engine would. */
	return async function runActionNode(options: RunOptions): Promise<RunResult> {
		const logMark = log?.mark() ?? 0;
		await useDedupStore();
		const executionId = options.executionId ?? String(++executions);
		const onError = options.errorOutput ? 'continueErrorOutput' : options.continueOnFail ? 'continueRegularOutput' : undefined;
		const { node, workflow } = actionWorkflow(nodeTypes, {
			parameters: options.parameters,
			onError,
			timezone: options.timezone,
			withWebhookCredential: options.webhookCredential !== undefined,
		});

		const hooks = new ExecutionLifecycleHooks('manual', executionId, {
			id: 'test-workflow',
			name: 'test',
			active: false,
			isArchived: false,
			nodes: [node],
			connections: {},
			createdAt: new Date(),
			updatedAt: new Date(),
		} as never);
		let finished!: (run: IRun) => void;
		const done = new Promise<IRun>((resolve) => (finished = resolve));
		hooks.addHandler('workflowExecuteAfter', (fullRunData) => finished(fullRunData));

		const others: Record<string, ICredentialDataDecryptedObject> = options.webhookCredential ? { [WEBHOOK_CREDENTIAL_TYPE]: options.webhookCredential } : {};
		const additionalData = additionalDataFor(new TestCredentialsHelper(credentialType, options.credentials, others), hooks);
		additionalData.executionId = executionId;
		if (options.webhookWaitingBaseUrl) additionalData.webhookWaitingBaseUrl = options.webhookWaitingBaseUrl;
		const items: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
		const executeData: IExecuteData = { node, data: { main: [items] }, source: null };
		const runExecutionData: IRunExecutionData = {
			startData: {},
			resultData: { runData: {} },
			executionData: {
				contextData: {},
				nodeExecutionStack: [executeData],
				metadata: {},
				waitingExecution: {},
				waitingExecutionSource: {},
			},
		} as IRunExecutionData;

		const workflowExecute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
		await workflowExecute.processRunExecutionData(workflow);
		const run = await done;
		const taskData = run.data.resultData.runData[node.name]?.[0];
		const error = (taskData?.error ?? run.data.resultData.error) as RunResult['error'];
		return {
			items: taskData?.data?.main?.[0] ?? [],
			errorItems: taskData?.data?.main?.[1] ?? [],
			error,
			taskData,
			run,
			executionId,
			logged: log?.linesOfRun(logMark, error) ?? [],
		};
	};
}
