'use strict';
// Child script: one read-only SQL query on an n8n database with n8n's own sqlite3 module
// (run under the Node that runs that n8n). Prints the rows as JSON.
// Usage: node sqlite-query.js <n8n node_modules> <database.sqlite> <sql> [<json params>]
const path = require('path');

const [nodeModules, dbFile, sql, paramsJson] = process.argv.slice(2);
const sqlite3 = require(path.join(nodeModules, 'sqlite3'));
const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY, (err) => {
	if (err) fail(err);
});
db.configure('busyTimeout', 10000);
db.all(sql, JSON.parse(paramsJson || '[]'), (err, rows) => {
	if (err) fail(err);
	process.stdout.write(JSON.stringify(rows));
	db.close();
});

function fail(err) {
	process.stderr.write(String(err && err.stack ? err.stack : err));
	process.exit(1);
}
