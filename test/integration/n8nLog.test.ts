// The harness's record of n8n's log (test/harness/n8nLog.js): what a run logged comes back with it,
// the error n8n reports for a failed run is taken by the runner, any other error line fails the test.
import { endTest, logged, n8nLogger, take } from '../harness/n8nLog';
import { run, useSimulator } from './fixtures';

const ctx = useSimulator();
const balance = { resource: 'account', operation: 'getBalance', options: {} };

it('a failed run returns n8n\'s report of its error (taken by the runner) and its debug lines', async () => {
	ctx.sim.failNext('balance', 'http500');
	const result = await run(ctx.sim, { parameters: balance });
	expect(result.error?.message).toBe('SMS Handover is unavailable (HTTP 500)');
	expect(result.logged.filter((line) => line.level === 'error').map((line) => line.message)).toEqual(['SMS Handover is unavailable (HTTP 500)']);
	expect(result.logged.map((line) => line.message)).toContain('Workflow execution finished with error');
	expect(take('error')).toEqual([]);
});

it('a run that goes through logs no error', async () => {
	const result = await run(ctx.sim, { parameters: balance });
	expect(result.error).toBeUndefined();
	expect(result.logged.filter((line) => line.level !== 'debug')).toEqual([]);
});

it('an error line nobody took fails the test after it; a taken one does not', () => {
	n8nLogger().error('something nobody expected');
	n8nLogger().warn('a warning is only recorded');
	expect(logged().map((line) => [line.level, line.message])).toEqual([
		['error', 'something nobody expected'],
		['warn', 'a warning is only recorded'],
	]);
	expect(() => endTest()).toThrow(/n8n logged 1 error line\(s\) this test did not expect[^]*error: something nobody expected/);
	// endTest started afresh: nothing is left for the real check after this test.
	expect(logged()).toEqual([]);
	n8nLogger().error('expected this one');
	expect(take('error', /expected/).map((line) => line.message)).toEqual(['expected this one']);
	expect(() => endTest()).not.toThrow();
});
