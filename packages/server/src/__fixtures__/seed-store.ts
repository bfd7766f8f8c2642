import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@faultline/store';
import { experiment, makeJournal } from '../../../store/src/__fixtures__/make-journal.js';
import type { LiveRun, LiveRunSource, LiveStopResult } from '../live-runs.js';

export { makeJournal };

export const payload = '<script>alert("pwned")</script>';

/**
 * A real SQLite store with a held run, a deviated run of an experiment whose title and probe output
 * carry script payloads, and the finding the deviated run proposed.
 */
export async function seedStore(): Promise<{
  store: Store;
  dir: string;
  hostileRunId: string;
  cleanup(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-server-'));
  const store = await openStore(join(dir, 'store.sqlite'));
  await store.recordRun({ journal: makeJournal({ start: '2026-01-01T10:00:00.000Z' }) });
  const hostile = makeJournal({
    start: '2026-01-02T10:00:00.000Z',
    deviated: true,
    experiment: experiment({
      title: `Checkout ${payload}`,
      tags: ['<b>tag</b>'],
      extensions: [{ name: 'faultline', experiment_id: 'hostile-checkout' }],
    }),
  });
  hostile.steady_states.after!.probes[0]!.output = `<img src=x onerror="alert(1)">`;
  const recorded = await store.recordRun({ journal: hostile });
  return {
    store,
    dir,
    hostileRunId: recorded.run.id,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs in progress held in memory: stop ends them (as the run-state mechanism does) and records who asked. */
export class MemoryLiveRuns implements LiveRunSource {
  readonly stopCalls: Array<{ target: string; by: string }> = [];
  constructor(public runs: LiveRun[]) {}

  async list(): Promise<LiveRun[]> {
    return this.runs.map((r) => ({ ...r }));
  }

  async stop(target: string, by: string): Promise<LiveStopResult[]> {
    this.stopCalls.push({ target, by });
    const chosen = this.runs.filter((r) => target === 'all' || r.id.startsWith(target));
    this.runs = this.runs.filter((r) => !chosen.includes(r));
    return chosen.map((r) => ({
      id: r.id,
      title: r.title,
      outcome: 'stopped',
      reverted: r.faults.map((f) => f.name),
      failed: [],
    }));
  }
}

export const liveRun = (overrides: Partial<LiveRun> = {}): LiveRun => ({
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  title: `Cart under latency ${payload}`,
  phase: 'method',
  startedAt: new Date(Date.now() - 30_000).toISOString(),
  liveness: 'running',
  stopRequested: false,
  faults: [{ name: `add-latency ${payload}`, since: new Date(Date.now() - 10_000).toISOString() }],
  samples: [
    { at: new Date(Date.now() - 5000).toISOString(), ok: true, value: 120 },
    { at: new Date(Date.now() - 4000).toISOString(), ok: false, value: 900 },
  ],
  ...overrides,
});
