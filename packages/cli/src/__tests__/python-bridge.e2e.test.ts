import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSystemBinary } from '@faultline/core/testing';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeFile } from './cli-harness.js';

const python = findSystemBinary('python3', ['/usr/bin/python3']);

/** A team's own module, shipped next to the experiment as Chaos Toolkit users do. */
const module = `
import os
from chaoslib.types import Configuration

def orders_backlog(queue: str, configuration: Configuration = None) -> int:
    return {"orders": 3, "payments": 40}[queue] + configuration.get("offset", 0)

def below(value: int, limit: int) -> bool:
    return value < limit

def bridge_pid() -> int:
    return os.getpid()

def before_loading_experiment_control(context, **kwargs):
    with open("control-pid.txt", "w") as f:
        f.write(str(os.getpid()))
`;

const experiment = (args: string) => `
title: "Backlog stays small"
configuration: { offset: 1 }
steady-state-hypothesis:
  title: "orders backlog below 10"
  probes:
    - type: probe
      name: backlog
      tolerance:
        type: probe
        name: below-limit
        provider: { type: python, module: team_checks, func: below, arguments: { limit: 10 } }
      provider: { type: python, module: team_checks, func: orders_backlog, arguments: ${args} }
method: []
`;

function workspace(args = '{ queue: orders }'): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'chaos'));
  writeFile(join(dir, 'chaos'), 'team_checks.py', module);
  writeFile(join(dir, 'chaos'), 'experiment.yaml', experiment(args));
  return dir;
}

describe.skipIf(!python)('faultline runs a team Python module through the bridge', () => {
  it('imports a module from the experiment folder and journals its output', async () => {
    const dir = workspace();
    const result = await runCli(['--no-log-file', 'run', 'chaos/experiment.yaml', '--journal-path', 'j.json'], {
      cwd: dir,
      env: { FAULTLINE_PYTHON: python!, HOME: dir },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const journal = JSON.parse(readFileSync(join(dir, 'j.json'), 'utf8'));
    expect(journal.steady_states.before.probes[0].output).toBe(4);
    expect(journal.steady_states.before.steady_state_met).toBe(true);
  });

  it('one bridge per run serves the global controls and the experiment', async () => {
    const dir = workspace();
    writeFile(
      dir,
      'controls.json',
      JSON.stringify([{ name: 'loading', provider: { type: 'python', module: 'team_checks' } }]),
    );
    writeFile(
      join(dir, 'chaos'),
      'pid.yaml',
      'title: pid\nmethod:\n  - {type: probe, name: pid, provider: {type: python, module: team_checks, func: bridge_pid}}\n',
    );
    const result = await runCli(
      ['--no-log-file', 'run', '--control-file', 'controls.json', 'chaos/pid.yaml', '--journal-path', 'j.json'],
      { cwd: dir, env: { FAULTLINE_PYTHON: python!, HOME: dir } },
    );
    expect(result.code, result.stderr).toBe(0);
    const journal = JSON.parse(readFileSync(join(dir, 'j.json'), 'utf8'));
    expect(journal.run[0].output).toBe(Number(readFileSync(join(dir, 'control-pid.txt'), 'utf8')));
  });

  it('validate checks argument names against the real signature', async () => {
    const dir = workspace('{ queue: orders, retries: 3 }');
    const result = await runCli(['--no-log-file', 'validate', 'chaos/experiment.yaml'], {
      cwd: dir,
      env: { FAULTLINE_PYTHON: python!, HOME: dir },
    });
    expect(result.code).toBe(64);
    expect(result.stdout).toMatch(/team_checks\.orders_backlog: got an unexpected keyword argument 'retries'/);
  });

  it('says how to configure an interpreter when the one named does not exist', async () => {
    const dir = workspace();
    const result = await runCli(['--no-log-file', 'validate', 'chaos/experiment.yaml'], {
      cwd: dir,
      env: { FAULTLINE_PYTHON: join(dir, 'no-python'), HOME: dir },
    });
    expect(result.code).toBe(64);
    expect(result.stdout).toMatch(/no-python" \(from FAULTLINE_PYTHON\) is not an executable/);
    expect(result.stdout).toMatch(/hint: .*settings `python: \{interpreter/);
  });
});
