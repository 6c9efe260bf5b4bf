import type { IDataObject } from 'n8n-workflow';

import { runActionNode, type RunOptions } from '../harness/execute';
import { testKey } from '../harness/testKeys';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator';

/** The simulator's default key (made at run time, as every test key). */
export const API_KEY = testKey('sim-key');

/** One simulator per test file, reset before each test. */
export function useSimulator(options: SimulatorOptions = {}) {
	const state = {} as { sim: Simulator };
	beforeAll(async () => {
		state.sim = await startSimulator({ port: 0, apiKey: API_KEY, ...options });
	});
	beforeEach(() => state.sim.reset());
	afterAll(async () => await state.sim.close());
	return state;
}

export function credentialsFor(sim: Simulator, overrides: IDataObject = {}) {
	return { apiKey: sim.apiKey, baseUrl: sim.baseUrl, timeZone: 'Asia/Kolkata', ...overrides };
}

/** Runs the node against the simulator with its credential unless one is given. */
export async function run(sim: Simulator, options: Omit<RunOptions, 'credentials'> & Partial<RunOptions>) {
	return await runActionNode({ credentials: credentialsFor(sim), ...options });
}

/** Everything a user (or whoever reads n8n's log) could ever see of a run, to check the API key is nowhere in it. */
export function visibleText(result: Awaited<ReturnType<typeof runActionNode>>): string {
	const error = result.error;
	return JSON.stringify({
		items: result.items,
		error: error && { ...error, message: error.message, description: error.description, stack: error.stack },
		logged: result.logged,
	});
}
