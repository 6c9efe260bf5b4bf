import { API_KEY_PATH_MARKER, insecureBaseUrl, placeApiKey } from '../../credentials/SmsHandoverApi.credentials';
import { encodeForm, redact } from '../../nodes/SmsHandover/transport';

const credentials = { apiKey: ' k&y/+1 ', baseUrl: 'https://panel.example.com//' };

describe('placeApiKey (the one place the key is put on a request)', () => {
	it('puts the key first in an url-encoded POST body, never in the URL', async () => {
		const options = await placeApiKey(credentials, { method: 'POST', url: '/smsapi/index', body: 'senderid=DEMO&msg=hi' });
		expect(options).toEqual({ method: 'POST', url: '/smsapi/index', baseURL: 'https://panel.example.com', body: 'key=k%26y%2F%2B1&senderid=DEMO&msg=hi' });
	});

	it('adds the key to an object POST body and to an empty one', async () => {
		expect((await placeApiKey(credentials, { method: 'POST', url: '/x', body: { a: 1 } })).body).toEqual({ key: 'k&y/+1', a: 1 });
		expect((await placeApiKey(credentials, { method: 'POST', url: '/x', body: '' })).body).toBe('key=k%26y%2F%2B1');
	});

	it('puts the key in the query of the documented GETs', async () => {
		const options = await placeApiKey(credentials, { method: 'GET', url: '/send-otp/index', qs: { mobile: '91' } });
		expect(options.qs).toEqual({ key: 'k&y/+1', mobile: '91' });
		expect(options.url).toBe('/send-otp/index');
	});

	it('replaces the path marker, encoded, where the API wants the key in the path', async () => {
		const options = await placeApiKey(credentials, { method: 'GET', url: `/miscapi/${API_KEY_PATH_MARKER}/getBalance/true/` });
		expect(options.url).toBe('/miscapi/k%26y%2F%2B1/getBalance/true/');
		expect(options.qs).toBeUndefined();
	});

	it('does not change the options it was given', async () => {
		const given = { method: 'GET' as const, url: `/miscapi/${API_KEY_PATH_MARKER}/x`, qs: { a: 1 } };
		await placeApiKey(credentials, given);
		expect(given).toEqual({ method: 'GET', url: `/miscapi/${API_KEY_PATH_MARKER}/x`, qs: { a: 1 } });
	});
});

describe('the Base URL the key may go to', () => {
	it.each([
		['https://panel.example.com', false],
		['http://localhost:4010', false],
		['http://127.0.0.1:4010', false],
		['http://[::1]:4010', false],
		['http://panel.example.com', true],
		['http://127.0.0.1.example.com', true],
		['ftp://panel.example.com', true],
	])('%s refused: %s', (baseUrl, refused) => {
		expect(insecureBaseUrl({ baseUrl }) !== null).toBe(refused);
	});

	it('plain http elsewhere only with Allow Unencrypted HTTP', () => {
		expect(insecureBaseUrl({ baseUrl: 'http://panel.example.com', allowUnencryptedHttp: true })).toBeNull();
	});

	it('placeApiKey refuses to put the key on a request to such a URL', async () => {
		await expect(placeApiKey({ apiKey: 'SECRET', baseUrl: 'http://panel.example.com' }, { method: 'GET', url: '/x' })).rejects.toThrow(
			/uses plain http:\/\/: the API key, numbers and messages would cross the network unencrypted/,
		);
	});
});

describe('encodeForm', () => {
	it('url-encodes names and values, skips null and undefined, keeps order', () => {
		expect(encodeForm({ senderid: 'DEMO', msg: 'Hi & bye 100%', contacts: '1,2', empty: '', nothing: undefined, no: null, n: 5 })).toBe(
			'senderid=DEMO&msg=Hi%20%26%20bye%20100%25&contacts=1%2C2&empty=&n=5',
		);
	});

	it('round-trips through a standard form decoder', () => {
		const form = { bulk_campaigm: '[{"mobile":"91","msg":"नमस्ते 👋 +=&?"}]', time: '2026-01-01 09:05' };
		expect(Object.fromEntries(new URLSearchParams(encodeForm(form)))).toEqual(form);
	});
});

describe('redact', () => {
	it.each([
		['GET /miscapi/SECRET/getBalance/true/', 'GET /miscapi/***/getBalance/true/'],
		['https://p.example/miscapi/SECRET/getDLR/abc', 'https://p.example/miscapi/***/getDLR/abc'],
		['GET /send-otp/index?key=SECRET&mobile=91', 'GET /send-otp/index?key=***&mobile=91'],
		['key=SECRET&senderid=DEMO', 'key=***&senderid=DEMO'],
		['body "key=SECRET"', 'body "key=***"'],
		['https://n8n.example/webhook/x/dlr?token=SECRET', 'https://n8n.example/webhook/x/dlr?token=***'],
		['token=SECRET&a=1', 'token=***&a=1'],
	])('%s → %s', (text, expected) => {
		expect(redact(text)).toBe(expected);
		expect(redact(text)).not.toContain('SECRET');
	});
});
