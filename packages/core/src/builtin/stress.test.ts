import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/create-test-context.js';
import { findSystemBinary } from '../testing/find-system-binary.js';
import { parseSize, stressMemory } from './stress-memory.js';
import { stressCpu } from './stress-cpu.js';

const cpuSeconds = () => process.cpuUsage().user / 1e6;
const stressNg = findSystemBinary('stress-ng', ['/usr/bin/stress-ng']);
const running = (name: string) => spawnSync('pgrep', ['-x', name, '-P', String(process.pid)]).status === 0;

describe('stress_cpu / stress_memory', () => {
  it('worker threads really burn CPU for the duration, then stop', async () => {
    const before = cpuSeconds();
    const started = Date.now();
    const args = stressCpu.arguments.parse({ workers: 1, duration: '1s', use_stress_ng: false });
    expect(await stressCpu.run(args, createTestContext())).toMatchObject({ tool: 'worker-threads', seconds: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    // Idle, this process uses a few ms in a second; a busy worker far more, even on a loaded machine.
    expect(cpuSeconds() - before).toBeGreaterThan(0.1);
  });

  it('worker threads hold the memory, and stop at once when the run is interrupted', async () => {
    const controller = new AbortController();
    const args = stressMemory.arguments.parse({ size: '64M', duration: 30, use_stress_ng: false });
    const rss = process.memoryUsage.rss();
    const done = stressMemory.run(args, createTestContext({ signal: controller.signal }));
    for (let i = 0; i < 100 && process.memoryUsage.rss() - rss < 48 * 1024 ** 2; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(process.memoryUsage.rss() - rss).toBeGreaterThan(48 * 1024 ** 2);
    const started = Date.now();
    controller.abort();
    await done;
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.runIf(stressNg)(
    'uses stress-ng when installed, registers its kill as the revert, kills it on interruption',
    async () => {
      const controller = new AbortController();
      const ctx = createTestContext({ signal: controller.signal });
      const done = stressCpu.run(stressCpu.arguments.parse({ workers: 1, duration: 30 }), ctx) as Promise<{
        tool: string;
        pid: number;
      }>;
      for (let i = 0; i < 100 && !running('stress-ng'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(ctx.reverts).toMatchObject([{ func: 'end_local_fault', arguments: { fault: 'stress-ng' } }]);
      // The revert refuses a pid that is not stress-ng (a forged or stale journal), and ends the real one.
      const { endLocalFault } = await import('./end-local-fault.js');
      const own = endLocalFault.run({ fault: 'stress-ng', pid: process.pid }, createTestContext());
      expect(own).toEqual({ fault: 'stress-ng', pids: [] });
      controller.abort();
      const result = await done;
      expect(result.tool).toBe('stress-ng');
      for (let i = 0; i < 100 && running('stress-ng'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(running('stress-ng')).toBe(false);
    },
  );

  it('parses sizes and rejects nonsense', () => {
    expect(parseSize('256M')).toBe(256 * 1024 ** 2);
    expect(parseSize('1GiB')).toBe(1024 ** 3);
    expect(parseSize(1000)).toBe(1000);
    expect(() => parseSize('lots')).toThrow(/not a size/);
  });
});
