import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildMonkeyCjs, forkServer, repoRoot, type Child } from '../__fixtures__/built-package.js';
import { call } from '../__fixtures__/http-fixtures.js';
import { assaultCase } from './assault.case.js';
import { heapHeadroom, memory, memoryAssault, memoryCeiling } from './memory.js';

assaultCase(memory, {
  attributes: {
    enabled: true,
    holdMs: 1500,
    waitNextIncreaseMs: 100,
    incrementFraction: 0.1,
    targetFraction: 0.05,
    cron: 'OFF',
  },
  harmless: true,
});

const quiet = { info() {}, warn() {} };

/** The used heap counts garbage: collect what earlier tests left so the target is measured from live data. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
const MiB = 2 ** 20;

describe('memory assault', () => {
  it('fills the heap towards the target in steps, holds, then releases', async () => {
    collectGarbage();
    const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
    const target = used + 160 * MiB;
    const logged: string[] = [];
    const run = memoryAssault(
      {
        enabled: true,
        targetFraction: target / limit,
        // A quarter per step: even if each chunk left as much garbage as it holds, the first step
        // (40 MiB held, at most 80 MiB used) stays clear of the target, so a second step must follow.
        incrementFraction: 0.25,
        waitNextIncreaseMs: 200,
        holdMs: 1000,
        cron: 'OFF',
      },
      { info: (message) => logged.push(message), warn() {} },
    );
    // The first increment is about a quarter of what is left (5 chunks of 8 MiB), at once.
    expect(run.held()).toBeGreaterThanOrEqual(32 * MiB);
    expect(run.held()).toBeLessThanOrEqual(48 * MiB);
    const steps = new Set<number>([run.held()]);
    const timer = setInterval(() => steps.add(run.held()), 10);
    // It holds once the used heap is within a chunk of the target. The used heap counts garbage
    // too (each chunk leaves some), so what it holds is less than the 160 MiB asked for.
    await expect.poll(() => logged.find((line) => / holds /.test(line)), { timeout: 30_000 }).toBeDefined();
    const holding = Number(/holds (\d+) MiB/.exec(logged.find((line) => / holds /.test(line))!)![1]) * MiB;
    expect(holding).toBeGreaterThanOrEqual(target - 9 * MiB);
    expect(run.held()).toBeLessThanOrEqual(168 * MiB);
    await run.done;
    clearInterval(timer);
    // Filled in more than one increment, then let go of everything.
    expect([...steps].filter((s) => s > 0).length).toBeGreaterThan(1);
    expect(run.held()).toBe(0);
  });

  it('never fills into the headroom, whatever the target', () => {
    const limit = 304 * MiB; // --max-old-space-size=256
    expect(heapHeadroom(limit)).toBe(96 * MiB);
    expect(memoryCeiling({ targetFraction: 0.9 }, limit)).toBe(208 * MiB);
    expect(memoryCeiling({ targetFraction: 0.25 }, 4096 * MiB)).toBe(1024 * MiB);
    expect(memoryCeiling({ targetFraction: 0.95 }, 4096 * MiB)).toBe(3072 * MiB);
  });

  it('holds for a hold time longer than a Node timer can wait (2^31 ms) instead of releasing at once', async () => {
    const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
    const run = memoryAssault(
      {
        enabled: true,
        targetFraction: (used + 40 * MiB) / limit,
        incrementFraction: 1,
        waitNextIncreaseMs: 0,
        holdMs: 25 * 24 * 3600 * 1000,
        cron: 'OFF',
      },
      quiet,
    );
    await expect.poll(() => run.held(), { timeout: 30_000 }).toBeGreaterThan(0);
    // An overflowing timer would have released within a millisecond or two.
    await new Promise((r) => setTimeout(r, 300));
    expect(run.held()).toBeGreaterThan(0);
    run.stop();
    await run.done;
    expect(run.held()).toBe(0);
  });
});

describe('memory assault in a service with a 256 MB heap', () => {
  let child: Child | undefined;
  beforeAll(() => buildMonkeyCjs(), 120_000);
  afterEach(() => {
    child?.proc.kill('SIGKILL');
  });

  it('at target 0.9 slows the service down but never kills it', async () => {
    child = await forkServer(`${repoRoot}packages/monkey/src/__fixtures__/memory-app.cjs`, {
      NODE_OPTIONS: '--max-old-space-size=256',
    });
    const c = child;
    const heap = async () => (await call(`${c.base}/heap`)).json as { used: number; limit: number; log: string[] };
    expect((await heap()).limit).toBeLessThan(400 * MiB);
    const attack = await call(`${c.base}/actuator/chaosmonkey/assaults/runtime/attack`, {
      method: 'POST',
      headers: { authorization: 'Bearer memory-token' },
    });
    expect(attack.text).toBe('Started runtime assaults');
    // Requests keep being served while the heap fills, holds and is released.
    let served = 0;
    const load = (async () => {
      while (c.proc.exitCode === null && !(await heap()).log.some((l) => l.includes('released'))) {
        expect((await call(`${c.base}/api/orders`)).status).toBe(200);
        served++;
      }
    })();
    await expect
      .poll(async () => (await heap()).log.some((l) => l.includes('holds')), { timeout: 60_000, interval: 100 })
      .toBe(true);
    const full = await heap();
    expect(full.used).toBeGreaterThan(full.limit * 0.5);
    expect(full.log.join('\n')).toMatch(/capped to keep 96 MiB free/);
    await load;
    expect(served).toBeGreaterThan(0);
    expect(c.proc.exitCode).toBeNull();
    expect(c.output()).not.toMatch(/heap out of memory/i);
  }, 120_000);
});
