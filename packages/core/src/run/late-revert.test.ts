import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuns } from '../run-state/list-runs.js';
import { runExperiment } from './experiment-run.js';
import { createWorld } from './__fixtures__/test-driver.js';

// An activity that ignores its abort signal: cut short by an interruption, it goes on and
// registers its fault's revert only afterwards (a Kubernetes call already on the wire does this).
const late = `export async function lateFault(args, ctx) {
  await new Promise((resolve) => setTimeout(resolve, args.after_ms));
  ctx.registerRevert({ title: 'remove late', driver: '@test/world', func: 'remove_fault', arguments: { fault: 'late' } });
  return 'injected late';
}`;

/** Runs an experiment whose only action registers its fault `afterMs` after it started, interrupted at 100 ms. */
function interruptedRun(afterMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-late-'));
  writeFileSync(join(dir, 'late.mjs'), late);
  const world = createWorld();
  const interrupt = new AbortController();
  setTimeout(() => interrupt.abort('received SIGINT'), 100);
  const running = runExperiment({
    experiment: {
      title: 'late registration',
      method: [
        {
          type: 'action',
          name: 'late',
          provider: { type: 'javascript', module: './late.mjs', func: 'lateFault', arguments: { after_ms: afterMs } },
        },
      ],
    },
    baseDir: dir,
    resolver: world.resolver,
    env: {},
    signal: interrupt.signal,
    runsDir: join(dir, 'runs'),
    journalPath: join(dir, 'journal.json'),
  });
  return { dir, world, running };
}

describe('a fault registered by an activity the interruption cut short', () => {
  it('is reverted by the run, not left pending in the journal', async () => {
    const { dir, world, running } = interruptedRun(600);
    const journal = await running;
    expect(listRuns({ dir: join(dir, 'runs') })).toEqual([]);
    expect(journal.status).toBe('interrupted');
    expect(journal.faultline.reverts).toMatchObject([{ title: 'remove late', status: 'reverted' }]);
    expect(world.calls).toContain('remove:late');
  });

  it('registered after the run ended, it is listed again for `faultline stop` (state file and journal)', async () => {
    const { dir, running } = interruptedRun(2_500);
    const journal = await running;
    expect(journal.faultline.reverts).toEqual([]);
    expect(listRuns({ dir: join(dir, 'runs') })).toEqual([]);
    const deadline = Date.now() + 10_000;
    while (!listRuns({ dir: join(dir, 'runs') }).length && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listRuns({ dir: join(dir, 'runs') })[0]?.faults).toMatchObject([
      { title: 'remove late', status: 'pending' },
    ]);
    const onDisk = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    expect(onDisk.faultline.reverts).toMatchObject([{ title: 'remove late', status: 'pending' }]);
  });
});
