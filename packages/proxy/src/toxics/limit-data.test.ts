import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup, closing } from '../__fixtures__/net-fixtures.js';
import { toxicHarness } from '../__fixtures__/toxic-harness.js';
import { limitData } from './limit-data.js';
import { toxicCase } from './toxic.case.js';

toxicCase(limitData, { attributes: { bytes: 1_000_000 }, preservesData: true });

describe('limit_data toxic', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('passes exactly `bytes` bytes, then closes the connection', async () => {
    const h = await toxicHarness(cleanup);
    await h.addToxic({ type: 'limit_data', attributes: { bytes: 1000 } });
    const socket = await h.client();
    const ended = closing(socket);
    socket.write(Buffer.alloc(600, 1));
    await new Promise((r) => setTimeout(r, 50));
    socket.write(Buffer.alloc(600, 2));
    const result = await ended;
    expect(result.bytes).toBe(1000);
    await expect.poll(() => h.server.collection.get('p').connections.size).toBe(0);
  });
});
