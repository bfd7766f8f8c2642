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
