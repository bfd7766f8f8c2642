import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cleanup, percentile, readBytes, roundTrip, sleep } from '../__fixtures__/net-fixtures.js';
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

  it('waits 10^12 ms with one timer: no 1 ms poll, no timer overflow warning', async () => {
    const h = await toxicHarness(cleanup);
    const socket = await h.client();
    await h.addToxic({ name: 'forever', type: 'latency', attributes: { latency: 1e12 } });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    try {
      let bytes = 0;
      socket.on('data', (d: Buffer) => (bytes += d.length));
      socket.write('x');
      await sleep(300);
      expect(bytes).toBe(0);
      const delays = timeout.mock.calls.map(([, ms]) => Number(ms ?? 0));
      // A poll would have armed ~300 timers by now.
      expect(timeout.mock.calls.length).toBeLessThan(30);
      expect(Math.max(...delays)).toBeLessThanOrEqual(2 ** 31 - 1);
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      timeout.mockRestore();
      process.off('warning', onWarning);
    }
    // Removing it hands the held byte on at once.
    const held = readBytes(socket, 1);
    expect(await h.removeToxic('forever')).toBe(204);
    expect((await held).toString()).toBe('x');
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
