import type { Driver } from '../activity/driver.js';
import { canPlaceOrder } from './can-place-order.js';
import { endLocalFault } from './end-local-fault.js';
import { executeQuery } from './execute-query.js';
import { idleFor } from './idle-for.js';
import { killProcess } from './kill-process.js';
import { queryRows } from './query-rows.js';
import { stressCpu } from './stress-cpu.js';
import { stressMemory } from './stress-memory.js';
import { synchronization } from './synchronization.js';

export { experimentFinished } from './synchronization.js';

/** Activities that ship with the engine, for the seed's custom python modules and chaostoolkit-addons. */
export const driver: Driver = {
  name: '@faultline/core',
  activities: [canPlaceOrder, executeQuery, queryRows, killProcess, stressCpu, stressMemory, endLocalFault, idleFor],
  controls: [synchronization],
  reverts: ['end_local_fault'],
};
