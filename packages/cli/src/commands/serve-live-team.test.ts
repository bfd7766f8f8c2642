import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunState } from '@faultline/core';
import type { LiveRun, LiveRunSource } from '@faultline/server';
import { openStore } from '@faultline/store';
import { describe, expect, it } from 'vitest';
import { withRunsOfTheTeam } from './serve-live-team.js';

const localRun: LiveRun = {
  id: 'both-1',
  title: 'here and published',
  phase: 'method',
  startedAt: '2026-03-01T10:00:00.000Z',
  liveness: 'running',
  stopRequested: false,
  faults: [],
  samples: [],
};
const state = (runId: string, title: string): RunState => ({
  run_id: runId,
  pid: 1,
  host: 'host-b',
  experiment: { title },
  phase: 'method',
  started: '2026-03-01T09:00:00.000Z',
  updated: '2026-03-01T09:00:00.000Z',
  faults: [],
});

function localSource() {
  const stops: string[] = [];
  const source: LiveRunSource = {
    list: async () => [localRun],
    stop: async (target) => {
      stops.push(target);
      return [{ id: localRun.id, title: localRun.title, outcome: 'stopped', reverted: [], failed: [] }];
    },
  };
  return { source, stops };
}

describe("this machine's runs with the team's", () => {
  it('lists each run once: a local run that also publishes comes from its state file', async () => {
    const store = await openStore(join(mkdtempSync(join(tmpdir(), 'faultline-team-')), 's.sqlite'));
    try {
      await store.publishLiveRun(state('both-1', 'here and published'));
      await store.publishLiveRun(state('remote-1', 'elsewhere'));
      const team = withRunsOfTheTeam(localSource().source, store);
      const runs = await team.list();
      expect(runs.map((r) => [r.id, r.host])).toEqual([
        ['remote-1', 'host-b'],
        ['both-1', undefined],
      ]);
      expect(team.scope).toMatch(/^this machine and of every host whose runs publish to the store /);
    } finally {
      await store.close();
    }
  });

  it('still lists and stops local runs when the store cannot be read, and says so', async () => {
    const store = await openStore(join(mkdtempSync(join(tmpdir(), 'faultline-team-')), 's.sqlite'));
    await store.close();
    const { source, stops } = localSource();
    const team = withRunsOfTheTeam(source, store);
    expect((await team.list()).map((r) => r.id)).toEqual(['both-1']);
    expect(team.scope).toMatch(/^this machine only: the store .* cannot be read/);
    expect(await team.stop('all', 'test')).toMatchObject([{ id: 'both-1', outcome: 'stopped' }]);
    expect(stops).toEqual(['all']);
  });
});
