import { describe, expect, it } from 'vitest';
import { maxTimerDrift } from '../__fixtures__/http-fixtures.js';
import { assaultCase } from './assault.case.js';
import { cpu, cpuAssault } from './cpu.js';

assaultCase(cpu, { attributes: { enabled: true, holdMs: 1500, targetFraction: 0.2, cron: 'OFF' }, harmless: true });

const quiet = { info() {}, warn() {} };

describe('CPU assault', () => {
  it('loads cores from worker threads for the hold time without blocking the event loop', async () => {
    const before = process.cpuUsage();
    const start = performance.now();
    const { driftMs } = await maxTimerDrift(async () => {
      const run = cpuAssault({ enabled: true, targetFraction: 1, holdMs: 600, cron: 'OFF' }, quiet, 1);
      expect(run.held()).toBe(1);
      await run.done;
      expect(run.held()).toBe(0);
    });
    const elapsed = performance.now() - start;
    const cpuMs = process.cpuUsage(before).user / 1000;
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(30_000);
    // The worker burned CPU (an idle wait would not); loose, as the machine may be shared.
    expect(cpuMs).toBeGreaterThan(50);
    // The main thread's timers kept running: far below the 600 ms a blocked loop would show.
    expect(driftMs).toBeLessThan(500);
  });

  it('stops early on stop()', async () => {
    const run = cpuAssault({ enabled: true, targetFraction: 0.5, holdMs: 60_000, cron: 'OFF' }, quiet, 1);
    const start = performance.now();
    run.stop();
    await run.done;
    expect(performance.now() - start).toBeLessThan(30_000);
  });
});
