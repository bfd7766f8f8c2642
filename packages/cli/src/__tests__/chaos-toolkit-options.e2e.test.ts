import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeFile } from './cli-harness.js';

/** A one-probe experiment that runs anywhere (the probe runs node itself). */
const experiment = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    title: 'node starts',
    'steady-state-hypothesis': {
      title: 'node starts',
      probes: [
        {
          type: 'probe',
          name: 'node',
          tolerance: 0,
          provider: { type: 'process', path: process.execPath, arguments: ['-e', '0'] },
        },
      ],
    },
    method: [],
    ...extra,
  });

const env = (dir: string) => ({ HOME: dir });

describe("Chaos Toolkit 1.19's command line", () => {
  it('`run --fail-fast experiment.json` runs experiment.json (--fail-fast takes no value)', async () => {
    const dir = tempDir();
    writeFile(dir, 'experiment.json', experiment());
    const result = await runCli(['--no-log-file', 'run', '--fail-fast', 'experiment.json'], {
      cwd: dir,
      env: env(dir),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8')).status).toBe('completed');
    const ratio = await runCli(['--no-log-file', 'run', '--fail-fast-ratio', '2', 'experiment.json'], {
      cwd: dir,
      env: env(dir),
    });
    expect(ratio.code).toBe(64);
    expect(ratio.stderr).toMatch(/--fail-fast-ratio must be a number between 0 and 1/);
  });

  it('accepts every global and run option with the same meaning', async () => {
    const dir = tempDir();
    const sub = join(dir, 'chaos');
    mkdirSync(sub);
    writeFile(sub, 'experiment.json', experiment({ unknown_key: true }));
    writeFile(sub, 'vars.json', JSON.stringify({ configuration: { b: 2 } }));
    writeFile(sub, 'controls.json', '[]');
    writeFile(dir, 'settings.yaml', 'runtime: {}\n');
    const result = await runCli(
      [
        '--verbose',
        '--no-version-check',
        '--change-dir',
        'chaos',
        '--settings',
        join(dir, 'settings.yaml'),
        '--log-file',
        'run.log',
        '--log-file-level',
        'warning',
        '--log-format',
        'json',
        'run',
        '--journal-path',
        'out/journal.json',
        '--dry',
        'activities',
        '--no-validation',
        '--no-verify-tls',
        '--rollback-strategy',
        'always',
        '--var',
        'a:int=1',
        '--var-file',
        'vars.json',
        '--control-file',
        'controls.json',
        '--hypothesis-strategy',
        'continously',
        '--hypothesis-frequency',
        '0.5',
        '--fail-fast',
        'experiment.json',
      ],
      { cwd: dir, env: env(dir) },
    );
    expect(result.code).toBe(0);
    // --change-dir: every relative path resolves from chaos/
    const journal = JSON.parse(readFileSync(join(sub, 'out', 'journal.json'), 'utf8'));
    expect(journal.faultline.settings).toMatchObject({ rollback_strategy: 'always', dry: 'activities' });
    // --log-file-level warning: no debug or info lines in the file
    const log = readFileSync(join(sub, 'run.log'), 'utf8');
    expect(log).not.toMatch(/ (DEBUG|INFO)\] /);
    // --log-format json: log lines on stderr are JSON objects
    const logLines = result.stderr.split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(JSON.parse(line)).toHaveProperty('level');
  });

  it('validate, discover, init, info and settings take their Chaos Toolkit options', async () => {
    const dir = tempDir();
    writeFile(dir, 'experiment.json', experiment());
    const validate = await runCli(['--no-log-file', 'validate', '--no-verify-tls', 'experiment.json'], {
      cwd: dir,
      env: env(dir),
    });
    expect(validate.code).toBe(0);

    const discover = await runCli(
      ['discover', '--no-system-info', '--no-install', '--discovery-path', 'discovery.json', 'chaostoolkit-kubernetes'],
      { cwd: dir, env: env(dir) },
    );
    expect(discover.code).toBe(0);
    expect(discover.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^note: --no-system-info is accepted for Chaos Toolkit compatibility and ignored/),
      expect.stringMatching(/^note: --no-install is accepted for Chaos Toolkit compatibility and ignored/),
    ]);
    const discovery = JSON.parse(readFileSync(join(dir, 'discovery.json'), 'utf8'));
    expect(discovery.drivers.map((d: { name: string }) => d.name)).toEqual(['@faultline/kubernetes']);

    const init = await runCli(['init', '--discovery-path', 'discovery.json', '--experiment-path', 'new.json'], {
      cwd: dir,
      env: env(dir),
    });
    expect(init.code).toBe(0);
    expect(init.stderr).toMatch(/^note: --discovery-path is accepted/);
    expect(JSON.parse(readFileSync(join(dir, 'new.json'), 'utf8')).title).toBeTruthy();

    for (const target of ['core', 'extensions']) {
      const info = await runCli(['info', target], { cwd: dir, env: env(dir) });
      expect(info.code).toBe(0);
    }
    const settingsPath = writeFile(
      dir,
      'settings.yaml',
      '# team settings\nruntime:\n  rollbacks:\n    strategy: always\n',
    );
    const info = await runCli(['--settings', settingsPath, 'info', 'settings'], { cwd: dir, env: env(dir) });
    expect(info.stdout).toBe(readFileSync(settingsPath, 'utf8'));
    const bad = await runCli(['info', 'everything'], { cwd: dir, env: env(dir) });
    expect(bad.code).toBe(64);

    const settings = (...args: string[]) =>
      runCli(['--settings', settingsPath, 'settings', ...args], { cwd: dir, env: env(dir) });
    expect((await settings('set', 'runtime.hypothesis.strategy', '"continuously"')).code).toBe(0);
    expect((await settings('set', 'auth.git\\.example\\.com:8443', '{"type": "bearer", "value": "t0ken"}')).code).toBe(
      0,
    );
    expect((await settings('get', '--format', 'string', 'runtime.hypothesis.strategy')).stdout).toBe('continuously\n');
    expect(JSON.parse((await settings('get', '--format', 'json', 'auth')).stdout)).toEqual({
      'git.example.com:8443': { type: 'bearer', value: 't0ken' },
    });
    expect((await settings('remove', 'runtime.rollbacks')).code).toBe(0);
    const shown = JSON.parse((await settings('show', '--format', 'json')).stdout);
    expect(shown.settings).toEqual({
      runtime: { hypothesis: { strategy: 'continuously' } },
      auth: { 'git.example.com:8443': { type: 'bearer', value: '***' } },
    });
    expect(readFileSync(settingsPath, 'utf8')).toMatch(/^# team settings/);
    const missing = await settings('get', 'runtime.nope');
    expect(missing.code).toBe(64);
    expect(missing.stderr).toMatch(/has no entry "runtime.nope"/);
    expect(existsSync(join(dir, 'settings.yaml.tmp'))).toBe(false);
  });

  it('validate and run report a configuration entry whose environment variable is unset', async () => {
    const dir = tempDir();
    writeFile(dir, 'experiment.json', experiment({ configuration: { url: { type: 'env', key: 'FL_E2E_URL' } } }));
    const validate = await runCli(['--no-log-file', 'validate', 'experiment.json'], { cwd: dir, env: env(dir) });
    expect(validate.code).toBe(64);
    expect(validate.stdout).toMatch(
      /configuration\.url\.key: configuration "url" reads the environment variable FL_E2E_URL, which is not set/,
    );
    const run = await runCli(['--no-log-file', 'run', 'experiment.json'], { cwd: dir, env: env(dir) });
    expect(run.code).toBe(64);
    const withVar = await runCli(['--no-log-file', 'run', '--var', 'url=http://x', 'experiment.json'], {
      cwd: dir,
      env: env(dir),
    });
    expect(withVar.code).toBe(0);
    const withEnv = await runCli(['--no-log-file', 'validate', 'experiment.json'], {
      cwd: dir,
      env: { ...env(dir), FL_E2E_URL: 'http://x' },
    });
    expect(withEnv.code).toBe(0);
  });

  it('--change-dir to a missing directory is a usage error', async () => {
    const dir = tempDir();
    const result = await runCli(['--change-dir', 'nowhere', 'info'], { cwd: dir, env: env(dir) });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/--change-dir: .*nowhere is not a directory/);
  });
});
