/**
 * Runs our action node through n8n's own execution engine (n8n-core's WorkflowExecute and
 * ExecuteContext, n8n-workflow's Workflow and expressions, the real httpRequestWithAuthentication)
 * against a real HTTP server. The only stand-in is the credential store, as in n8n's own
 * node-test-harness: it hands out the test credential and applies the credential type's
 * `authenticate`, as n8n's CredentialsHelper does.
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

import { SmsHandoverApi } from '../../credentials/SmsHandoverApi.credentials';
import { SmsHandover } from '../../nodes/SmsHandover/SmsHandover.node';

export const ACTION_NODE_TYPE = 'n8n-nodes-smshandover.smsHandover';
const CREDENTIAL_TYPE = 'smsHandoverApi';

class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = { [ACTION_NODE_TYPE]: new SmsHandover() };

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

class TestCredentialsHelper extends ICredentialsHelper {
	private readonly credentialType: ICredentialType = new SmsHandoverApi();

	constructor(private readonly data: ICredentialDataDecryptedObject) {
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
		if (typeName !== CREDENTIAL_TYPE) throw new Error(`Unexpected credential type ${typeName}`);
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

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
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

export interface RunOptions {
	parameters: IDataObject;
	items?: IDataObject[];
	credentials: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	/** n8n's execution id (a real n8n always has one; unset here unless a test needs it). */
	executionId?: string;
}

export interface RunResult {
	/** Output items of the SMS Handover node (pairedItem kept). */
	items: INodeExecutionData[];
	/** The node's error when the execution failed. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string };
	taskData: ITaskData;
	run: IRun;
}

/** Executes one SMS Handover node with the given input items, as n8n's engine would. */
export async function runActionNode(options: RunOptions): Promise<RunResult> {
	const node: INode = {
		id: 'b3f9a3d4-0000-4000-8000-000000000001',
		name: 'SMS Handover',
		type: ACTION_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'SMS Handover account' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(),
		settings: { executionOrder: 'v1' },
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
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

	const additionalData = {
		hooks,
		credentialsHelper: new TestCredentialsHelper(options.credentials),
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
		executionId: options.executionId,
		setExecutionStatus: () => {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

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
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
		taskData,
		run,
	};
}
