'use strict';
// Small loopback servers for tests: a panel that answers everything the same way, a receiver of pushes,
// and a port where nothing listens. Node's http and net stay here, out of the TypeScript tests.
const http = require('node:http');

/**
 * A loopback HTTP server that records every request ({ method, url, contentType, body }) and answers
 * it with `answer` ({ status, contentType, body }), or with `answer(n)` for the n-th request (1-based).
 * Resolves { url, requests, close() }.
 */
async function startRecordingServer(answer) {
	const requests = [];
	const server = http.createServer((request, response) => {
		let body = '';
		request.setEncoding('utf8');
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			requests.push({ method: request.method ?? '', url: request.url ?? '', contentType: request.headers['content-type'], body });
			const { status, contentType, body: answerBody } = typeof answer === 'function' ? answer(requests.length) : answer;
			response.writeHead(status, { 'Content-Type': contentType });
			response.end(answerBody);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** A loopback port with nothing listening on it (it was free a moment ago): connections are refused. */
async function refusedPort() {
	const server = http.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(() => resolve()));
	return port;
}

module.exports = { startRecordingServer, refusedPort };
