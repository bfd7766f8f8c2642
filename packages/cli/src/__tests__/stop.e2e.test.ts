import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOrdersService } from '../demo/orders-service.js';
import { monkeyExperiment, runCli, tempDir, until, writeFile } from './cli-harness.js';

const experiment = monkeyExperiment('monkey enabled for a long while');

function setUp(service: { url: string; token: string }) {
  const dir = tempDir();
  const runs = tempDir('faultline-runs-');
  writeFile(dir, 'exp.yaml', experiment);
  return {
    dir,
    runs,
    env: { DEMO_ORDERS_URL: service.url, DEMO_MONKEY_TOKEN: service.token, FAULTLINE_RUNS_DIR: runs },
  };
}

describe('faultline status and stop (the big red button)', () => {
  it('lists a running experiment and stops it from another terminal: reverted, journal says so', async () => {
    const service = await startOrdersService();
    try {
      const { dir, runs, env } = setUp(service);
      const run = runCli(['run', 'exp.yaml'], { cwd: dir, env });
      await until(() => service.stats().monkeyEnabled);

      const status = await runCli(['status', '--output', 'json'], { cwd: dir, env });
      expect(status.code).toBe(0);
      const [listed] = JSON.parse(status.stdout);
      expect(listed).toMatchObject({
        phase: 'method',
        liveness: 'running',
        experiment: { title: 'monkey enabled for a long while', source: join(dir, 'exp.yaml') },
        journal_path: join(dir, 'journal.json'),
        faults: [{ title: expect.stringMatching(/^disable Chaos Monkey/), status: 'pending' }],
      });
      expect(status.stdout).not.toContain(service.token);
      const text = await runCli(['status'], { cwd: dir, env });
      expect(text.stdout).toMatch(/fault since .*: disable Chaos Monkey/);

      const stop = await runCli(['stop'], { cwd: dir, env });
      expect(stop.stderr).toBe('');
      expect(stop.code).toBe(0);
      expect(stop.stdout).toMatch(/stopped \(interrupted\)/);
      expect(stop.stdout).toMatch(/reverted: disable Chaos Monkey/);
      expect(service.stats().monkeyEnabled).toBe(false);
      const ended = await run;
      expect(ended.code).toBe(4);
      const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
      expect(journal.status).toBe('interrupted');
      expect(journal.faultline.interruption).toMatchObject({ by: 'stop-request' });
      expect(readdirSync(runs)).toEqual([]);
      expect((await runCli(['status'], { cwd: dir, env })).stdout).toMatch(/no experiment is running/);
    } finally {
      await service.close();
    }
  });

  it('finds a SIGKILLed run through its state file and reverts its faults itself', async () => {
    const service = await startOrdersService();
    try {
      const { dir, runs, env } = setUp(service);
      let pid = 0;
      const run = runCli(['run', 'exp.yaml'], { cwd: dir, env, onSpawn: (p) => (pid = p) });
      await until(() => service.stats().monkeyEnabled);
      process.kill(pid, 'SIGKILL');
      await run;
      expect(service.stats().monkeyEnabled).toBe(true);

      const status = await runCli(['status'], { cwd: dir, env });
      expect(status.stdout).toMatch(/STALE/);
      const missing = await runCli(['stop', 'no-such-run'], { cwd: dir, env });
      expect(missing.code).toBe(64);

      const stop = await runCli(['stop', '--output', 'json'], { cwd: dir, env });
      expect(stop.code).toBe(0);
      const [result] = JSON.parse(stop.stdout);
      expect(result).toMatchObject({ outcome: 'reverted', status: 'interrupted', failed: [] });
      expect(service.stats().monkeyEnabled).toBe(false);
      const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
      expect(journal.status).toBe('interrupted');
      expect(journal.faultline.reverts[0].status).toBe('reverted');
      expect(readdirSync(runs)).toEqual([]);
    } finally {
      await service.close();
    }
  });
});

describe('rollbacks owed by a run killed hard (strategy always)', () => {
  // The method writes "changed", the rollback "restored": the rollback is the only way back.
  const write = (text: string) => ({
    type: 'process',
    path: process.execPath,
    arguments: ['-e', `require('fs').writeFileSync('data.txt', '${text}')`],
  });
  const owing = JSON.stringify({
    title: 'owes its rollback',
    runtime: { rollbacks: { strategy: 'always' } },
    method: [{ type: 'action', name: 'change', provider: write('changed'), pauses: { after: 60 } }],
    rollbacks: [{ type: 'action', name: 'restore', provider: write('restored') }],
  });
  async function killedRun() {
    const dir = tempDir();
    const runs = tempDir('faultline-runs-');
    writeFile(dir, 'exp.json', owing);
    const env = { FAULTLINE_RUNS_DIR: runs };
    let pid = 0;
    const run = runCli(['run', 'exp.json'], { cwd: dir, env, onSpawn: (p) => (pid = p) });
    await until(() => {
      try {
        return readFileSync(join(dir, 'data.txt'), 'utf8') === 'changed';
      } catch {
        return false;
      }
    });
    process.kill(pid, 'SIGKILL');
    await run;
    const data = () => readFileSync(join(dir, 'data.txt'), 'utf8');
    return { dir, runs, env, data };
  }

  it('`faultline stop` plays them from the experiment file; status showed them owed', async () => {
    const { dir, runs, env, data } = await killedRun();
    const status = await runCli(['status'], { cwd: dir, env });
    expect(status.stdout).toMatch(/owes 1 rollback\(s\) \(strategy always\)/);
    const stop = await runCli(['stop'], { cwd: dir, env });
    expect(stop.code).toBe(0);
    expect(stop.stdout).toMatch(/rollback "restore": succeeded/);
    expect(data()).toBe('restored');
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    expect(journal).toMatchObject({
      status: 'interrupted',
      rollbacks: [{ activity: { name: 'restore' }, status: 'succeeded' }],
    });
    expect(readdirSync(runs)).toEqual([]);
  });

  it('`faultline revert <journal>` plays them too, but never what the journal names, nor a changed file', async () => {
    const { dir, env, data } = await killedRun();
    // A forged journal names another rollback; the experiment file was edited after the run.
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    journal.experiment.rollbacks = [{ type: 'action', name: 'forged', provider: write('forged') }];
    writeFile(dir, 'journal.json', JSON.stringify(journal));
    writeFile(dir, 'exp.json', owing.replace("'restored'", "'edited'"));
    const refused = await runCli(['revert', 'journal.json'], { cwd: dir, env });
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/ROLLBACKS NOT PLAYED .* changed since the run loaded them/);
    expect(data()).toBe('changed');
    // Put back as the run loaded it: played, once.
    writeFile(dir, 'exp.json', owing);
    const played = await runCli(['revert', 'journal.json'], { cwd: dir, env });
    expect(played.code).toBe(0);
    expect(played.stdout).toMatch(/rollback "restore": succeeded/);
    expect(data()).toBe('restored');
    const again = await runCli(['revert', 'journal.json'], { cwd: dir, env });
    expect(again.stdout).toMatch(/nothing to revert/);
  });
});
