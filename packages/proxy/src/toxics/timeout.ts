import { setLongTimeout } from '@faultline/core/util';
import type { ToxicDefinition } from './toxic.js';

export type TimeoutAttributes = { timeout: number };

/**
 * Lets no data through; closes the connection after `timeout` ms (never if 0). Removing it
 * closes the affected connections too: the data it swallowed leaves them unusable (Toxiproxy does the same).
 */
export const timeout: ToxicDefinition<TimeoutAttributes> = {
  type: 'timeout',
  description: 'Stops all data from getting through and closes the connection after timeout (ms); 0 never closes.',
  defaults: { timeout: 0 },
  waits: { timeout: 'ms' },
  async pipe(stub, { timeout: ms }) {
    const timer = ms > 0 ? setLongTimeout(() => stub.close(), ms) : undefined;
    try {
      for (;;) {
        const chunk = await stub.read();
        if (typeof chunk === 'symbol') return;
        if (chunk === null) return stub.close();
        // Dropped on the floor.
      }
    } finally {
      timer?.clear();
    }
  },
  cleanup(stub) {
    stub.close();
  },
};
