'use strict';
/**
 * The lead's in-process runner (test/harness/execute.ts) in plain JavaScript, for the built
 * package: n8n-core's WorkflowExecute and ExecutionLifecycleHooks, n8n-workflow's Workflow and
 * expressions, the real httpRequestWithAuthentication. The only stand-in is the credential
 * store, which hands out the test credential and applies the credential type's `authenticate`
 * as n8n's CredentialsHelper does.
 *
 *   const { createRunner } = require('./harness');
 *   const runActionNode = createRunner(packageDir);   // a folder holding dist/
 *   const { items, error, taskData } = await runActionNode({ parameters, items, credentials });
 */
const path = require('path');
const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
const { ICredentialsHelper, Workflow } = require('n8n-workflow');

const ACTION_NODE_TYPE = 'n8n-nodes-smshandover.smsHandover';
const CREDENTIAL_TYPE = 'smsHandoverApi';

function loadPackage(packageDir) {
	const { SmsHandover } = require(path.join(packageDir, 'dist/nodes/SmsHandover/SmsHandover.node.js'));
	const { SmsHandoverApi } = require(path.join(packageDir, 'dist/credentials/SmsHandoverApi.credentials.js'));
	return { SmsHandover, SmsHandoverApi };
}

function nodeTypesFor(nodeType) {
	const types = { [ACTION_NODE_TYPE]: nodeType };
	const byName = (name) => {
		if (!types[name]) throw new Error(`Unknown node type ${name}`);
		return types[name];
	};
	return { getByName: byName, getByNameAndVersion: byName, getKnownTypes: () => ({}) };
}

class BenchCredentialsHelper extends ICredentialsHelper {
	constructor(credentialType, data) {
		super();
		this.credentialType = credentialType;
		this.data = data;
	}

	getParentTypes() {
		return [];
	}

	async authenticate(credentials, typeName, requestOptions) {
		if (typeName !== CREDENTIAL_TYPE) throw new Error(`Unexpected credential type ${typeName}`);
		return await this.credentialType.authenticate(credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials() {
		throw new Error('not used');
	}

	async getDecrypted() {
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

function additionalDataFor(hooks, credentialsHelper) {
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
		userId: 'bench-user',
		setExecutionStatus: () => {},
		executeWorkflow: notUsed,
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: notUsed,
	};
}

/** A runActionNode({ parameters, items, credentials, continueOnFail }) bound to one built package. */
function createRunner(packageDir) {
	const { SmsHandover, SmsHandoverApi } = loadPackage(packageDir);
	const nodeTypes = nodeTypesFor(new SmsHandover());
	const credentialType = new SmsHandoverApi();

	return async function runActionNode({ parameters, items = [{}], credentials, continueOnFail = false }) {
		const node = {
			id: 'b3f9a3d4-0000-4000-8000-000000000001',
			name: 'SMS Handover',
			type: ACTION_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'SMS Handover account' } },
			...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		};
		const workflow = new Workflow({
			id: 'bench-workflow',
			name: 'bench',
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes,
			settings: { executionOrder: 'v1' },
		});
		const hooks = new ExecutionLifecycleHooks('manual', 'bench-execution', {
			id: 'bench-workflow',
			name: 'bench',
			active: false,
			isArchived: false,
			nodes: [node],
			connections: {},
			createdAt: new Date(),
			updatedAt: new Date(),
		});
		let finished;
		const done = new Promise((resolve) => (finished = resolve));
		hooks.addHandler('workflowExecuteAfter', (fullRunData) => finished(fullRunData));

		const additionalData = additionalDataFor(hooks, new BenchCredentialsHelper(credentialType, credentials));
		const executeData = { node, data: { main: [items.map((json) => ({ json }))] }, source: null };
		const runExecutionData = {
			startData: {},
			resultData: { runData: {} },
			executionData: {
				contextData: {},
				nodeExecutionStack: [executeData],
				metadata: {},
				waitingExecution: {},
				waitingExecutionSource: {},
			},
		};
		const workflowExecute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
		await workflowExecute.processRunExecutionData(workflow);
		const run = await done;
		const taskData = run.data.resultData.runData[node.name] && run.data.resultData.runData[node.name][0];
		return {
			items: (taskData && taskData.data && taskData.data.main && taskData.data.main[0]) || [],
			error: (taskData && taskData.error) || run.data.resultData.error,
			taskData,
			run,
		};
	};
}

module.exports = { createRunner, ACTION_NODE_TYPE, CREDENTIAL_TYPE };
