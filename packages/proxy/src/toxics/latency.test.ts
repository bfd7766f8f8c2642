import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup, percentile, roundTrip } from '../__fixtures__/net-fixtures.js';
import { toxicHarness } from '../__fixtures__/toxic-harness.js';
import { latency } from './latency.js';
import { toxicCase } from './toxic.case.js';

toxicCase(latency, { attributes: { latency: 20, jitter: 5 }, preservesData: true });

describe('latency toxic', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('adds the configured delay, and jitter stays within ± bounds', async () => {
    const h = await toxicHarness(cleanup);
    const socket = await h.client();
    const base: number[] = [];
    for (let i = 0; i < 20; i++) base.push(await roundTrip(socket));
    await h.addToxic({ name: 'lat', type: 'latency', attributes: { latency: 100 } });
    const delayed: number[] = [];
    for (let i = 0; i < 15; i++) delayed.push(await roundTrip(socket));
    const added = percentile(delayed, 50) - percentile(base, 50);
    expect(added).toBeGreaterThanOrEqual(99);
    expect(added).toBeLessThan(160); // generous: the machine is shared

    await h.updateToxic('lat', { attributes: { latency: 50, jitter: 20 } });
    const jittered: number[] = [];
    for (let i = 0; i < 30; i++) jittered.push(await roundTrip(socket));
    expect(Math.min(...jittered)).toBeGreaterThanOrEqual(29);
    expect(Math.max(...jittered)).toBeLessThan(150);
    // Jitter really varies the delay.
    expect(Math.max(...jittered) - Math.min(...jittered)).toBeGreaterThan(5);
  });

  it('delays each chunk from its arrival, so a stream keeps its throughput', async () => {
    const h = await toxicHarness(cleanup);
    await h.addToxic({ type: 'latency', stream: 'upstream', attributes: { latency: 100 } });
    const socket = await h.client();
    const started = performance.now();
    // 20 messages 10 ms apart: with per-arrival delay the last arrives ~100 ms after it was sent.
    const got = new Promise<number>((resolve) => {
      let bytes = 0;
      socket.on('data', (d: Buffer) => {
        bytes += d.length;
        if (bytes >= 20) resolve(performance.now() - started);
      });
    });
    for (let i = 0; i < 20; i++) {
      socket.write('x');
      await new Promise((r) => setTimeout(r, 10));
    }
    const elapsed = await got;
    // Serialised delays would take 20 x 100 ms.
    expect(elapsed).toBeLessThan(1000);
    expect(elapsed).toBeGreaterThan(100);
  });
});
