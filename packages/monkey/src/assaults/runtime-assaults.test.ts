import { describe, expect, it } from 'vitest';
import { createMonkey } from '../monkey/create-monkey.js';

const quiet = { info() {}, warn() {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runtime attack and cron', () => {
  it('runs active runtime assaults on attack(), only while enabled', () => {
    const monkey = createMonkey({ logger: quiet, cpu: { enabled: true, holdMs: 100, targetFraction: 0.2 } });
    expect(monkey.attack()).toEqual([]);
    monkey.enable();
    expect(monkey.attack()).toEqual(['cpu']);
    // One run at a time: a second attack while the first runs starts nothing.
    expect(monkey.attack()).toEqual([]);
    expect(monkey.stats().assaulted.cpu).toBe(1);
    monkey.close();
  });

  it('fires runtime assaults on their cron schedule, respecting the enabled switch', async () => {
    const monkey = createMonkey({
      logger: quiet,
      cpu: { enabled: true, holdMs: 50, targetFraction: 0.1, cron: '* * * * * *' },
    });
    // Waits only ever make a "nothing happened" check stricter, never flaky.
    await sleep(1300);
    expect(monkey.stats().assaulted.cpu).toBe(0);
    monkey.enable();
    await expect.poll(() => monkey.stats().assaulted.cpu, { timeout: 20_000, interval: 50 }).toBeGreaterThanOrEqual(1);
    monkey.close();
    const fired = monkey.stats().assaulted.cpu;
    await sleep(1200);
    expect(monkey.stats().assaulted.cpu).toBe(fired);
  });
});
