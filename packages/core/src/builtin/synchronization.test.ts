import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActivityResolver } from '../resolve/activity-resolver.js';
import { runExperiment } from '../run/experiment-run.js';
import { createTestContext } from '../testing/create-test-context.js';
import { driver, experimentFinished } from './index.js';
import { idleFor } from './idle-for.js';

const resolver = new ActivityResolver([
  { name: '@faultline/core', pythonPrefixes: ['chaosaddons'], load: async () => driver },
]);

describe('chaostoolkit-addons served by the core driver', () => {
  it('chaosaddons.controls.synchronization sets experimentFinished once the experiment is over', async () => {
    // A side loop started by an action, as a load generator would be, stops when the event is set.
    const dir = mkdtempSync(join(tmpdir(), 'faultline-sync-'));
    writeFileSync(
      join(dir, 'side.mjs'),
      `import { experimentFinished } from '@faultline/core/builtin';
       export const state = { ticks: 0, stoppedAt: undefined };
       export function startLoad() {
         const loop = () => { if (experimentFinished.isSet()) { state.stoppedAt = state.ticks; return; } state.ticks += 1; setTimeout(loop, 5); };
         loop();
         return 'started';
       }
       export function finishedNow() { return experimentFinished.isSet(); }`,
    );
    const journal = await runExperiment({
      experiment: {
        title: 'sync',
        controls: [{ name: 'sync', provider: { type: 'python', module: 'chaosaddons.controls.synchronization' } }],
        method: [
          { type: 'action', name: 'load', provider: { type: 'javascript', module: './side.mjs', func: 'startLoad' } },
          {
            type: 'action',
            name: 'idle',
            provider: {
              type: 'python',
              module: 'chaosaddons.utils.idle',
              func: 'idle_for',
              arguments: { duration: 0.1 },
            },
          },
          {
            type: 'probe',
            name: 'finished-during-run',
            provider: { type: 'javascript', module: './side.mjs', func: 'finishedNow' },
          },
        ],
      },
      baseDir: dir,
      resolver,
      env: {},
    });
    expect(journal.status).toBe('completed');
    expect(journal.run.at(-1)?.output).toBe(false);
    expect(experimentFinished.isSet()).toBe(true);
    await experimentFinished.wait();
    const side = (await import(join(dir, 'side.mjs'))) as { state: { ticks: number; stoppedAt?: number } };
    const start = Date.now();
    while (side.state.stoppedAt === undefined && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 10));
    expect(side.state.stoppedAt).toBeGreaterThan(0);
  });

  it('idle_for waits the duration and ends early when interrupted', async () => {
    const started = Date.now();
    await idleFor.run(idleFor.arguments.parse({ duration: '50ms' }), createTestContext());
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 20);
    const interrupted = Date.now();
    await idleFor.run(idleFor.arguments.parse({ duration: 60 }), createTestContext({ signal: abort.signal }));
    expect(Date.now() - interrupted).toBeLessThan(30_000);
  });
});
