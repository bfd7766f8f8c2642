import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup, sourceServer } from '../__fixtures__/net-fixtures.js';
import { toxicHarness } from '../__fixtures__/toxic-harness.js';
import { slicer } from './slicer.js';
import { toxicCase } from './toxic.case.js';

toxicCase(slicer, { attributes: { average_size: 64, size_variation: 16, delay: 100 }, preservesData: true });

describe('slicer toxic', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('slices data into small pieces and keeps it intact', async () => {
    const payload = Buffer.from(Array.from({ length: 4000 }, (_, i) => i % 251));
    const h = await toxicHarness(cleanup);
    await h.addToxic({ type: 'slicer', attributes: { average_size: 100, size_variation: 20, delay: 2000 } });
    const socket = await h.client();
    const sizes: number[] = [];
    const chunks: Buffer[] = [];
    const done = new Promise<void>((resolve) =>
      socket.on('data', (d: Buffer) => {
        sizes.push(d.length);
        chunks.push(d);
        if (Buffer.concat(chunks).length >= payload.length) resolve();
      }),
    );
    socket.write(payload);
    await done;
    expect(Buffer.concat(chunks).equals(payload)).toBe(true);
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.max(...sizes)).toBeLessThan(400);
  });

  it('rejects a size_variation not smaller than average_size', async () => {
    const h = await toxicHarness(cleanup, await sourceServer(cleanup, 1));
    expect((await h.addToxic({ type: 'slicer', attributes: { average_size: 10, size_variation: 10 } })).status).toBe(
      400,
    );
  });
});
