import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup, closing } from '../__fixtures__/net-fixtures.js';
import { toxicHarness } from '../__fixtures__/toxic-harness.js';
import { resetPeer } from './reset-peer.js';
import { toxicCase } from './toxic.case.js';

toxicCase(resetPeer, { attributes: { timeout: 50 }, preservesData: false });

describe('reset_peer toxic', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('resets the connection (ECONNRESET) after the timeout from the first data', async () => {
    const h = await toxicHarness(cleanup);
    await h.addToxic({ type: 'reset_peer', attributes: { timeout: 200 } });
    const socket = await h.client();
    const ended = closing(socket);
    const started = performance.now();
    socket.write('hello');
    const result = await ended;
    expect(result.how).toBe('reset');
    expect(result.bytes).toBe(0);
    expect(result.at - started).toBeGreaterThan(150);
    expect(result.at - started).toBeLessThan(2000);
  });
});
