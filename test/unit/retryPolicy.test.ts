import {
	backoffMs,
	isRetryable,
	parseRetryAfter,
	retryDecision,
	stopNote,
	type Failure,
	type RetryDecision,
	type RetryMode,
} from '../../nodes/SmsHandover/transport/retryPolicy';

const status = (code: number, retryAfter?: string): Failure => ({ kind: 'status', status: code, retryAfter });
const net = (code: string, timedOut = false): Failure => ({ kind: 'network', code, timedOut });
const answer: Failure = { kind: 'answer' };

describe('isRetryable', () => {
	// [failure, read, send, never]
	it.each<[string, Failure, boolean, boolean, boolean]>([
		['HTTP 429', status(429), true, false, false],
		['HTTP 502', status(502), true, false, false],
		['HTTP 503', status(503), true, false, false],
		['HTTP 504', status(504), true, false, false],
		['HTTP 500', status(500), false, false, false],
		['HTTP 400', status(400), false, false, false],
		['HTTP 401', status(401), false, false, false],
		['HTTP 404', status(404), false, false, false],
		['ERR text / JSON error / web page', answer, false, false, false],
		['ECONNREFUSED', net('ECONNREFUSED'), true, true, false],
		['ENOTFOUND', net('ENOTFOUND'), true, true, false],
		['EAI_AGAIN', net('EAI_AGAIN'), true, true, false],
		['ECONNRESET (socket hang up)', net('ECONNRESET'), true, false, false],
		['EPIPE', net('EPIPE'), true, false, false],
		['EHOSTUNREACH', net('EHOSTUNREACH'), true, false, false],
		['timeout (ECONNABORTED)', net('ECONNABORTED', true), true, false, false],
		['timeout (ETIMEDOUT)', net('ETIMEDOUT', true), true, false, false],
		['unknown network error', net('EWHATEVER'), false, false, false],
		['no code at all', net(''), false, false, false],
	])('%s: read %s, send %s, never %s', (_label, failure, read, send, never) => {
		expect([isRetryable('read', failure), isRetryable('send', failure), isRetryable('never', failure)]).toEqual([
			read,
			send,
			never,
		]);
	});
});

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-11-28T10:00:00Z');
	it.each<[string | undefined, number | undefined]>([
		[undefined, undefined],
		['', undefined],
		['  ', undefined],
		['0', 0],
		['1', 1000],
		[' 7 ', 7000],
		['120', 120_000],
		['1.5', undefined],
		['-3', undefined],
		['soon', undefined],
		['Sat, 28 Nov 2026 10:00:05 GMT', 5000],
		['Sat, 28 Nov 2026 10:02:00 GMT', 120_000],
		['Sat, 28 Nov 2026 09:59:00 GMT', 0],
		['Wed, 99 Foo 2026 10:00:00 GMT', undefined],
	])('%p → %p ms', (value, expected) => {
		expect(parseRetryAfter(value, now)).toBe(expected);
	});
});

describe('backoffMs', () => {
	it.each<[number, number, number]>([
		// attempts made, random, wait
		[1, 0, 200],
		[1, 0.5, 300],
		[1, 0.999999, 400],
		[2, 0, 400],
		[2, 1, 800],
		[3, 0, 800],
		[5, 1, 5000],
		[10, 0, 2500],
		[10, 1, 5000],
	])('after %i attempt(s), draw %p → %i ms', (attempts, random, wait) => {
		expect(backoffMs(attempts, random)).toBe(wait);
	});
});

describe('retryDecision', () => {
	const now = Date.parse('2026-11-28T10:00:00Z');
	const state = (attempts: number, remainingMs: number, random = 0) => ({ attempts, remainingMs, now, random });

	it.each<[string, RetryMode, Failure, ReturnType<typeof state>, RetryDecision]>([
		['a read on 503, plenty of time', 'read', status(503), state(1, 30_000), { retry: true, waitMs: 200 }],
		['a read on 503, second retry', 'read', status(503), state(2, 30_000, 1), { retry: true, waitMs: 800 }],
		['a read after 3 attempts', 'read', status(503), state(3, 30_000), { retry: false, reason: 'attempts' }],
		['a read on 500', 'read', status(500), state(1, 30_000), { retry: false, reason: 'not-retryable' }],
		['a read on 429 with Retry-After 2', 'read', status(429, '2'), state(1, 30_000), { retry: true, waitMs: 2000 }],
		['Retry-After wins over backoff, even 0', 'read', status(503, '0'), state(1, 30_000, 1), { retry: true, waitMs: 0 }],
		[
			'Retry-After as HTTP-date',
			'read',
			status(429, 'Sat, 28 Nov 2026 10:00:03 GMT'),
			state(1, 30_000),
			{ retry: true, waitMs: 3000 },
		],
		['unreadable Retry-After falls back to backoff', 'read', status(429, 'later'), state(1, 30_000), { retry: true, waitMs: 200 }],
		[
			'Retry-After longer than the budget left',
			'read',
			status(429, '60'),
			state(1, 29_000),
			{ retry: false, reason: 'budget', retryAfterMs: 60_000 },
		],
		[
			'Retry-After that leaves too little for the attempt',
			'read',
			status(429, '1'),
			state(1, 1100),
			{ retry: false, reason: 'budget', retryAfterMs: 1000 },
		],
		['backoff that does not fit', 'read', status(503), state(1, 350), { retry: false, reason: 'budget' }],
		['backoff that just fits', 'read', status(503), state(1, 400), { retry: true, waitMs: 200 }],
		['a read that timed out with the budget spent', 'read', net('ECONNABORTED', true), state(1, 0), { retry: false, reason: 'budget' }],
		['a read reset by the panel', 'read', net('ECONNRESET'), state(1, 30_000), { retry: true, waitMs: 200 }],
		['a send refused', 'send', net('ECONNREFUSED'), state(1, 30_000), { retry: true, waitMs: 200 }],
		['a send refused 3 times', 'send', net('ECONNREFUSED'), state(3, 30_000), { retry: false, reason: 'attempts' }],
		['a send on 503', 'send', status(503), state(1, 30_000), { retry: false, reason: 'not-retryable' }],
		['a send on 429 with Retry-After', 'send', status(429, '1'), state(1, 30_000), { retry: false, reason: 'not-retryable' }],
		['a send reset by the panel', 'send', net('ECONNRESET'), state(1, 30_000), { retry: false, reason: 'not-retryable' }],
		['a send that timed out', 'send', net('ECONNABORTED', true), state(1, 30_000), { retry: false, reason: 'not-retryable' }],
		['an OTP verify on 503', 'never', status(503), state(1, 30_000), { retry: false, reason: 'not-retryable' }],
		['an OTP verify refused', 'never', net('ECONNREFUSED'), state(1, 30_000), { retry: false, reason: 'not-retryable' }],
	])('%s', (_label, mode, failure, retryState, expected) => {
		expect(retryDecision(mode, failure, retryState)).toEqual(expected);
	});
});

describe('stopNote', () => {
	const budget = { totalMs: 2000, remainingMs: 1234.4 };
	it.each<[string, RetryDecision, number, boolean, string]>([
		['one attempt, not retryable', { retry: false, reason: 'not-retryable' }, 1, false, ''],
		['one attempt that timed out', { retry: false, reason: 'budget' }, 1, true, ''],
		['attempts used up', { retry: false, reason: 'attempts' }, 3, false, '; gave up after 3 attempts'],
		['a final answer after a retry', { retry: false, reason: 'not-retryable' }, 2, false, '; gave up after 2 attempts'],
		['timed out after a retry', { retry: false, reason: 'budget' }, 2, true, '; gave up after 2 attempts'],
		[
			'backoff does not fit after one attempt',
			{ retry: false, reason: 'budget' },
			1,
			false,
			'; not retried: no time left for another attempt within the 2000 ms timeout (1234 ms left)',
		],
		[
			'backoff does not fit after two',
			{ retry: false, reason: 'budget' },
			2,
			false,
			'; gave up after 2 attempts: no time left for another attempt within the 2000 ms timeout (1234 ms left)',
		],
		[
			'Retry-After does not fit',
			{ retry: false, reason: 'budget', retryAfterMs: 60_000 },
			1,
			false,
			'; not retried: SMS Handover asked to wait 60 s (Retry-After), more than the 1234 ms left of the 2000 ms timeout',
		],
		[
			'Retry-After of 1.5 s does not fit after two',
			{ retry: false, reason: 'budget', retryAfterMs: 1500 },
			2,
			false,
			'; gave up after 2 attempts: SMS Handover asked to wait 1.5 s (Retry-After), more than the 1234 ms left of the 2000 ms timeout',
		],
	])('%s', (_label, decision, attempts, timedOut, note) => {
		expect(stopNote(decision, attempts, budget, timedOut)).toBe(note);
	});
});
