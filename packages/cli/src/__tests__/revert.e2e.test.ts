import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOrdersService } from '../demo/orders-service.js';
import { monkeyExperiment, runCli, tempDir, writeFile } from './cli-harness.js';

const experiment = monkeyExperiment('monkey left enabled by a hard kill');

describe('faultline revert <journal> after a hard kill', () => {
  it('finds the pending revert in the journal and undoes the fault', async () => {
    const service = await startOrdersService();
    try {
      const dir = tempDir();
      writeFile(dir, 'exp.yaml', experiment);
      const runs = tempDir('faultline-runs-');
      const env = { DEMO_ORDERS_URL: service.url, DEMO_MONKEY_TOKEN: service.token, FAULTLINE_RUNS_DIR: runs };
      let pid = 0;
      const run = runCli(['run', 'exp.yaml'], { cwd: dir, env, onSpawn: (p) => (pid = p) });
      for (let i = 0; i < 200 && !service.stats().monkeyEnabled; i++) await new Promise((r) => setTimeout(r, 25));
      expect(service.stats().monkeyEnabled).toBe(true);
      process.kill(pid, 'SIGKILL');
      const killed = await run;
      expect(killed.signal).toBe('SIGKILL');
      expect(service.stats().monkeyEnabled).toBe(true); // nothing could clean up

      const journalPath = join(dir, 'journal.json');
      expect(existsSync(journalPath)).toBe(true);
      const before = JSON.parse(readFileSync(journalPath, 'utf8'));
      expect(before.faultline.reverts).toMatchObject([{ func: 'disable_chaosmonkey', status: 'pending' }]);
      expect(JSON.stringify(before)).not.toContain(service.token);

      const dry = await runCli(['revert', 'journal.json', '--dry'], { cwd: dir, env });
      expect(dry.stdout).toMatch(/would revert: disable Chaos Monkey/);
      expect(service.stats().monkeyEnabled).toBe(true);

      const revert = await runCli(['revert', 'journal.json'], { cwd: dir, env });
      expect(revert.stderr).toBe('');
      expect(revert.code).toBe(0);
      expect(service.stats().monkeyEnabled).toBe(false);
      const after = JSON.parse(readFileSync(journalPath, 'utf8'));
      expect(after.faultline.reverts[0].status).toBe('reverted');
      // Nothing is owed any more: the run is no longer listed as stale with the faults just reverted.
      expect(readdirSync(runs)).toEqual([]);
      expect((await runCli(['status'], { cwd: dir, env })).stdout).toMatch(/no experiment is running/);
      const again = await runCli(['revert', 'journal.json'], { cwd: dir, env });
      expect(again.stdout).toMatch(/nothing to revert/);
    } finally {
      await service.close();
    }
  });
});
