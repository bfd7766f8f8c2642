import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity, Experiment } from '../model/experiment.js';
import type { RunEvent } from './run-event.js';
import { runExperiment } from './experiment-run.js';
import type { RunOptions } from './run-options.js';
import { createWorld } from './__fixtures__/test-driver.js';

const py = (func: string, args: Record<string, unknown> = {}, module = 'chaosfixture.actions') => ({
  type: 'python' as const,
  module,
  func,
  arguments: args,
});
const probe = (name: string, tolerance: unknown = 200): Activity => ({
  type: 'probe',
  name,
  tolerance: tolerance as Activity['tolerance'],
  provider: py('read_value', {}, 'chaosfixture.probes'),
});
const action = (
  name: string,
  func: string,
  args: Record<string, unknown> = {},
  extra: Partial<Activity> = {},
): Activity => ({ type: 'action', name, provider: py(func, args), ...extra });

function experiment(parts: Partial<Experiment> = {}): Experiment {
  return {
    title: 'fixture experiment',
    'steady-state-hypothesis': { title: 'value is 200', probes: [probe('value-is-200')] },
    method: [action('inject', 'inject_fault', { fault: 'latency' })],
    rollbacks: [action('rollback', 'set_value', { value: 200 })],
    ...parts,
  };
}

async function run(world: ReturnType<typeof createWorld>, exp: Experiment, options: Partial<RunOptions> = {}) {
  const events: RunEvent[] = [];
  const observers = [{ onEvent: (e: RunEvent) => events.push(e) }, ...(options.observers ?? [])];
  const journal = await runExperiment({
    experiment: exp,
    baseDir: process.cwd(),
    resolver: world.resolver,
    env: {},
    ...options,
    observers,
  });
  return { journal, events };
}

describe('run statuses (Chaos Toolkit semantics)', () => {
  it('completes, not deviated, when the hypothesis holds before and after', async () => {
    const world = createWorld();
    const { journal } = await run(world, experiment());
    expect(journal.status).toBe('completed');
    expect(journal.deviated).toBe(false);
    expect(journal.steady_states.before?.steady_state_met).toBe(true);
    expect(journal.steady_states.after?.steady_state_met).toBe(true);
    expect(journal.run).toHaveLength(1);
    expect(journal.rollbacks).toHaveLength(1);
    expect(Object.keys(journal).slice(0, 12)).toEqual([
      'chaoslib-version',
      'faultline-version',
      'platform',
      'node',
      'experiment',
      'start',
      'status',
      'deviated',
      'steady_states',
      'run',
      'rollbacks',
      'faultline',
    ]);
  });

  it('skips the method when the hypothesis before is out of tolerance: completed, not deviated', async () => {
    const world = createWorld();
    world.setValue(500);
    const { journal } = await run(world, experiment());
    expect(journal.status).toBe('completed');
    expect(journal.deviated).toBe(false);
    expect(journal.run).toHaveLength(0);
    expect(world.calls).not.toContain('inject:latency');
    expect(journal.steady_states.before?.probes[0]?.tolerance_met).toBe(false);
    expect(journal.steady_states.before?.probes[0]?.tolerance_reason).toMatch(/500/);
  });

  it('fails when a hypothesis probe itself fails', async () => {
    const world = createWorld();
    const failing: Activity = { type: 'probe', name: 'explodes', tolerance: true, provider: py('explode') };
    const { journal } = await run(world, experiment({ 'steady-state-hypothesis': { title: 't', probes: [failing] } }));
    expect(journal.status).toBe('failed');
    expect(journal.run).toHaveLength(0);
    expect(journal.rollbacks).toHaveLength(0); // default strategy: no rollbacks on failed
  });

  it('deviates when the hypothesis after is not met', async () => {
    const world = createWorld();
    const { journal } = await run(world, experiment({ method: [action('break', 'set_value', { value: 503 })] }));
    expect(journal.status).toBe('completed');
    expect(journal.deviated).toBe(true);
    expect(journal.steady_states.after?.steady_state_met).toBe(false);
  });

  it('records a throwing action as failed and carries on with the method', async () => {
    const world = createWorld();
    const { journal } = await run(
      world,
      experiment({
        method: [action('boom', 'explode', { message: 'kaput' }), action('inject', 'inject_fault', { fault: 'x' })],
      }),
    );
    expect(journal.status).toBe('completed');
    expect(journal.run.map((r) => r.status)).toEqual(['failed', 'succeeded']);
    expect(journal.run[0]?.exception?.join('\n')).toMatch(/kaput/);
  });

  it('aborts when an activity cannot be resolved at run time', async () => {
    const world = createWorld();
    const { journal } = await run(
      world,
      experiment({ method: [action('ghost', 'no_such_function'), action('after', 'inject_fault', { fault: 'y' })] }),
    );
    expect(journal.status).toBe('aborted');
    expect(world.calls).not.toContain('inject:y');
  });
});

describe('rollback strategies', () => {
  const cases: Array<[string, 'completed' | 'deviated' | 'failed' | 'interrupted', boolean]> = [
    ['default', 'completed', true],
    ['default', 'deviated', true],
    ['default', 'failed', false],
    ['default', 'interrupted', false],
    ['always', 'failed', true],
    ['always', 'interrupted', true],
    ['never', 'completed', false],
    ['deviated', 'completed', false],
    ['deviated', 'deviated', true],
  ];
  it.each(cases)('%s strategy, %s run → rollbacks played: %s', async (strategy, outcome, played) => {
    const world = createWorld();
    const controller = new AbortController();
    let exp = experiment();
    if (outcome === 'deviated') exp = experiment({ method: [action('break', 'set_value', { value: 503 })] });
    if (outcome === 'failed')
      exp = experiment({
        'steady-state-hypothesis': {
          title: 't',
          probes: [{ type: 'probe', name: 'x', tolerance: true, provider: py('explode') }],
        },
      });
    if (outcome === 'interrupted') {
      exp = experiment({ method: [action('wait', 'wait', { seconds: 5 })] });
      setTimeout(() => controller.abort('test interrupt'), 100);
    }
    const { journal } = await run(world, exp, {
      rollbackStrategy: strategy as RunOptions['rollbackStrategy'],
      signal: controller.signal,
    });
    expect(journal.status === 'completed' && journal.deviated ? 'deviated' : journal.status).toBe(outcome);
    expect(journal.rollbacks.length > 0).toBe(played);
  });

  it('takes the strategy from the experiment runtime section', async () => {
    const world = createWorld();
    const { journal } = await run(world, experiment({ runtime: { rollbacks: { strategy: 'never' } } }));
    expect(journal.rollbacks).toHaveLength(0);
  });

  it('keeps running the other rollbacks when one fails', async () => {
    const world = createWorld();
    const { journal } = await run(
      world,
      experiment({ rollbacks: [action('r1', 'explode'), action('r2', 'set_value', { value: 1 })] }),
    );
    expect(journal.rollbacks.map((r) => r.status)).toEqual(['failed', 'succeeded']);
  });
});

describe('hypothesis strategies', () => {
  it('before-method-only runs no hypothesis after', async () => {
    const { journal } = await run(createWorld(), experiment(), { hypothesisStrategy: 'before-method-only' });
    expect(journal.steady_states.before).not.toBeNull();
    expect(journal.steady_states.after).toBeNull();
  });

  it('after-method-only runs no hypothesis before', async () => {
    const { journal } = await run(createWorld(), experiment(), { hypothesisStrategy: 'after-method-only' });
    expect(journal.steady_states.before).toBeNull();
    expect(journal.steady_states.after).not.toBeNull();
  });

  it('skip runs no hypothesis at all', async () => {
    const world = createWorld();
    world.setValue(500);
    const { journal } = await run(world, experiment(), { hypothesisStrategy: 'skip' });
    expect(journal.steady_states.before).toBeNull();
    expect(journal.run).toHaveLength(1);
  });

  it('continuously samples during the method (old spelling accepted)', async () => {
    const world = createWorld();
    const { journal } = await run(world, experiment({ method: [action('wait', 'wait', { seconds: 0.5 })] }), {
      hypothesisStrategy: 'continously',
      hypothesisFrequency: 0.1,
    });
    expect(journal.steady_states.before).not.toBeNull();
    expect(journal.steady_states.after).not.toBeNull();
    expect(journal.steady_states.during.length).toBeGreaterThanOrEqual(2);
  });

  it('during-method-only with fail-fast stops the run as failed', async () => {
    const world = createWorld();
    const exp = experiment({
      method: [
        action('break', 'set_value', { value: 500 }),
        action('wait', 'wait', { seconds: 0.3 }),
        action('later', 'inject_fault', { fault: 'late' }, { pauses: { before: 0.5 } }),
      ],
    });
    const { journal } = await run(world, exp, {
      hypothesisStrategy: 'during-method-only',
      hypothesisFrequency: 0.05,
      failFast: true,
    });
    expect(journal.status).toBe('failed');
    expect(journal.steady_states.during.some((s) => !s.steady_state_met)).toBe(true);
    expect(world.calls).not.toContain('inject:late');
  });
});

describe('reverts', () => {
  it('registers the revert before the fault and reverts it at the end of a successful run', async () => {
    const world = createWorld();
    const dir = mkdtempSync(join(tmpdir(), 'faultline-'));
    const journalPath = join(dir, 'journal.json');
    let onDiskAtInjection: unknown;
    const exp = experiment({ method: [action('inject', 'inject_fault', { fault: 'latency' })] });
    const { journal, events } = await run(world, exp, {
      journalPath,
      observers: [
        {
          onEvent: (e) => {
            if (e.type === 'fault-registered')
              onDiskAtInjection = JSON.parse(readFileSync(journalPath, 'utf8')).faultline.reverts;
          },
        },
      ],
    });
    expect(onDiskAtInjection).toMatchObject([{ func: 'remove_fault', status: 'pending' }]);
    expect(world.faults.size).toBe(0);
    expect(journal.faultline.reverts).toMatchObject([{ func: 'remove_fault', status: 'reverted', activity: 'inject' }]);
    expect(events.map((e) => e.type)).toContain('fault-reverted');
    // Reverts run after the hypothesis after and before rollbacks.
    expect(world.calls.indexOf('remove:latency')).toBeLessThan(world.calls.lastIndexOf('set:200'));
    expect(JSON.parse(readFileSync(journalPath, 'utf8')).status).toBe('completed');
  });

  it('does not revert what the activity undid itself', async () => {
    const world = createWorld();
    const { journal } = await run(
      world,
      experiment({ method: [action('inject', 'inject_fault', { fault: 'f', undo_itself: true })] }),
    );
    expect(journal.faultline.reverts[0]?.status).toBe('done-by-activity');
    expect(world.calls.filter((c) => c.startsWith('remove'))).toEqual([]);
  });

  it('reverts on interruption even under the never rollback strategy', async () => {
    const world = createWorld();
    const controller = new AbortController();
    setTimeout(() => controller.abort('SIGTERM'), 150);
    const exp = experiment({
      method: [
        action('inject', 'inject_fault', { fault: 'partition', duration: 10 }),
        action('never', 'inject_fault', { fault: 'never' }),
      ],
    });
    const started = Date.now();
    const { journal } = await run(world, exp, { rollbackStrategy: 'never', signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(journal.status).toBe('interrupted');
    expect(world.faults.size).toBe(0);
    expect(world.calls).not.toContain('inject:never');
    expect(journal.faultline.reverts[0]?.status).toBe('reverted');
  });

  it('registers no revert for activities run as rollbacks', async () => {
    const world = createWorld();
    const { journal } = await run(
      world,
      experiment({ rollbacks: [action('keep', 'inject_fault', { fault: 'kept' })] }),
    );
    expect(journal.faultline.reverts).toEqual([expect.objectContaining({ activity: 'inject' })]);
    expect(world.faults.has('kept')).toBe(true);
  });

  it('reverts on timeout (max duration)', async () => {
    const world = createWorld();
    const { journal } = await run(
      world,
      experiment({ method: [action('inject', 'inject_fault', { fault: 'slow', duration: 10 })] }),
      { maxDuration: 0.2 },
    );
    expect(journal.status).toBe('interrupted');
    expect(world.faults.size).toBe(0);
  });
});

describe('method details', () => {
  it('awaits background activities before the hypothesis after', async () => {
    const world = createWorld();
    const exp = experiment({
      method: [action('bg', 'wait', { seconds: 0.3 }, { background: true }), action('fg', 'set_value', { value: 200 })],
    });
    const { journal } = await run(world, exp);
    expect(world.calls.indexOf('waited:0.3')).toBeLessThan(world.calls.lastIndexOf('read'));
    expect(journal.run).toHaveLength(2);
  });

  it('resolves ref entries to the declared activity', async () => {
    const world = createWorld();
    const { journal } = await run(
      world,
      experiment({ method: [action('inject', 'inject_fault', { fault: 'a' }), { ref: 'inject' }] }),
    );
    expect(journal.run).toHaveLength(2);
  });

  it('honours pauses, and skips them under --dry pause', async () => {
    const world = createWorld();
    const exp = experiment({
      method: [action('inject', 'inject_fault', { fault: 'a' }, { pauses: { after: '300ms' } })],
    });
    let t = Date.now();
    const { journal } = await run(world, exp);
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
    expect(journal.faultline.pauses).toEqual([
      expect.objectContaining({ activity: 'inject', when: 'after', seconds: 0.3 }),
    ]);
    const pause = journal.faultline.pauses![0]!;
    expect(Date.parse(pause.end) - Date.parse(pause.start)).toBeGreaterThanOrEqual(280);
    t = Date.now();
    const dry = await run(createWorld(), exp, { dry: 'pause' });
    expect(Date.now() - t).toBeLessThan(280);
    expect(dry.journal.faultline.pauses).toEqual([]);
  });

  it('under --dry actions runs no plain action but lets mutating driver activities report targets', async () => {
    const world = createWorld();
    const { journal } = await run(
      world,
      experiment({
        method: [action('inject', 'inject_fault', { fault: 'a' }), action('set', 'set_value', { value: 9 })],
      }),
      { dry: 'actions' },
    );
    expect(world.calls).toContain('inject:a:dry');
    expect(world.calls.some((c) => c.startsWith('set:9'))).toBe(false);
    expect(journal.run[0]?.output).toEqual({ would_inject: 'a' });
    expect(journal.faultline.reverts).toEqual([]);
  });

  it('substitutes configuration into arguments and the title', async () => {
    const world = createWorld();
    const exp = experiment({
      title: 'about ${svc}',
      configuration: { svc: 'orders', fault_name: 'orders-latency' },
      method: [action('inject', 'inject_fault', { fault: '${fault_name}' })],
    });
    const { journal } = await run(world, exp);
    expect(journal.experiment.title).toBe('about orders');
    expect(world.calls).toContain('inject:orders-latency');
  });

  it('keeps secrets out of the journal', async () => {
    const world = createWorld();
    const exp = experiment({
      secrets: { k8s: { token: 's3cr3t-value' } },
      method: [
        { type: 'action', name: 'echo', provider: { ...py('set_value', { value: '${token}' }), secrets: ['k8s'] } },
      ],
      'steady-state-hypothesis': { title: 't', probes: [{ ...probe('v', 's3cr3t-value') }] },
      rollbacks: [],
    });
    const { journal } = await run(world, exp, { hypothesisStrategy: 'before-method-only' });
    expect(JSON.stringify(journal)).not.toContain('s3cr3t-value');
  });
});

describe('controls', () => {
  it('calls the hooks in Chaos Toolkit order and lets a control interrupt the run', async () => {
    const world = createWorld();
    const dir = mkdtempSync(join(tmpdir(), 'faultline-ctl-'));
    const module = join(dir, 'control.mjs');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      module,
      `export const seen = [];
       export function configure_control() { seen.push('configure'); }
       export function before_experiment_control() { seen.push('before_experiment'); }
       export function beforeActivityControl({ context, interrupt, arguments: args }) { seen.push('before_activity:' + context.name); if (context.name === args.stop_at) interrupt('stop requested'); }
       export function after_experiment_control({ state }) { seen.push('after_experiment:' + state.status); }
       export function cleanup_control() { seen.push('cleanup'); }`,
    );
    const exp = experiment({
      controls: [{ name: 'recorder', provider: { type: 'javascript', module, arguments: { stop_at: 'second' } } }],
      method: [
        action('first', 'inject_fault', { fault: '1' }),
        action('second', 'wait', { seconds: 5 }),
        action('third', 'inject_fault', { fault: '3' }),
      ],
    });
    const { journal } = await run(world, exp);
    const { seen } = (await import(module)) as { seen: string[] };
    expect(journal.status).toBe('interrupted');
    expect(seen[0]).toBe('configure');
    expect(seen[1]).toBe('before_experiment');
    expect(seen).toContain('before_activity:second');
    expect(seen).not.toContain('before_activity:third');
    expect(seen.at(-2)).toBe('after_experiment:interrupted');
    expect(seen.at(-1)).toBe('cleanup');
    expect(world.faults.size).toBe(0);
  });
});

describe('logs', () => {
  it('never carry a secret, whatever an activity logs', async () => {
    const world = createWorld();
    const lines: string[] = [];
    const logger = Object.fromEntries(
      ['debug', 'info', 'warn', 'error'].map((level) => [
        level,
        (m: string, f?: Record<string, unknown>) => lines.push(`${m} ${JSON.stringify(f ?? {})}`),
      ]),
    ) as unknown as RunOptions['logger'];
    const exp = experiment({
      secrets: { api: { token: 'tok-7f3a9b' } },
      method: [
        {
          type: 'action',
          name: 'boom',
          provider: { ...py('explode', { message: 'auth with ${token} refused' }), secrets: ['api'] },
        },
      ],
    });
    await run(world, exp, { logger });
    expect(lines.join('\n')).toMatch(/auth with \*\*\* refused/);
    expect(lines.join('\n')).not.toContain('tok-7f3a9b');
  });
});

describe('interruption of javascript activities', () => {
  it('stops a run whose javascript action ignores its abort signal, and still reverts', async () => {
    const world = createWorld();
    const dir = mkdtempSync(join(tmpdir(), 'faultline-js-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'stubborn.mjs'), 'export function hang() { return new Promise(() => {}); }\n');
    const controller = new AbortController();
    setTimeout(() => controller.abort('SIGINT'), 200);
    const exp = experiment({
      method: [
        action('inject', 'inject_fault', { fault: 'held' }),
        { type: 'action', name: 'hang', provider: { type: 'javascript', module: './stubborn.mjs', func: 'hang' } },
      ],
    });
    const started = Date.now();
    const journal = await runExperiment({
      experiment: exp,
      baseDir: dir,
      resolver: world.resolver,
      env: {},
      signal: controller.signal,
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(journal.status).toBe('interrupted');
    // As Chaos Toolkit journals the activity a signal cut short: no status, no exception.
    expect(journal.run[1]).toEqual({
      activity: expect.objectContaining({ name: 'hang' }),
      output: null,
      start: expect.any(String),
      end: expect.any(String),
      duration: expect.any(Number),
    });
    expect(journal.run[0]?.status).toBe('succeeded');
    expect(world.faults.size).toBe(0);
  });
});

describe('secrets and tolerances', () => {
  it('judges tolerances on the real output while the journal keeps it redacted', async () => {
    const world = createWorld();
    world.setValue('admin-user');
    const exp = experiment({
      secrets: { db: { user: 'admin-user' } },
      'steady-state-hypothesis': {
        title: 'the user is there',
        probes: [probe('user', { type: 'regex', pattern: '^admin-user$' })],
      },
      method: [action('noop', 'inject_fault', { fault: 'x' })],
    });
    const { journal } = await run(world, exp, { hypothesisStrategy: 'before-method-only' });
    expect(journal.steady_states.before?.steady_state_met).toBe(true);
    expect(journal.steady_states.before?.probes[0]?.output).toBe('***');
  });

  it('does not scrub short numbers or words a secret-derived value happens to contain', async () => {
    const world = createWorld();
    world.setValue({ items: [{ id: 1 }, { id: 2 }], state: 'ok' });
    const dir = mkdtempSync(join(tmpdir(), 'faultline-dyn-'));
    const exp = experiment({
      secrets: { api: { token: 'tok-very-secret', shard: 2 } },
      configuration: {
        session: {
          type: 'probe',
          name: 'login',
          provider: { type: 'process', path: 'echo', arguments: ['session-${token}', 'ok'] },
        } as never,
      },
      'steady-state-hypothesis': {
        title: 't',
        probes: [probe('ids', { type: 'jsonpath', path: '$.items[*].id', expect: [1, 2] })],
      },
      method: [action('noop', 'inject_fault', { fault: 'x' })],
    });
    const { journal } = await run(world, exp, { hypothesisStrategy: 'before-method-only', baseDir: dir });
    expect(journal.steady_states.before?.steady_state_met).toBe(true);
    expect(journal.steady_states.before?.probes[0]?.output).toEqual({ items: [{ id: 1 }, { id: 2 }], state: 'ok' });
    expect((journal.experiment.configuration as Record<string, { type: string }>).session.type).toBe('probe');
    expect(JSON.stringify(journal)).not.toContain('tok-very-secret');
  });

  it('throws invalid input, before anything runs, when configuration cannot be resolved', async () => {
    const world = createWorld();
    const exp = experiment({ configuration: { token: { type: 'env', key: 'FAULTLINE_TEST_UNSET' } as never } });
    await expect(run(world, exp)).rejects.toMatchObject({
      exitCode: 64,
      message: expect.stringMatching(/FAULTLINE_TEST_UNSET/),
    });
    expect(world.calls).toEqual([]);
  });

  it('gives observers events without secrets, and the substituted title', async () => {
    const world = createWorld();
    const exp = experiment({
      title: 'about ${svc}',
      configuration: { svc: 'orders' },
      secrets: { api: { token: 'tok-never-shown' } },
      method: [
        {
          type: 'action',
          name: 'with-secret',
          pauses: { after: 0.05 },
          provider: { ...py('inject_fault', { fault: 'tok-never-shown' }), secrets: ['api'] },
        },
      ],
    });
    const { events } = await run(world, exp);
    expect(JSON.stringify(events)).not.toContain('tok-never-shown');
    expect(events[0]).toMatchObject({ type: 'run-started', experiment: { title: 'about orders' } });
  });
});
