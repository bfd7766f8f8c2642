import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { maxTimerDrift } from '../__fixtures__/http-fixtures.js';
import { createMonkey } from '../monkey/create-monkey.js';
import { cpuAssault } from './cpu.js';
import { memoryAssault } from './memory.js';

const quiet = { info() {}, warn() {} };
const MiB = 2 ** 20;

describe('memory assault', () => {
  it('fills the heap towards the target in steps, holds, then releases', async () => {
    const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
    const targetFraction = (used + 160 * MiB) / limit;
    const run = memoryAssault(
      { enabled: true, targetFraction, incrementFraction: 0.5, waitNextIncreaseMs: 20, holdMs: 1000, cron: 'OFF' },
      quiet,
    );
    const steps: number[] = [];
    const timer = setInterval(() => steps.push(run.held()), 10);
    await new Promise((r) => setTimeout(r, 600));
    const peak = getHeapStatistics().used_heap_size;
    expect(peak).toBeGreaterThan(used + 100 * MiB);
    expect(peak).toBeLessThan(used + 400 * MiB);
    // Filled in more than one increment.
    expect(new Set(steps.filter((s) => s > 0)).size).toBeGreaterThan(1);
    await run.done;
    clearInterval(timer);
    expect(run.held()).toBe(0);
  });
});

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
    const cpu = process.cpuUsage(before);
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(5000);
    // The worker burned CPU (an idle wait would not); loose, as the machine may be shared.
    expect(cpu.user / 1000).toBeGreaterThan(50);
    expect(driftMs).toBeLessThan(300);
  });

  it('stops early on stop()', async () => {
    const run = cpuAssault({ enabled: true, targetFraction: 0.5, holdMs: 60_000, cron: 'OFF' }, quiet, 1);
    const start = performance.now();
    run.stop();
    await run.done;
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

describe('runtime attack and cron', () => {
  it('runs active runtime assaults on attack(), only while enabled', async () => {
    const monkey = createMonkey({ logger: quiet, cpu: { enabled: true, holdMs: 100, targetFraction: 0.2 } });
    expect(monkey.attack()).toEqual([]);
    monkey.enable();
    expect(monkey.attack()).toEqual(['cpu']);
    expect(monkey.stats().assaulted.cpu).toBe(1);
    monkey.close();
  });

  it('fires runtime assaults on their cron schedule, respecting the enabled switch', async () => {
    const monkey = createMonkey({
      logger: quiet,
      cpu: { enabled: true, holdMs: 50, targetFraction: 0.1, cron: '* * * * * *' },
    });
    await new Promise((r) => setTimeout(r, 1300));
    expect(monkey.stats().assaulted.cpu).toBe(0);
    monkey.enable();
    await new Promise((r) => setTimeout(r, 2300));
    expect(monkey.stats().assaulted.cpu).toBeGreaterThanOrEqual(1);
    monkey.close();
    const fired = monkey.stats().assaulted.cpu;
    await new Promise((r) => setTimeout(r, 1200));
    expect(monkey.stats().assaulted.cpu).toBe(fired);
  });
});
