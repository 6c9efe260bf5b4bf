'use strict';
/**
 * Real-n8n harness, reusable by the e2e suite, scripts/dev.js and the benchmark.
 *
 *   const h = require('./test/e2e/lib');
 *   const packed = await h.buildAndPack();                       // npm run build + npm pack
 *   const sim = await h.startSimulatorProcess({ key: 'k' });     // test/simulator over HTTP
 *   const n8n = await h.prepareN8n({ version: '2.41.1', packed,  // install-or-reuse n8n, fresh
 *     credentials: [h.credential({ apiKey: sim.apiKey, baseUrl: sim.baseUrl })] }); // user folder
 *   const result = await h.runWorkflow(n8n, workflow);           // import + n8n execute --id
 *   result.nodes['SMS Handover'].items / .executionTime          // per-node output and timing
 *   await n8n.dispose(); await sim.stop();
 */
const versions = require('./versions');
const install = require('./install');
const pack = require('./pack');
const proc = require('./proc');
const runData = require('./runData');
const workflows = require('./workflows');
const simulator = require('./simulator');
const owner = require('./owner');
const { N8nInstance, ENCRYPTION_KEY, httpStatus } = require('./n8n');

/**
 * Installs-or-reuses n8n `version`, makes a fresh user folder (or uses `userFolder`), installs
 * the packed package there and imports credentials and workflows.
 */
async function prepareN8n({ version, packed, credentials = [], workflows: wfs = [], log, installLog, env, userFolder, keepUserFolder } = {}) {
	const installed = await install.ensureN8n(version, { log: installLog || log });
	const n8n = new N8nInstance(installed, { log, env, userFolder, keepUserFolder });
	try {
		if (packed) await n8n.installPackage(packed);
		if (credentials.length) await n8n.importCredentials(credentials);
		if (wfs.length) await n8n.importWorkflows(wfs);
	} catch (error) {
		await n8n.dispose();
		throw error;
	}
	return n8n;
}

/**
 * Imports `workflow` (unless `imported`) and runs it with `n8n execute`. Resolves
 * { ok, ms, nodes: { [name]: { items, outputs, executionTime, error, ... } }, run, error }.
 */
async function runWorkflow(n8n, workflow, { imported = false, timeoutMs } = {}) {
	if (!imported) await n8n.importWorkflows([workflow]);
	return n8n.execute(workflow.id, { timeoutMs });
}

module.exports = {
	...versions,
	...install,
	...pack,
	...proc,
	...runData,
	...workflows,
	...simulator,
	...owner,
	N8nInstance,
	ENCRYPTION_KEY,
	httpStatus,
	prepareN8n,
	runWorkflow,
};
