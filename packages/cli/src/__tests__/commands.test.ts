import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import type { CliIo } from '../cli-io.js';
import { tempDir } from './cli-harness.js';

/** Runs the CLI in process, the way tests of the k6 CLI do. */
async function cli(args: string[], cwd = tempDir(), env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { HOME: cwd, PATH: process.env.PATH, NO_COLOR: '1', ...env },
    cwd,
    setExitCode: () => {},
    onSignal: () => () => {},
  };
  const code = await main(['--no-log-file', ...args], io);
  return { code, stdout, stderr, cwd };
}

describe('faultline commands (in process)', () => {
  it('init writes a starter experiment that validates, and refuses to overwrite it', async () => {
    const first = await cli(['init', '--url', 'http://127.0.0.1:9']);
    expect(first.code).toBe(0);
    const validate = await cli(['validate', 'experiment.yaml'], first.cwd);
    expect(validate.stdout).toMatch(/the experiment is valid/);
    expect(validate.code).toBe(0);
    const again = await cli(['init'], first.cwd);
    expect(again.code).toBe(64);
    expect(again.stderr).toMatch(/exists[\s\S]*--force/);
  });

  it('init creates the folder of --experiment-path, and a path under a file is exit 64, not a crash', async () => {
    const made = await cli(['init', '--experiment-path', 'sub/dir/e.yaml']);
    expect(made.code).toBe(0);
    expect(existsSync(join(made.cwd, 'sub/dir/e.yaml'))).toBe(true);
    writeFileSync(join(made.cwd, 'plain'), 'x');
    const underFile = await cli(['init', '--experiment-path', 'plain/e.yaml'], made.cwd);
    expect(underFile.code).toBe(64);
    expect(underFile.stderr).toMatch(/part of its folder is a file/);
  });

  it('discover lists every driver activity with arguments from its schema', async () => {
    const { code, stdout } = await cli(['discover', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as {
      drivers: Array<{
        name: string;
        activities: Array<{
          name: string;
          python: Array<{ module: string }>;
          arguments: Array<{ name: string; required: boolean }>;
        }>;
      }>;
    };
    const names = doc.drivers.map((d) => d.name);
    expect(names).toEqual([
      '@faultline/core',
      '@faultline/kubernetes',
      '@faultline/prometheus',
      '@faultline/proxy',
      '@faultline/monkey',
    ]);
    const all = doc.drivers.flatMap((d) => d.activities);
    const terminate = all.find((a) => a.name === 'terminate_pods');
    expect(terminate?.python.map((p) => p.module)).toContain('chaosk8s.pod.actions');
    expect(terminate?.arguments.map((a) => a.name)).toEqual(
      expect.arrayContaining(['label_selector', 'ns', 'rand', 'qty', 'mode']),
    );
    for (const seeded of [
      'add_delay_fault',
      'add_abort_fault',
      'scale_deployment',
      'cordon_node',
      'stress_node',
      'can_place_order',
      'execute_query',
      'query',
      'enable_chaosmonkey',
    ]) {
      expect(all.map((a) => a.name)).toContain(seeded);
    }
    const text = await cli(['discover', 'prometheus']);
    expect(text.stdout).toMatch(/@faultline\/prometheus/);
    expect(text.stdout).not.toMatch(/@faultline\/kubernetes/);
  });

  it('schema prints the JSON Schema editors use', async () => {
    const { stdout } = await cli(['schema']);
    const schema = JSON.parse(stdout) as { properties: Record<string, unknown> };
    expect(schema.properties).toHaveProperty('steady-state-hypothesis');
  });

  it('settings shows where settings came from, with tokens hidden', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'settings.yaml'),
      'auth:\n  example.com:\n    type: bearer\n    value: very-secret\nruntime:\n  rollbacks:\n    strategy: always\n',
    );
    const { stdout } = await cli(['--settings', join(dir, 'settings.yaml'), 'settings'], dir);
    expect(stdout).toContain(join(dir, 'settings.yaml'));
    expect(stdout).toContain('strategy: always');
    expect(stdout).not.toContain('very-secret');
  });

  it('info prints versions and drivers', async () => {
    expect((await cli(['info'])).stdout).toMatch(/faultline \d+\.\d+\.\d+/);
    expect((await cli(['info'], tempDir(), { FAULTLINE_PYTHON: '/usr/bin/env' })).stdout).toMatch(
      /python bridge \/usr\/bin\/env \(FAULTLINE_PYTHON\)/,
    );
    expect((await cli(['info'], tempDir(), { PATH: '/nonexistent' })).stdout).toMatch(
      /python bridge: no Python interpreter found/,
    );
    expect((await cli(['info', 'extensions'])).stdout).toMatch(/@faultline\/kubernetes\s+python: chaosk8s, chaosistio/);
  });

  it('run takes --var, --var-file, --control-file and --output json', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'exp.json'),
      JSON.stringify({
        title: 'vars ${who}',
        configuration: { who: 'nobody', greeting: { type: 'env', key: 'GREETING' } },
        method: [
          {
            type: 'action',
            name: 'say',
            provider: { type: 'process', path: 'echo', arguments: ['${greeting}', '${who}', '${count}'] },
          },
        ],
      }),
    );
    writeFileSync(join(dir, 'vars.env'), 'GREETING=hello\n');
    writeFileSync(
      join(dir, 'control.mjs'),
      'export function before_loading_experiment_control({ context }) { globalThis.__faultlineLoading = [context]; }\n' +
        'export function after_loading_experiment_control({ context }) { globalThis.__faultlineLoading.push(context.title); }\n' +
        'export function after_experiment_control({ state }) { globalThis.__faultlineControlSaw = state.status; }\n',
    );
    const result = await cli(
      [
        'run',
        'exp.json',
        '--var',
        'who=world',
        '--var',
        'count:int=3',
        '--var-file',
        'vars.env',
        '--control-file',
        'control.mjs',
        '--output',
        'json',
      ],
      dir,
    );
    expect(result.code).toBe(0);
    const events = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; entry?: { output: { stdout: string } } });
    expect(events[0]?.type).toBe('run-started');
    expect(events.at(-1)?.type).toBe('run-ended');
    expect(events.find((e) => e.type === 'activity-ended')?.entry?.output.stdout).toBe('hello world 3\n');
    expect((globalThis as { __faultlineControlSaw?: string }).__faultlineControlSaw).toBe('completed');
    expect((globalThis as { __faultlineLoading?: string[] }).__faultlineLoading).toEqual(['exp.json', 'vars ${who}']);
    expect((events[0] as unknown as { experiment: { title: string } }).experiment.title).toBe('vars world');
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8')) as { experiment: { title: string } };
    expect(journal.experiment.title).toBe('vars world');
  });

  it("samples a continuous hypothesis at the experiment's own frequency unless the flag says otherwise", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'exp.json'),
      JSON.stringify({
        title: 'frequency',
        runtime: { hypothesis: { strategy: 'continuously', frequency: 0.1 } },
        'steady-state-hypothesis': {
          title: 't',
          probes: [{ type: 'probe', name: 'ok', tolerance: 0, provider: { type: 'process', path: 'true' } }],
        },
        method: [{ type: 'action', name: 'wait', provider: { type: 'process', path: 'sleep', arguments: ['1'] } }],
      }),
    );
    expect((await cli(['run', 'exp.json'], dir)).code).toBe(0);
    const samples = (
      JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8')) as { steady_states: { during: unknown[] } }
    ).steady_states.during.length;
    expect(samples).toBeGreaterThanOrEqual(4);
  });

  it('exits 64 with a hint, running nothing, when configuration needs an unset variable', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'exp.json'),
      JSON.stringify({
        title: 't',
        configuration: { token: { type: 'env', key: 'FAULTLINE_DOC_NOT_SET' } },
        method: [{ type: 'action', name: 'a', provider: { type: 'process', path: 'touch', arguments: ['ran'] } }],
      }),
    );
    const result = await cli(['run', 'exp.json'], dir);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/FAULTLINE_DOC_NOT_SET[\s\S]*hint:/);
    expect(result.stderr).not.toMatch(/bug|unexpected/);
    expect(existsSync(join(dir, 'ran'))).toBe(false);
  });

  it('reports usage errors with exit 64 and a hint', async () => {
    const missing = await cli(['run', 'nope.yaml']);
    expect(missing.code).toBe(64);
    expect(missing.stderr).toMatch(/cannot read experiment nope\.yaml: no such file/);
    const badFlag = await cli(['run', 'x.yaml', '--rollback-strategy', 'sometimes']);
    expect(badFlag.code).toBe(64);
    expect(badFlag.stderr).toMatch(/Allowed choices are default, always, never, deviated/);
  });
});
