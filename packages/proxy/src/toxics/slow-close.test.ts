import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup, closing, sourceServer } from '../__fixtures__/net-fixtures.js';
import { toxicHarness } from '../__fixtures__/toxic-harness.js';
import { slowClose } from './slow-close.js';
import { toxicCase } from './toxic.case.js';

toxicCase(slowClose, { attributes: { delay: 30 }, preservesData: true });

describe('slow_close toxic', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('delivers the data at once but delays the close', async () => {
    const h = await toxicHarness(cleanup, await sourceServer(cleanup, 100));
    await h.addToxic({ type: 'slow_close', attributes: { delay: 600 } });
    const started = performance.now();
    const socket = await h.client();
    let firstData = 0;
    socket.once('data', () => (firstData = performance.now() - started));
    const result = await closing(socket);
    expect(result.bytes).toBe(100);
    expect(firstData).toBeLessThan(450);
    expect(result.at - started).toBeGreaterThan(580);
  });
});
