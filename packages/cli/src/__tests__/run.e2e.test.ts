import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startService, tempDir, writeFile } from './cli-harness.js';

let service: Awaited<ReturnType<typeof startService>>;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

const experiment = (url: string, method: string) => `
version: 1.0.0
title: "Orders stay healthy"
configuration:
  base: "${url}"
steady-state-hypothesis:
  title: "Application is healthy"
  probes:
    - name: "api-responds-normally"
      type: "probe"
      tolerance: 200
      provider:
        type: "http"
        url: "\${base}/health"
method:
${method}
rollbacks:
  - type: action
    name: restore
    provider: { type: http, url: "\${base}/set/200" }
`;

describe('faultline run (built CLI, real HTTP service)', () => {
  it('completes with exit 0 and writes a Chaos Toolkit-shaped journal', async () => {
    const dir = tempDir();
    writeFile(
      dir,
      'exp.yaml',
      experiment(
        service.url,
        `  - type: action\n    name: noop\n    provider: { type: process, path: echo, arguments: [hello] }`,
      ),
    );
    const result = await runCli(['run', 'exp.yaml', '--journal-path=results.json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/steady state met/);
    expect(result.stdout).toMatch(/Result: completed/);
    const journal = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(journal.status).toBe('completed');
    expect(journal.run[0].output).toEqual({ status: 0, stdout: 'hello\n', stderr: '' });
    expect(journal.steady_states.before.probes[0].output.body).toEqual({ ok: true });
    expect(existsSync(join(dir, 'faultline.log'))).toBe(true);
  });

  it('exits 1 when the steady state deviates after the method', async () => {
    const dir = tempDir();
    writeFile(
      dir,
      'exp.yaml',
      experiment(
        service.url,
        `  - type: action\n    name: break\n    provider: { type: http, url: "\${base}/set/503" }`,
      ),
    );
    const result = await runCli(['run', 'exp.yaml', '--rollback-strategy', 'always'], { cwd: dir });
    expect(result.code).toBe(1);
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    expect(journal.deviated).toBe(true);
    expect(journal.steady_states.after.probes[0].tolerance_reason).toMatch(/503/);
    expect(service.state.status).toBe(200); // rolled back
  });

  it('exits 64 listing every problem of an invalid experiment, and runs nothing', async () => {
    const dir = tempDir();
    writeFile(
      dir,
      'bad.yaml',
      'title: x\nmethod:\n  - type: action\n    name: a\n    provider: { type: python, module: chaosk8s.pod.actionz, func: terminate_pods }\n  - type: action\n    provider: { type: http }\n',
    );
    const before = service.state.hits;
    const result = await runCli(['validate', 'bad.yaml'], { cwd: dir });
    expect(result.code).toBe(64);
    expect(result.stdout).toMatch(/bad\.yaml:5:\d+: error method\[0\]\.provider\.func/);
    expect(result.stdout).toMatch(/bad\.yaml:\d+:\d+: error method\[1\]\.name: is required/);
    expect(result.stdout).toMatch(/bad\.yaml:7:\d+: error method\[1\]\.provider\.url: is required/);
    const run = await runCli(['run', 'bad.yaml'], { cwd: dir });
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/not a valid experiment \(3 errors\)/);
    expect(service.state.hits).toBe(before);
  });

  it('is interrupted by SIGTERM: journal says interrupted and rollbacks ran under always', async () => {
    const dir = tempDir();
    writeFile(
      dir,
      'exp.yaml',
      experiment(
        service.url,
        `  - type: action\n    name: break\n    provider: { type: http, url: "\${base}/set/500" }\n    pauses: { after: 30 }`,
      ),
    );
    let pid = 0;
    const started = Date.now();
    const pending = runCli(['run', 'exp.yaml', '--rollback-strategy=always'], { cwd: dir, onSpawn: (p) => (pid = p) });
    await new Promise((resolve) => {
      const poll = setInterval(() => {
        if (service.state.status === 500) {
          clearInterval(poll);
          resolve(undefined);
        }
      }, 20);
    });
    process.kill(pid, 'SIGTERM');
    const result = await pending;
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.code).toBe(4);
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    expect(journal.status).toBe('interrupted');
    expect(journal.rollbacks).toHaveLength(1);
    expect(service.state.status).toBe(200);
  });

  it('the chaos alias (npm bin) takes the same commands and flags', async () => {
    const dir = tempDir();
    const chaos = fileURLToPath(new URL('../../../../node_modules/.bin/chaos', import.meta.url));
    const result = spawnSync(chaos, ['--help'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: chaos /);
    for (const command of ['run', 'validate', 'discover', 'init', 'settings', 'info', 'schema', 'revert'])
      expect(result.stdout).toContain(command);
    const run = spawnSync(chaos, ['run', '--help'], { cwd: dir, encoding: 'utf8' });
    for (const flag of [
      '--journal-path',
      '--dry',
      '--rollback-strategy',
      '--var',
      '--var-file',
      '--control-file',
      '--hypothesis-strategy',
      '--hypothesis-frequency',
      '--fail-fast',
      '--no-validation',
      '--no-verify-tls',
    ]) {
      expect(run.stdout).toContain(flag);
    }
  });
});

describe('steady state broken before the method', () => {
  it('skips the method and exits 5 (not tried)', async () => {
    const local = await startService();
    try {
      local.state.status = 503;
      const dir = tempDir();
      writeFile(
        dir,
        'exp.yaml',
        experiment(
          local.url,
          `  - type: action\n    name: break\n    provider: { type: http, url: "\${base}/set/500" }`,
        ),
      );
      const result = await runCli(['run', 'exp.yaml'], { cwd: dir });
      expect(result.code).toBe(5);
      const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
      expect(journal.status).toBe('completed');
      expect(journal.run).toHaveLength(0);
      expect(local.state.status).toBe(200); // the rollback ran (default strategy, completed run)
    } finally {
      await local.close();
    }
  });
});
