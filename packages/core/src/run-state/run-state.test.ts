import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { until } from '../testing/until.js';
import type { Experiment } from '../model/experiment.js';
import { runExperiment } from '../run/experiment-run.js';
import { createWorld } from '../run/__fixtures__/test-driver.js';
import { listRuns } from './list-runs.js';
import { RunStateFile } from './run-state-file.js';
import { maxSamples, type RunState } from './run-state.js';
import { stopRun } from './stop-run.js';

const inject = (fault: string, duration = 0) => ({
  type: 'action' as const,
  name: `inject-${fault}`,
  provider: {
    type: 'python' as const,
    module: 'chaosfixture.actions',
    func: 'inject_fault',
    arguments: { fault, duration },
  },
});
const experiment = (method: Experiment['method']): Experiment => ({ title: 'state file experiment', method });
const runIn = (dir: string, world: ReturnType<typeof createWorld>, method: Experiment['method'], extra = {}) =>
  runExperiment({
    experiment: experiment(method),
    baseDir: dir,
    resolver: world.resolver,
    env: {},
    runsDir: dir,
    ...extra,
  });

describe('run state files', () => {
  it('lists a run with its phase and faults while it runs, and forgets it at the end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-runs-'));
    const world = createWorld();
    const journalPath = join(dir, 'journal.json');
    const running = runIn(dir, world, [inject('latency', 0.6)], { source: 'exp.yaml', journalPath });
    await until(() => listRuns({ dir })[0]?.faults.length === 1);
    const [run] = listRuns({ dir });
    expect(run).toMatchObject({
      pid: process.pid,
      host: hostname(),
      phase: 'method',
      liveness: 'running',
      journal_path: journalPath,
      experiment: { title: 'state file experiment', source: 'exp.yaml' },
      faults: [{ title: 'remove latency', status: 'pending' }],
    });
    const journal = await running;
    expect(journal.status).toBe('completed');
    expect(listRuns({ dir })).toEqual([]);
  });

  it('shows every state it writes to onStateChange, even when the runs folder cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-runs-'));
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    const world = createWorld();
    const seen: Array<{ phase: string; faults: string[] }> = [];
    const journal = await runIn(blocked, world, [inject('latency')], {
      onStateChange: (state: RunState) => seen.push({ phase: state.phase, faults: state.faults.map((f) => f.title) }),
    });
    expect(journal.status).toBe('completed');
    expect(seen.some((s) => s.phase === 'method' && s.faults.includes('remove latency'))).toBe(true);
    expect(seen.map((s) => s.phase)).toContain('reverting');
  });

  it('keeps the latest hypothesis samples in the state file while the method runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-runs-'));
    const world = createWorld();
    const running = runExperiment({
      experiment: {
        title: 'sampled',
        'steady-state-hypothesis': {
          title: 'value is 200',
          probes: [
            {
              type: 'probe',
              name: 'read-value',
              tolerance: 200,
              provider: { type: 'python', module: 'chaosfixture.probes', func: 'read_value' },
            },
          ],
        },
        method: [inject('latency', 1.5)],
      },
      baseDir: dir,
      resolver: world.resolver,
      env: {},
      runsDir: dir,
      hypothesisStrategy: 'continuously',
      hypothesisFrequency: 0.05,
    });
    await until(() => (listRuns({ dir })[0]?.samples?.filter((s) => s.phase === 'during').length ?? 0) >= 3);
    const [run] = listRuns({ dir });
    expect(run?.samples?.[0]).toMatchObject({ probe: 'read-value', phase: 'before', ok: true, value: 200 });
    expect(run?.samples?.at(-1)).toMatchObject({ probe: 'read-value', phase: 'during', ok: true, value: 200 });
    expect(typeof run?.samples?.[0]?.ms).toBe('number');
    const journal = await running;
    expect(journal.status).toBe('completed');
    expect(listRuns({ dir })).toEqual([]);
  });

  it('bounds the samples ring and writes a burst of samples once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-runs-'));
    const file = new RunStateFile(dir, { run_id: 'r-ring', experiment: { title: 'ring' } });
    file.update({});
    for (let i = 0; i < maxSamples + 30; i++)
      file.sample({ probe: 'p', phase: 'during', at: new Date().toISOString(), ok: true, value: i, ms: 1 });
    // Nothing written yet: the burst is coalesced into one write a moment later.
    expect(listRuns({ dir })[0]?.samples).toBeUndefined();
    await until(() => listRuns({ dir })[0]?.samples !== undefined);
    const samples = listRuns({ dir })[0]!.samples!;
    expect(samples).toHaveLength(maxSamples);
    expect(samples[0]?.value).toBe(30);
    file.remove();
    await new Promise((r) => setTimeout(r, 150));
    expect(listRuns({ dir })).toEqual([]);
  });

  it('stops a run on request: interrupted, reverted, and the journal says a stop request did it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-runs-'));
    const world = createWorld();
    const running = runIn(dir, world, [inject('partition', 30)], { journalPath: join(dir, 'journal.json') });
    await until(() => world.faults.has('partition'));
    const started = Date.now();
    const [result] = await stopRun('all', { dir, timeoutMs: 10_000, by: 'the test' });
    expect(Date.now() - started).toBeLessThan(10_000);
    const journal = await running;
    expect(world.faults.size).toBe(0);
    expect(result).toMatchObject({ outcome: 'stopped', status: 'interrupted', failed: [] });
    expect(result?.reverted.map((r) => r.title)).toEqual(['remove partition']);
    expect(journal.status).toBe('interrupted');
    expect(journal.faultline.interruption).toMatchObject({
      by: 'stop-request',
      reason: 'stop requested by the test',
      cut_short: ['inject-partition'],
    });
    expect(readdirSync(dir).filter((f) => f !== 'journal.json')).toEqual([]);
  });

  it('reports the faults a stopped run reverted in the order it reverted them (newest first)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-runs-'));
    const world = createWorld();
    const running = runIn(dir, world, [inject('first'), inject('second', 30)], {
      journalPath: join(dir, 'journal.json'),
    });
    await until(() => world.faults.has('second'));
    const [result] = await stopRun('all', { dir, timeoutMs: 10_000 });
    await running;
    expect(result?.reverted.map((r) => r.title)).toEqual(['remove second', 'remove first']);
  });

  it('retries a failing revert with backoff, then keeps the run listed with what is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-runs-'));
    const world = createWorld();
    world.failRemovals(2);
    const journal = await runIn(dir, world, [inject('a')]);
    expect(journal.faultline.reverts[0]).toMatchObject({ status: 'reverted', attempts: 3 });
    expect(listRuns({ dir })).toEqual([]);

    world.failRemovals(100);
    const stuck = await runIn(dir, world, [inject('b')]);
    expect(stuck.faultline.reverts[0]).toMatchObject({ status: 'failed', attempts: 3, error: /HTTP 500/ });
    expect(world.faults.has('b')).toBe(true);
    // Still listed (the process is this one, so it shows as running) with the fault left behind.
    expect(listRuns({ dir })[0]?.faults).toMatchObject([{ title: 'remove b', status: 'failed' }]);
  });

  it('reverts the faults of a run whose process was killed, from its journal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-runs-'));
    const world = createWorld();
    world.faults.add('latency');
    // A pid that existed and is gone now.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(dead.stdout.toString());
    const journalPath = join(dir, 'journal.json');
    const revert = {
      id: 'revert-1',
      title: 'remove latency',
      driver: '@test/world',
      func: 'remove_fault',
      arguments: { fault: 'latency' },
      activity: 'inject',
      registered: new Date().toISOString(),
      status: 'pending',
    };
    writeFileSync(
      journalPath,
      JSON.stringify({
        experiment: { title: 'killed' },
        start: new Date().toISOString(),
        status: 'running',
        faultline: { run_id: 'r-killed', reverts: [revert] },
      }),
    );
    writeFileSync(
      join(dir, 'r-killed.json'),
      JSON.stringify({
        run_id: 'r-killed',
        pid,
        host: hostname(),
        experiment: { title: 'killed' },
        phase: 'method',
        started: new Date().toISOString(),
        updated: new Date().toISOString(),
        journal_path: journalPath,
        faults: [revert],
      }),
    );
    expect(listRuns({ dir })[0]?.liveness).toBe('stale');
    const [unreverted] = await stopRun('r-k', { dir });
    expect(unreverted?.outcome).toBe('stale');
    expect(world.faults.has('latency')).toBe(true);

    const [result] = await stopRun('r-k', {
      dir,
      revert: { resolver: world.resolver, env: {}, settings: {}, cwd: dir },
    });
    expect(result).toMatchObject({ outcome: 'reverted', status: 'interrupted', failed: [] });
    expect(world.faults.has('latency')).toBe(false);
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    expect(journal.status).toBe('interrupted');
    expect(journal.faultline.interruption.by).toBe('stop-request');
    expect(journal.faultline.reverts[0].status).toBe('reverted');
    expect(existsSync(join(dir, 'r-killed.json'))).toBe(false);
  });
});
