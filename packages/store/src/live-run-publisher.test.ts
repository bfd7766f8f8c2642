import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunState } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { LiveRunPublisher } from './live-run-publisher.js';
import type { LiveStopRequest } from './live-runs.js';
import { openStore } from './open-store.js';

const state = (more: Partial<RunState> = {}): RunState => ({
  run_id: 'pub-1',
  pid: process.pid,
  host: 'host-a',
  experiment: { title: 'published' },
  phase: 'hypothesis-before',
  started: new Date().toISOString(),
  updated: new Date().toISOString(),
  faults: [],
  ...more,
});

describe('publishing a run live into a store', () => {
  it('heartbeats, sends a change of phase at once, hands over a stop request once, and ends the row', async () => {
    const url = join(mkdtempSync(join(tmpdir(), 'faultline-live-')), 'team.sqlite');
    const reader = await openStore(url);
    const stops: Array<[LiveStopRequest, string]> = [];
    const warnings: string[] = [];
    const publisher = new LiveRunPublisher(url, {
      everyMs: 100,
      onStop: (request, runId) => stops.push([request, runId]),
      warn: (message) => warnings.push(message),
    });
    try {
      const current = state();
      publisher.update(current);
      await expect.poll(async () => (await reader.getLiveRun('pub-1'))?.phase).toBe('hypothesis-before');
      const first = (await reader.getLiveRun('pub-1'))!.heartbeatAt;
      // nothing changes, the heartbeat still moves
      await expect.poll(async () => (await reader.getLiveRun('pub-1'))!.heartbeatAt > first).toBe(true);
      current.phase = 'method';
      publisher.update(current);
      await expect.poll(async () => (await reader.getLiveRun('pub-1'))?.phase).toBe('method');
      expect(await reader.requestLiveRunStop('pub-1', 'dashboard (operator)')).toBe(true);
      await expect.poll(() => stops.length).toBe(1);
      expect(stops[0]).toMatchObject([{ by: 'dashboard (operator)' }, 'pub-1']);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stops).toHaveLength(1);
      await publisher.end({ status: 'interrupted', faultsLeft: [] });
      expect(await reader.getLiveRun('pub-1')).toMatchObject({ liveness: 'ended', status: 'interrupted' });
      expect(await reader.listLiveRuns()).toEqual([]);
      expect(warnings).toEqual([]);
    } finally {
      await publisher.end({});
      await reader.close();
    }
  });

  it('warns once and carries on when the store cannot be reached', async () => {
    const warnings: string[] = [];
    const publisher = new LiveRunPublisher('postgres://chaos:s3cret@127.0.0.1:1/none', {
      everyMs: 20,
      onStop: () => {},
      warn: (message) => warnings.push(message),
    });
    const current = state();
    for (let i = 0; i < 200; i++) {
      current.phase = i % 2 ? 'method' : 'reverting';
      publisher.update(current);
    }
    await expect.poll(() => warnings.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let i = 0; i < 20; i++) publisher.update({ ...current, phase: 'finishing', faults: [] });
    await publisher.end({ status: 'completed' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^store: live state not published .*ECONNREFUSED.*; the run goes on/);
    expect(warnings[0]).not.toContain('s3cret');
  });
});
