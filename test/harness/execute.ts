/** The in-process runner (./engine.ts) bound to this package's TypeScript sources, for jest. */
import { SmsHandoverApi } from '../../credentials/SmsHandoverApi.credentials';
import { SmsHandover } from '../../nodes/SmsHandover/SmsHandover.node';
import { createRunner } from './engine';
import { runLog } from './n8nLog';

export { ACTION_NODE_TYPE, type RunOptions, type RunResult } from './engine';

export const runActionNode = createRunner({ nodeType: new SmsHandover(), credentialType: new SmsHandoverApi(), log: runLog });
