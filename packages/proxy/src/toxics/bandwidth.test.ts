import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup, readBytes, sourceServer } from '../__fixtures__/net-fixtures.js';
import { toxicHarness } from '../__fixtures__/toxic-harness.js';
import { bandwidth } from './bandwidth.js';
import { toxicCase } from './toxic.case.js';

toxicCase(bandwidth, { attributes: { rate: 1000 }, preservesData: true });

describe('bandwidth toxic', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('limits throughput to the rate within ±10%', async () => {
    const size = 300 * 1024;
    const h = await toxicHarness(cleanup, await sourceServer(cleanup, size));
    await h.addToxic({ type: 'bandwidth', attributes: { rate: 300 } }); // KB/s → ~1 s
    const started = performance.now();
    const socket = await h.client();
    const data = await readBytes(socket, size);
    const seconds = (performance.now() - started) / 1000;
    expect(data.length).toBe(size);
    const rateKBs = size / 1000 / seconds;
    expect(rateKBs).toBeGreaterThan(300 * 0.9);
    expect(rateKBs).toBeLessThan(300 * 1.1);
  });
});
