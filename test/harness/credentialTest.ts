/**
 * The "Test" button of a credential with a declarative `test`, in process. These are the steps of
 * n8n's CredentialsTester.testCredentials (packages/cli/src/services/credentials-tester.service.ts,
 * the same for this case in n8n 1.123 and 2.41): `test.request` becomes the routing request of a
 * throw-away node, n8n-core's RoutingNode sends it through httpRequestWithAuthentication with the
 * credential, and the first `rules` entry that matches fails the test. RoutingNode, the request
 * helpers and `authenticate` are n8n's and ours; the branching below is the tester's, restated.
 * The e2e suite presses the real button (POST /rest/credentials/test) in both n8n versions.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';
// n8n's tester reads the rules with lodash's `get`; lodash comes with n8n-workflow.
import get from 'lodash/get';
import { createEmptyRunExecutionData, Workflow } from 'n8n-workflow';

import { additionalDataFor, TestCredentialsHelper, TestNodeTypes } from './engine';

const TEMP_NODE_TYPE = 'credentialTestTemp';

export async function testCredential(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const test = credentialType.test;
	if (!test) throw new Error(`${credentialType.name} has no declarative test`);

	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: TEMP_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: '1', name: 'Test' } },
	};
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: TEMP_NODE_TYPE,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes({ [TEMP_NODE_TYPE]: nodeType }),
	});
	const additionalData = additionalDataFor(new TestCredentialsHelper(credentialType, data));
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, { id: '1', name: 'Test', type: credentialType.name, data });

	let response: INodeExecutionData[][] | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const { cause } = error as { cause?: { response?: { status: number; statusText?: string }; code?: string } };
		if (cause?.response) {
			const { status, statusText } = cause.response;
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (status < 199 || status > 299) {
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: String((error as Error).message) };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && get(response?.[0][0].json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
