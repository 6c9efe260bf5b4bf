'use strict';
// One HTTP request with any method, headers and body, for what fetch refuses: a body on a GET (the panel's pages show
// api/v2/dlr that way). Resolves with the status, the headers (lower-case names) and the body as text.
const http = require('node:http');

function rawRequest(url, { method = 'GET', headers = {}, body } = {}) {
	return new Promise((resolve, reject) => {
		const sent = body === undefined ? headers : { 'Content-Length': Buffer.byteLength(body), ...headers };
		const req = http.request(url, { method, headers: sent }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => {
				text += chunk;
			});
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}

module.exports = { rawRequest };
