'use strict';
// Child script: reads executions from an n8n SQLite database with n8n's own sqlite3 and
// flatted modules. It runs under the Node that runs that n8n (2.x's sqlite3 is built for
// Node 24, so the harness on Node 20 cannot load it itself).
// Usage: node read-executions.js <n8n node_modules> <database.sqlite> <json query>
//   query: { workflowId?, afterId?, withData? }
const path = require('path');

const [nodeModules, dbFile, queryJson] = process.argv.slice(2);
const query = JSON.parse(queryJson || '{}');
const sqlite3 = require(path.join(nodeModules, 'sqlite3'));
const flatted = require(path.join(nodeModules, 'flatted'));

const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY, (err) => {
	if (err) fail(err);
});
db.configure('busyTimeout', 10000);

const where = ['1 = 1'];
const params = [];
if (query.workflowId) {
	where.push('e.workflowId = ?');
	params.push(query.workflowId);
}
if (query.afterId) {
	where.push('CAST(e.id AS INTEGER) > ?');
	params.push(Number(query.afterId));
}
const dataCols = query.withData ? ', d.data AS data' : '';
const sql = `SELECT e.id, e.workflowId, e.status, e.mode, e.finished, e.startedAt, e.stoppedAt${dataCols}
	FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id
	WHERE ${where.join(' AND ')} ORDER BY CAST(e.id AS INTEGER)`;

db.all(sql, params, (err, rows) => {
	if (err) fail(err);
	const out = rows.map((row) => {
		const { data, ...rest } = row;
		if (data === undefined || data === null) return rest;
		return { ...rest, data: flatted.parse(data) };
	});
	process.stdout.write(JSON.stringify(out));
	db.close();
});

function fail(err) {
	process.stderr.write(String(err && err.stack ? err.stack : err));
	process.exit(1);
}
