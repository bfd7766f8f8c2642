import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../activity/logger.js';
import { controlHookNames } from '../control/control-module.js';
import type { Experiment } from '../model/experiment.js';
import { ActivityResolver } from '../resolve/activity-resolver.js';
import { createWorld } from '../run/__fixtures__/test-driver.js';
import { runExperiment } from '../run/experiment-run.js';
import { findSystemBinary } from '../testing/find-system-binary.js';
import { validateExperiment } from '../validation/validate-experiment.js';
import { findPython, PythonNotFoundError } from './find-python.js';

// Debian's interpreter, as CI installs it (.ci/run).
const python = findSystemBinary('python3', ['/usr/bin/python3']);

const probes = `
import os, time
from chaoslib.types import Configuration, Secrets
from chaoslib.exceptions import ActivityFailed

def count_orders(url: str, configuration: Configuration = None, secrets: Secrets = None):
    print("counting orders at", url)
    return {"url": url, "service": configuration["service"], "token": (secrets or {}).get("token"), "n": 3}

def at_least(value, target: int = 2) -> bool:
    return value["n"] >= target

def boom(reason: str = "boom"):
    raise ValueError(reason)

def hang():
    time.sleep(120)

def not_json():
    return {1, 2}

def exit_bridge():
    os._exit(3)

def echo(value=None):
    return value

def leak(secrets=None):
    print("the token is", secrets["token"])
    os.system("echo from a subprocess")  # writes to file descriptor 1
    return "printed"
`;

const slowImport = `
import time
time.sleep(120)
`;

const stopper = `
from chaoslib.exceptions import InterruptExecution

def before_method_control(context, **kwargs):
    raise InterruptExecution("the error budget is spent")
`;

const control = `
import json, os
EVENTS = os.path.join(os.path.dirname(__file__), "events.jsonl")

def _record(hook, **kw):
    with open(EVENTS, "a") as f:
        f.write(json.dumps({"hook": hook, "args": sorted(kw), "context": kw.get("context", {}).get("name") if isinstance(kw.get("context"), dict) else None, "label": kw.get("label")}) + "\\n")

def configure_control(experiment, configuration, secrets, settings, label=None):
    _record("configure_control", experiment=experiment, configuration=configuration, secrets=secrets, settings=settings, label=label)

def before_experiment_control(context, state=None, configuration=None, secrets=None, label=None, **kwargs):
    _record("before_experiment_control", context=context, state=state, configuration=configuration, secrets=secrets, label=label)

def after_experiment_control(context, state, configuration=None, secrets=None, **kwargs):
    _record("after_experiment_control", context=context, state=state, status=state["status"])

def before_hypothesis_control(context, **kwargs):
    _record("before_hypothesis_control", context=context)

def after_hypothesis_control(context, state, **kwargs):
    _record("after_hypothesis_control", context=context, state=state)

def before_method_control(context, **kwargs):
    _record("before_method_control", context=context)

def after_method_control(context, state, **kwargs):
    _record("after_method_control", context=context, state=state)

def before_rollback_control(context, **kwargs):
    _record("before_rollback_control", context=context)

def after_rollback_control(context, state, **kwargs):
    _record("after_rollback_control", context=context, state=state)

def before_activity_control(context, experiment=None, **kwargs):
    _record("before_activity_control", context=context, experiment=experiment)

def after_activity_control(context, state, **kwargs):
    _record("after_activity_control", context=context, state=state)

def cleanup_control():
    _record("cleanup_control")
`;

const warnings: string[] = [];
const debugs: string[] = [];
const logger: Logger = { debug: (m) => debugs.push(m), info() {}, warn: (m) => warnings.push(m), error() {} };
const resolvers: ActivityResolver[] = [];

function workspace(): { dir: string; resolver: ActivityResolver } {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-python-'));
  writeFileSync(join(dir, 'team_probes.py'), probes);
  writeFileSync(join(dir, 'team_control.py'), control);
  writeFileSync(join(dir, 'team_stopper.py'), stopper);
  writeFileSync(join(dir, 'team_slow_import.py'), slowImport);
  const resolver = new ActivityResolver([], {
    python: { interpreter: python, env: process.env, cwd: dir, paths: [dir], logger, importTimeoutMs: 1500 },
  });
  resolvers.push(resolver);
  return { dir, resolver };
}

afterEach(async () => {
  await Promise.all(resolvers.splice(0).map((r) => r.close()));
  warnings.length = 0;
  debugs.length = 0;
});

const py = (func: string, args: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  type: 'python' as const,
  module: 'team_probes',
  func,
  arguments: args,
  ...extra,
});

describe.skipIf(!python)('the Python bridge (Debian python3)', () => {
  it('runs a custom probe and a custom tolerance with configuration and the declared secrets', async () => {
    const { dir, resolver } = workspace();
    const experiment: Experiment = {
      title: 'python probe',
      configuration: { service: 'orders' },
      secrets: { api: { token: 's3cr3t' } },
      'steady-state-hypothesis': {
        title: 'orders are counted',
        probes: [
          {
            type: 'probe',
            name: 'count',
            tolerance: { type: 'probe', name: 'enough', provider: py('at_least', { target: 3 }) },
            provider: py('count_orders', { url: 'http://orders' }, { secrets: ['api'] }),
          },
        ],
      },
      method: [{ type: 'action', name: 'echo', provider: py('echo', { value: [1, 'two', { three: 3 }] }) }],
    };
    const journal = await runExperiment({ experiment, baseDir: dir, resolver, env: {}, logger });
    expect(journal.status).toBe('completed');
    expect(journal.steady_states.before?.steady_state_met).toBe(true);
    // The journal redacts secret values; the module saw the real one (it reached the output).
    expect(journal.steady_states.before?.probes[0]?.status).toBe('succeeded');
    expect(journal.run[0]?.output).toEqual([1, 'two', { three: 3 }]);
    const failing = await runExperiment({
      experiment: {
        ...experiment,
        'steady-state-hypothesis': {
          title: 'too few',
          probes: [
            {
              ...experiment['steady-state-hypothesis']!.probes[0]!,
              tolerance: { type: 'probe', name: 'enough', provider: py('at_least', { target: 4 }) },
            },
          ],
        },
      } as Experiment,
      baseDir: dir,
      resolver,
      env: {},
      logger,
    });
    expect(failing.steady_states.before?.steady_state_met).toBe(false);
  });

  it('passes configuration and secrets to the function as chaoslib does', async () => {
    const { dir, resolver } = workspace();
    const resolved = await resolver.resolve({ type: 'python', module: 'team_probes', func: 'count_orders' }, dir);
    const ctx = {
      configuration: { service: 'orders' },
      secrets: { token: 's3cr3t' },
      signal: new AbortController().signal,
      logger,
    } as never;
    expect(await resolved.call({ url: 'u' }, ctx, ['api'])).toEqual({
      url: 'u',
      service: 'orders',
      token: 's3cr3t',
      n: 3,
    });
    // No `secrets` declared on the provider: the function gets its default.
    expect(await resolved.call({ url: 'u' }, ctx)).toMatchObject({ token: null });
  });

  it('journals an exception as Chaos Toolkit does and goes on with the run', async () => {
    const { dir, resolver } = workspace();
    const journal = await runExperiment({
      experiment: {
        title: 'raises',
        method: [
          { type: 'action', name: 'boom', provider: py('boom', { reason: 'no orders' }) },
          { type: 'action', name: 'after', provider: py('echo', { value: 'still running' }) },
        ],
      },
      baseDir: dir,
      resolver,
      env: {},
      logger,
    });
    expect(journal.status).toBe('completed');
    const [failed, after] = journal.run;
    expect(failed?.status).toBe('failed');
    expect(failed?.exception?.[0]).toBe('Traceback (most recent call last):\n');
    expect(failed?.exception?.join('')).toContain('in boom\n    raise ValueError(reason)');
    expect(failed?.exception?.at(-1)).toBe('chaoslib.exceptions.ActivityFailed: ValueError: no orders\n');
    expect(after?.output).toBe('still running');
  });

  it('gives up on a call that ignores its timeout; the bridge keeps serving', async () => {
    const { dir, resolver } = workspace();
    const started = Date.now();
    const journal = await runExperiment({
      experiment: {
        title: 'hangs',
        method: [
          { type: 'action', name: 'hang', timeout: 1, provider: py('hang') },
          { type: 'action', name: 'after', provider: py('echo', { value: 'next' }) },
        ],
      },
      baseDir: dir,
      resolver,
      env: {},
      logger,
    });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(journal.run[0]?.status).toBe('failed');
    expect(journal.run[1]?.output).toBe('next');
    const pid = resolver.pythonBridge()!.pid!;
    await resolver.close(); // closing stdin ends the bridge, hung thread and all
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('fails the call in flight when the bridge dies, then starts a new one', async () => {
    const { dir, resolver } = workspace();
    const journal = await runExperiment({
      experiment: {
        title: 'dies',
        method: [
          { type: 'action', name: 'die', provider: py('exit_bridge') },
          { type: 'action', name: 'after', provider: py('echo', { value: 'restarted' }) },
        ],
      },
      baseDir: dir,
      resolver,
      env: {},
      logger,
    });
    expect(journal.run[0]?.status).toBe('failed');
    expect(journal.run[0]?.exception?.join('')).toMatch(/Python bridge .* exited \(code 3\)/);
    expect(journal.run[1]?.output).toBe('restarted');
    expect(warnings.join('\n')).toContain('restarting the Python bridge');
  });

  it('returns the repr of a value that is not JSON, with a warning', async () => {
    const { dir, resolver } = workspace();
    const journal = await runExperiment({
      experiment: { title: 'set', method: [{ type: 'probe', name: 'set', provider: py('not_json') }] },
      baseDir: dir,
      resolver,
      env: {},
      logger,
    });
    expect(journal.run[0]?.output).toBe('{1, 2}');
    expect(warnings.join('\n')).toMatch(/not_json returned set, which is not JSON/);
  });

  it('calls every hook of a Python control with chaoslib arguments, in order', async () => {
    const { dir, resolver } = workspace();
    const journal = await runExperiment({
      experiment: {
        title: 'controlled',
        controls: [{ name: 'team', provider: { type: 'python', module: 'team_control', arguments: { label: 'x' } } }],
        'steady-state-hypothesis': {
          title: 'h',
          probes: [{ type: 'probe', name: 'p', tolerance: 'ok', provider: py('echo', { value: 'ok' }) }],
        },
        method: [{ type: 'action', name: 'a', provider: py('echo') }],
        rollbacks: [{ type: 'action', name: 'r', provider: py('echo') }],
      },
      baseDir: dir,
      resolver,
      env: {},
      logger,
      rollbackStrategy: 'always',
    });
    expect(journal.status).toBe('completed');
    const events = readFileSync(join(dir, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { hook: string; args: string[]; context: string | null; label?: string });
    const hooks = events.map((e) => e.hook);
    expect(hooks[0]).toBe('configure_control');
    // Every hook but the loading ones (global controls only: `faultline run --control-file`).
    expect(hooks).toEqual(expect.arrayContaining(controlHookNames.filter((h) => !h.includes('loading'))));
    expect(hooks.at(-1)).toBe('cleanup_control');
    expect(events[0]).toMatchObject({
      args: ['configuration', 'experiment', 'label', 'secrets', 'settings'],
      label: 'x',
    });
    expect(events.find((e) => e.hook === 'before_activity_control')).toMatchObject({ context: 'p' });
    // hypothesis before and after, the method's action, the rollback
    expect(events.filter((e) => e.hook === 'after_activity_control')).toHaveLength(4);
  });

  it('a control raising InterruptExecution interrupts the run, as in Chaos Toolkit', async () => {
    const { dir, resolver } = workspace();
    const journal = await runExperiment({
      experiment: {
        title: 'stopped',
        controls: [{ name: 'budget', provider: { type: 'python', module: 'team_stopper' } }],
        method: [{ type: 'action', name: 'never', provider: py('echo', { value: 'ran' }) }],
      },
      baseDir: dir,
      resolver,
      env: {},
      logger,
    });
    expect(journal.status).toBe('interrupted');
    expect(journal.run.map((r) => r.output)).not.toContain('ran');
  });

  it('what a module prints reaches the log with secrets scrubbed', async () => {
    const { dir, resolver } = workspace();
    const journal = await runExperiment({
      experiment: {
        title: 'prints',
        secrets: { api: { token: 'hunter2-s3cr3t' } },
        method: [{ type: 'action', name: 'leak', provider: py('leak', {}, { secrets: ['api'] }) }],
      },
      baseDir: dir,
      resolver,
      env: {},
      logger,
    });
    expect(journal.run[0]?.output).toBe('printed');
    await expect.poll(() => debugs.join('\n')).toMatch(/python: the token is/);
    await expect.poll(() => debugs.join('\n')).toMatch(/python: from a subprocess/);
    expect(debugs.join('\n')).not.toContain('hunter2-s3cr3t');
  });

  it("a misspelled function of a module Faultline serves is a plain hint, not Python's import failure", async () => {
    const { dir } = workspace();
    const resolver = new ActivityResolver(createWorld().resolver.driverEntries(), {
      python: { interpreter: python, env: process.env, cwd: dir, paths: [dir], logger },
    });
    resolvers.push(resolver);
    const error = await resolver
      .resolve({ type: 'python', module: 'chaosfixture.actions', func: 'inject_falt' }, dir)
      .catch((e: Error & { hint?: string }) => e);
    expect(error).toMatchObject({
      message: 'python function chaosfixture.actions.inject_falt is not provided by @test/world',
    });
    const hint = (error as { hint?: string }).hint;
    expect(hint).toMatch(/^did you mean chaosfixture\.actions\.inject_fault, /);
    expect(hint).not.toMatch(/Python|import/);
  });

  it('validation imports the module and checks argument names against the real signature', async () => {
    const { dir, resolver } = workspace();
    const result = await validateExperiment(
      {
        title: 'bad names',
        method: [
          { type: 'action', name: 'typo', provider: py('boom', { reson: 'x' }) },
          { type: 'action', name: 'missing', provider: { type: 'python', module: 'no_such_module', func: 'f' } },
          { type: 'action', name: 'nofunc', provider: py('bom') },
          { type: 'action', name: 'slow', provider: { type: 'python', module: 'team_slow_import', func: 'f' } },
        ],
      },
      { resolver, baseDir: dir },
    );
    const messages = result.problems.map((p) => `${p.message} ${p.hint ?? ''}`);
    expect(messages.find((m) => m.includes('team_probes.boom'))).toMatch(/unexpected keyword argument 'reson'/);
    expect(messages.find((m) => m.includes('no_such_module'))).toMatch(
      new RegExp(`cannot be imported by ${python}.*sys.path tried: ${dir}`),
    );
    expect(messages.find((m) => m.includes('"bom"'))).toMatch(/did you mean boom/);
    // An import that hangs is an error after the import timeout, not a validation that never ends.
    expect(messages.find((m) => m.includes('team_slow_import'))).toMatch(
      /importing team_slow_import took longer than 1.5 s in Python/,
    );
  });
});

describe('choosing the interpreter', () => {
  it('says how to configure one when none is found', () => {
    expect(() => findPython({ env: { PATH: '/nonexistent' }, cwd: '/' })).toThrow(PythonNotFoundError);
    try {
      findPython({ env: { PATH: '/nonexistent' }, cwd: '/' });
    } catch (error) {
      expect((error as PythonNotFoundError).hint).toMatch(/FAULTLINE_PYTHON/);
    }
  });

  it('prefers settings, then FAULTLINE_PYTHON, then VIRTUAL_ENV, then python3 on PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-venv-'));
    writeFileSync(join(dir, 'python3'), '#!/bin/sh\n', { mode: 0o755 });
    const venv = mkdtempSync(join(tmpdir(), 'faultline-venv-'));
    mkdirSync(join(venv, 'bin'));
    writeFileSync(join(venv, 'bin', 'python'), '#!/bin/sh\n', { mode: 0o755 });
    expect(() => findPython({ interpreter: '/nope/python', env: {}, cwd: dir })).toThrow(/settings python.interpreter/);
    expect(findPython({ env: { FAULTLINE_PYTHON: './python3' }, cwd: dir }).source).toBe('FAULTLINE_PYTHON');
    expect(findPython({ env: { VIRTUAL_ENV: venv, PATH: dir }, cwd: dir }).source).toBe('VIRTUAL_ENV');
    expect(findPython({ env: { VIRTUAL_ENV: dir, PATH: dir }, cwd: dir })).toEqual({
      path: join(dir, 'python3'),
      source: 'python3 on PATH',
    });
  });
});
