'use strict';
// n8n-core in a jest test file: it writes an instance config on first use, so its user folder is a temp
// folder (not the user's home) and its encryption key a fixed test one; its log is recorded (n8nLog.js).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { n8nLogger } = require('./n8nLog');

function loadCore() {
	if (!process.env.N8N_USER_FOLDER) process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'smshandover-n8n-'));
	process.env.N8N_ENCRYPTION_KEY ??= 'smshandover-test-encryption-key';
	n8nLogger();
	return Promise.resolve(require('n8n-core'));
}

module.exports = { loadCore };
