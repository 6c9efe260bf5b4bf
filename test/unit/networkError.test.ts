// The network code behind a failed request, from the errors n8n 1.x and 2.x really throw.
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { readNetworkError } from '../../nodes/SmsHandover/transport/networkError';

const node: INode = { id: '1', name: 'SMS Handover', type: 'n8n-nodes-smshandover.smsHandover', typeVersion: 1, position: [0, 0], parameters: {} };
// What the request library throws; NodeApiError's type wants a JsonObject, its code takes any error.
const requestError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {}) as unknown as JsonObject;

/**
 * n8n 1.123's NodeApiError around an axios error, as measured on n8n-workflow 1.120.29: no
 * `cause`, n8n's own sentence as message, the code in httpCode, the original text in messages.
 */
const n8n1 = (message: string, original: string, httpCode: string) => ({ cause: undefined, message, messages: [original, original], httpCode });

describe('readNetworkError', () => {
	it.each([
		['n8n 2.x: reset', new NodeApiError(node, requestError('socket hang up', 'ECONNRESET')), { code: 'ECONNRESET', timedOut: false }],
		['n8n 2.x: refused', new NodeApiError(node, requestError('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED')), { code: 'ECONNREFUSED', timedOut: false }],
		['n8n 2.x: timeout', new NodeApiError(node, requestError('timeout of 1000ms exceeded', 'ECONNABORTED')), { code: 'ECONNABORTED', timedOut: true }],
		['n8n 2.x: hang-up without a code', new NodeApiError(node, requestError('socket hang up')), { code: 'ECONNRESET', timedOut: false }],
		[
			'n8n 1.x: reset',
			n8n1('The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request immediately or wait and retry later.', 'socket hang up', 'ECONNRESET'),
			{ code: 'ECONNRESET', timedOut: false, rawMessage: 'socket hang up' },
		],
		[
			'n8n 1.x: refused',
			n8n1('The service refused the connection - perhaps it is offline', 'connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'),
			{ code: 'ECONNREFUSED', timedOut: false, rawMessage: 'connect ECONNREFUSED 127.0.0.1:9' },
		],
		[
			'n8n 1.x: timeout',
			n8n1('The connection was aborted, perhaps the server is offline', 'timeout of 1000ms exceeded', 'ECONNABORTED'),
			{ code: 'ECONNABORTED', timedOut: true },
		],
		['n8n 1.x: code only in the text', { message: 'x', messages: ['getaddrinfo ENOTFOUND panel.invalid'] }, { code: 'ENOTFOUND', timedOut: false }],
		['an HTTP status is no network code', { message: 'x', httpCode: '404' }, { code: '', timedOut: false }],
		['nothing to go on', new Error('something else'), { code: '', timedOut: false, rawMessage: 'something else' }],
		['not even an error', undefined, { code: '', timedOut: false, rawMessage: '' }],
	])('%s', (_label, error, expected) => {
		expect(readNetworkError(error)).toMatchObject(expected);
	});
});
