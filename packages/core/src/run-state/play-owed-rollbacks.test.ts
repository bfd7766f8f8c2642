import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActivityResolver } from '../resolve/activity-resolver.js';
import { runExperiment } from '../run/experiment-run.js';
import { listRuns } from './list-runs.js';
import { rollbacksDigest } from './rollbacks-digest.js';
import { stopRun } from './stop-run.js';

// The rollback appends a line to a file: played once means one line.
const module = `import { appendFileSync } from 'node:fs';
export function restore(args) { appendFileSync(args.file, 'restored\\n'); return 'restored'; }`;
const experimentFor = (marker: string) => ({
  title: 'owes its rollbacks',
  runtime: { rollbacks: { strategy: 'always' as const } },
  method: [{ type: 'action' as const, name: 'hold', provider: { type: 'process' as const, path: 'true' } }],
  rollbacks: [
    {
      type: 'action' as const,
      name: 'restore',
      provider: {
        type: 'javascript' as const,
        module: './rollback.mjs',
        func: 'restore',
        arguments: { file: marker },
      },
    },
  ],
});

/** What a run killed hard during its method leaves: a state file pinning the rollbacks, a journal. */
function killedRun(options: { pinned?: object; journalRollbacks?: unknown[] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-owed-'));
  const marker = join(dir, 'restored.txt');
  const experiment = experimentFor(marker);
  const source = join(dir, 'experiment.json');
  writeFileSync(source, JSON.stringify(experiment));
  writeFileSync(join(dir, 'rollback.mjs'), module);
  const runs = join(dir, 'runs');
  spawnSync('mkdir', ['-m', '700', runs]);
  const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
  const journalPath = join(dir, 'journal.json');
  const journal = {
    experiment: { ...experiment, rollbacks: options.journalRollbacks ?? experiment.rollbacks },
    start: new Date().toISOString(),
    status: 'running',
    run: [],
    rollbacks: [],
    faultline: { run_id: 'run-1', reverts: [] },
  };
  writeFileSync(journalPath, JSON.stringify(journal));
  const state = {
    run_id: 'run-1',
    pid: dead,
    host: hostname(),
    experiment: { title: experiment.title, source },
    phase: 'method',
    started: journal.start,
    updated: journal.start,
    journal_path: journalPath,
    faults: [],
    rollbacks: options.pinned ?? { source, sha256: rollbacksDigest(experiment), count: 1 },
  };
  writeFileSync(join(runs, 'run-1.json'), JSON.stringify(state), { mode: 0o600 });
  const stop = () =>
    stopRun('all', {
      dir: runs,
      revert: { resolver: new ActivityResolver([]), env: {}, settings: {}, cwd: dir },
    });
  const played = () => (existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').filter(Boolean).length : 0);
  const readJournal = () => JSON.parse(readFileSync(journalPath, 'utf8'));
  return { dir, runs, source, experiment, stop, played, readJournal };
}

describe('rollbacks owed by a run killed hard', () => {
  it('a run with strategy always pins its rollbacks (file and hash) from the method on, and clears the pin once played', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-owed-'));
    const marker = join(dir, 'restored.txt');
    const experiment = experimentFor(marker);
    experiment.method[0]!.provider = { type: 'process', path: 'sleep', arguments: '0.5' } as never;
    writeFileSync(join(dir, 'rollback.mjs'), module);
    const source = join(dir, 'experiment.json');
    const running = runExperiment({
      experiment,
      baseDir: dir,
      resolver: new ActivityResolver([]),
      env: process.env,
      runsDir: join(dir, 'runs'),
      source,
    });
    const deadline = Date.now() + 10_000;
    while (!listRuns({ dir: join(dir, 'runs') })[0]?.rollbacks && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(listRuns({ dir: join(dir, 'runs') })[0]?.rollbacks).toEqual({
      source,
      sha256: rollbacksDigest(experiment),
      count: 1,
    });
    const journal = await running;
    expect(journal.rollbacks.map((r) => r.status)).toEqual(['succeeded']);
    expect(listRuns({ dir: join(dir, 'runs') })).toEqual([]);
  });

  it('`stop` plays them from the experiment file when they hash the same, once, and records them in the journal', async () => {
    const run = killedRun();
    const [result] = await run.stop();
    expect(result).toMatchObject({
      outcome: 'reverted',
      status: 'interrupted',
      rollbacks: { played: [{ status: 'succeeded' }] },
    });
    expect(run.played()).toBe(1);
    expect(run.readJournal().rollbacks).toMatchObject([
      { activity: { name: 'restore' }, status: 'succeeded', output: 'restored' },
    ]);
    expect(listRuns({ dir: run.runs })).toEqual([]);
    await run.stop();
    expect(run.played()).toBe(1);
  });

  it('refuses when the experiment file changed since the run loaded it, and keeps the run listed with why', async () => {
    const run = killedRun();
    const changed = structuredClone(run.experiment);
    changed.rollbacks[0]!.provider.arguments.file = join(run.dir, 'elsewhere.txt');
    writeFileSync(run.source, JSON.stringify(changed));
    const [result] = await run.stop();
    expect(result!.rollbacks?.refused).toMatch(/changed since the run loaded them/);
    expect(run.played()).toBe(0);
    expect(existsSync(join(run.dir, 'elsewhere.txt'))).toBe(false);
    expect(listRuns({ dir: run.runs })[0]?.rollbacks?.error).toMatch(/changed/);
  });

  it('never plays what a journal names: rollbacks come only from the pinned file', async () => {
    const run = killedRun({
      journalRollbacks: [
        { type: 'action', name: 'forged', provider: { type: 'process', path: 'touch', arguments: 'forged' } },
      ],
    });
    await run.stop();
    expect(run.played()).toBe(1);
    expect(existsSync(join(run.dir, 'forged'))).toBe(false);
    expect(run.readJournal().rollbacks.map((r: { activity: { name: string } }) => r.activity.name)).toEqual([
      'restore',
    ]);
  });

  it('refuses a state file other users can write (it could have been forged)', async () => {
    const run = killedRun();
    chmodSync(join(run.runs, 'run-1.json'), 0o666);
    const [result] = await run.stop();
    expect(result!.rollbacks?.refused).toMatch(/writable by other users/);
    expect(run.played()).toBe(0);
  });

  it('refuses a pin that names no absolute experiment file', async () => {
    const run = killedRun({ pinned: { source: 'experiment.json', sha256: 'x', count: 1 } });
    const [result] = await run.stop();
    expect(result!.rollbacks?.refused).toMatch(/names no experiment file/);
    expect(run.played()).toBe(0);
  });
});
