import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOrdersService } from '../demo/orders-service.js';
import { monkeyExperiment, runCli, startService, tempDir, until, writeFile } from './cli-harness.js';

describe('safeguards and environment guards from the command line', () => {
  it('a safeguard from the settings aborts a run as soon as the system is in danger, and reverts', async () => {
    const orders = await startOrdersService();
    const health = await startService();
    try {
      const dir = tempDir();
      writeFile(dir, 'exp.yaml', monkeyExperiment('guarded by a safeguard'));
      writeFile(
        dir,
        'settings.yaml',
        `safeguards:
  - name: health-is-ok
    type: probe
    frequency: 0.1
    provider: { type: http, url: "${health.url}/health", timeout: 2 }
    tolerance: 200
`,
      );
      const env = { DEMO_ORDERS_URL: orders.url, DEMO_MONKEY_TOKEN: orders.token };
      const run = runCli(['--settings', 'settings.yaml', 'run', 'exp.yaml'], { cwd: dir, env });
      await until(() => orders.stats().monkeyEnabled);
      health.state.status = 503;
      const ended = await run;
      expect(ended.code).toBe(3);
      expect(orders.stats().monkeyEnabled).toBe(false);
      expect(ended.stderr).toMatch(/safeguard "health-is-ok" tripped at \S+ with value .*503/);
      // The terminal says what the journal says: aborted by that safeguard, with its value — not "Interrupted".
      expect(ended.stdout).not.toMatch(/Interrupted/);
      expect(ended.stdout).toMatch(/Aborted: safeguard "health-is-ok" tripped at \S+ with value .*503.* reverting/);
      expect(ended.stdout).toMatch(/Result: aborted/);
      expect(ended.stdout).toMatch(/aborted by a safeguard: safeguard "health-is-ok" tripped .*503/);
      const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
      expect(journal.status).toBe('aborted');
      expect(journal.faultline.safeguards.tripped).toMatchObject({ name: 'health-is-ok', value: { status: 503 } });
      expect(journal.faultline.reverts[0].status).toBe('reverted');
    } finally {
      await Promise.all([orders.close(), health.close()]);
    }
  });

  it('a production context is refused without --allow-production, before anything runs', async () => {
    const dir = tempDir();
    writeFile(
      dir,
      'exp.yaml',
      `title: kill a pod
method:
  - type: action
    name: kill
    provider: { type: python, module: chaosk8s.pod.actions, func: terminate_pods, arguments: { ns: shop } }
`,
    );
    writeFile(dir, 'settings.yaml', 'guards:\n  kubernetes:\n    production_contexts: [prod-*]\n');
    const refused = await runCli(['--settings', 'settings.yaml', 'run', 'exp.yaml'], {
      cwd: dir,
      env: { KUBERNETES_CONTEXT: 'prod-eu' },
    });
    expect(refused.code).toBe(64);
    expect(refused.stderr).toMatch(/context "prod-eu" is marked production/);
    expect(refused.stderr).toMatch(/--allow-production/);
  });
});
