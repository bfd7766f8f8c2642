import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.js';
import { liveRunsOfThisMachine } from '../commands/serve-live-runs.js';
import { runCli, startService, tempDir, writeFile } from './cli-harness.js';

// The dashboard's live-runs source is the machine's real runs: a run started by the CLI appears
// with its injected fault, and the dashboard's Stop interrupts it and reverts the fault.
describe('dashboard live runs through the state files and the stop mechanism', () => {
  it('lists a running experiment, stops it, and its rollback restores the dependency', async () => {
    const service = await startService();
    const dir = tempDir('faultline-live-');
    const runsDir = join(dir, 'runs');
    writeFile(
      dir,
      'exp.yaml',
      `version: 1.0.0
title: live run to stop
description: a broken dependency, then a long pause
steady-state-hypothesis:
  title: the service answers
  probes:
    - type: probe
      name: service-status
      tolerance: 200
      provider: { type: http, url: "${service.url}/health" }
method:
  - type: action
    name: break-it
    provider: { type: http, url: "${service.url}/set/500" }
  - type: action
    name: wait
    provider: { type: process, path: "true" }
    pauses: { after: 120 }
rollbacks:
  - type: action
    name: restore
    provider: { type: http, url: "${service.url}/set/200" }
`,
    );
    const io = { env: { ...process.env, FAULTLINE_RUNS_DIR: runsDir }, cwd: dir } as unknown as CliIo;
    const live = liveRunsOfThisMachine({} as never, io);
    const args = ['run', 'exp.yaml', '--rollback-strategy', 'always', '--no-log-file'];
    const continuously = ['--hypothesis-strategy', 'continuously', '--hypothesis-frequency', '0.2'];
    const run = runCli([...args, ...continuously], {
      cwd: dir,
      env: { FAULTLINE_RUNS_DIR: runsDir },
      timeoutMs: 60_000,
    });
    try {
      let listed: Awaited<ReturnType<typeof live.list>> = [];
      for (let i = 0; i < 300 && !listed.some((r) => r.title === 'live run to stop'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        listed = await live.list();
      }
      expect(listed).toMatchObject([{ title: 'live run to stop', liveness: 'running' }]);
      // The continuous hypothesis publishes its samples: the broken dependency shows as deviating.
      for (let i = 0; i < 300 && !listed[0]?.samples.some((s) => !s.ok); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        listed = await live.list();
      }
      expect(listed[0]?.samples[0]).toMatchObject({ probe: 'service-status', phase: 'before', ok: true });
      expect(listed[0]?.samples.at(-1)).toMatchObject({ probe: 'service-status', phase: 'during', ok: false });
      const [result] = await live.stop('all', 'dashboard test');
      expect(result).toMatchObject({ title: 'live run to stop', outcome: 'stopped' });
      const ended = await run;
      expect(ended.code).toBe(4);
      const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
      expect(journal.status).toBe('interrupted');
      expect(await live.list()).toEqual([]);
      expect(journal.rollbacks).toMatchObject([{ status: 'succeeded' }]); // the dependency is restored
    } finally {
      await service.close();
    }
  }, 90_000);
});
