'use strict';
// Workflow JSON builders in the shape `n8n import:workflow` takes (the same JSON the editor
// exports). Ids are fixed 16-character strings so `n8n execute --id` can find them.

const NODE_TYPES = {
	action: 'n8n-nodes-smshandover.smsHandover',
	trigger: 'n8n-nodes-smshandover.smsHandoverTrigger',
	manual: 'n8n-nodes-base.manualTrigger',
	code: 'n8n-nodes-base.code',
	httpRequest: 'n8n-nodes-base.httpRequest',
	webhook: 'n8n-nodes-base.webhook',
};

const CREDENTIAL_TYPE = 'smsHandoverApi';

/** A credential for `n8n import:credentials` (n8n encrypts the plain `data` on import). */
function credential({ id = 'smsHandoverE2E01', name = 'SMS Handover (e2e)', apiKey, baseUrl, timeZone = 'Asia/Kolkata' }) {
	return { id, name, type: CREDENTIAL_TYPE, data: { apiKey, baseUrl, timeZone } };
}

function credentialRef(cred) {
	return { [CREDENTIAL_TYPE]: { id: cred.id, name: cred.name } };
}

let nodeCounter = 0;
function nodeId() {
	nodeCounter += 1;
	return `00000000-0000-4000-8000-${String(nodeCounter).padStart(12, '0')}`;
}

/** The SMS Handover action node. `extra` may set onError, alwaysOutputData, etc. */
function actionNode(name, parameters, cred, extra = {}) {
	return { name, type: NODE_TYPES.action, typeVersion: 1, parameters, credentials: credentialRef(cred), ...extra };
}

/** A Code node returning fixed items: `items` is an array of plain JSON objects. */
function itemsNode(name, items) {
	return codeNode(name, `return ${JSON.stringify(items.map((json) => ({ json })))};`);
}

function codeNode(name, jsCode) {
	return { name, type: NODE_TYPES.code, typeVersion: 2, parameters: { jsCode } };
}

/** HTTP Request node (v4.2 exists on n8n 1.123 and 2.41): a GET of `url`, JSON answer. */
function httpGetNode(name, url) {
	return {
		name,
		type: NODE_TYPES.httpRequest,
		typeVersion: 4.2,
		parameters: { url, options: {} },
	};
}

/**
 * Manual Trigger → nodes[0] → nodes[1] → ... (what `n8n execute` needs: it starts at the
 * Manual Trigger). Positions and ids are filled in.
 */
function manualWorkflow(id, name, chain, { settings = {} } = {}) {
	const manual = { name: 'Manual Trigger', type: NODE_TYPES.manual, typeVersion: 1, parameters: {} };
	return linearWorkflow(id, name, [manual, ...chain], settings);
}

function linearWorkflow(id, name, chain, settings = {}) {
	if (id.length !== 16) throw new Error(`workflow id must have 16 characters: ${id}`);
	const nodes = chain.map((n, i) => ({ id: nodeId(), position: [i * 220, 0], ...n }));
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1', ...settings }, pinData: {} };
}

/** A workflow made of one SMS Handover Trigger (webhook path `dlr`) and optional next nodes. */
function triggerWorkflow(id, name, { webhookId, events = [], options = {}, next = [], typeVersion = 1 }) {
	const trigger = {
		name: 'SMS Handover Trigger',
		type: NODE_TYPES.trigger,
		typeVersion,
		webhookId,
		parameters: { events, options },
	};
	return linearWorkflow(id, name, [trigger, ...next]);
}

module.exports = {
	NODE_TYPES,
	CREDENTIAL_TYPE,
	credential,
	credentialRef,
	actionNode,
	itemsNode,
	codeNode,
	httpGetNode,
	manualWorkflow,
	linearWorkflow,
	triggerWorkflow,
};
