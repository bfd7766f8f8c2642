import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActivityResolver } from '../resolve/activity-resolver.js';
import { leftoverProcesses, runnerMark, runnerVariable } from './leftover-processes.js';
import { stopRun } from './stop-run.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('processes a run killed hard left running', () => {
  it('`stop` ends them (even frozen ones) before reverting, and only those carrying the dead runner’s mark', async () => {
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
    const mark = runnerMark(dead, undefined);
    const sleeper = (env: Record<string, string>) =>
      spawn('sleep', ['60'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    const left = sleeper({ [runnerVariable]: mark });
    const frozen = sleeper({ [runnerVariable]: mark });
    const other = sleeper({ [runnerVariable]: `${dead}:another-start` });
    try {
      frozen.kill('SIGSTOP');
      const exited = (child: typeof left) => new Promise((resolve) => child.once('exit', resolve));
      const ended = Promise.all([exited(left), exited(frozen)]);
      expect(leftoverProcesses(mark).sort()).toEqual([left.pid, frozen.pid].sort());
      const runs = mkdtempSync(join(tmpdir(), 'faultline-leftover-'));
      const started = new Date().toISOString();
      writeFileSync(
        join(runs, 'run-1.json'),
        JSON.stringify({
          run_id: 'run-1',
          pid: dead,
          host: hostname(),
          experiment: { title: 'killed' },
          phase: 'method',
          started,
          updated: started,
          faults: [],
        }),
      );
      const [result] = await stopRun('all', {
        dir: runs,
        revert: { resolver: new ActivityResolver([]), env: {}, settings: {}, cwd: runs },
      });
      await ended;
      expect(result!.ended_processes?.sort()).toEqual([left.pid, frozen.pid].sort());
      expect(alive(other.pid!)).toBe(true);
    } finally {
      for (const child of [left, frozen, other]) child.kill('SIGKILL');
    }
  });
});
