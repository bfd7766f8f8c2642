import type { ToxicDefinition } from './toxic.js';

export type ResetPeerAttributes = { timeout: number };

/**
 * On the first data (or end) in its direction, waits `timeout` ms and resets the connection with
 * a TCP RST ("connection reset by peer"); the data is dropped.
 */
export const resetPeer: ToxicDefinition<ResetPeerAttributes> = {
  type: 'reset_peer',
  description: 'Simulates a TCP RESET (connection reset by peer), immediately or after timeout (ms).',
  defaults: { timeout: 0 },
  waits: { timeout: 'ms' },
  async pipe(stub, { timeout: ms }) {
    const chunk = await stub.read();
    if (typeof chunk === 'symbol') return;
    if (await stub.sleep(ms)) stub.reset();
  },
};
