import { describe, expect, it } from 'vitest';
import type { Activity, Experiment } from '../model/experiment.js';
import { runExperiment } from '../run/experiment-run.js';
import { createWorld } from '../run/__fixtures__/test-driver.js';
import type { RunOptions } from '../run/run-options.js';

const call = (func: string, args: Record<string, unknown> = {}, module = 'chaosfixture.actions') => ({
  type: 'python' as const,
  module,
  func,
  arguments: args,
});
const action = (name: string, func: string, args: Record<string, unknown> = {}, extra: Partial<Activity> = {}) =>
  ({ type: 'action', name, provider: call(func, args), ...extra }) as Activity;
const valueIs200 = (extra: Record<string, unknown> = {}) => ({
  type: 'probe',
  name: 'value-still-200',
  provider: call('read_value', {}, 'chaosfixture.probes'),
  tolerance: 200,
  ...extra,
});
const safeguardsControl = (probes: unknown[]) => ({
  name: 'safeguard',
  provider: { type: 'python' as const, module: 'chaosaddons.controls.safeguards', arguments: { probes } },
});

function run(world: ReturnType<typeof createWorld>, experiment: Experiment, options: Partial<RunOptions> = {}) {
  return runExperiment({ experiment, baseDir: process.cwd(), resolver: world.resolver, env: {}, ...options });
}

describe('safeguards (chaosaddons.controls.safeguards)', () => {
  it('a periodic safeguard aborts the run at once when it trips, and every fault is reverted', async () => {
    const world = createWorld();
    const started = Date.now();
    const journal = await run(world, {
      title: 'safeguarded',
      controls: [safeguardsControl([valueIs200({ frequency: 0.05 })])],
      method: [
        action('inject', 'inject_fault', { fault: 'latency' }),
        action('break-the-system', 'set_value', { value: 503 }),
        action('hold', 'wait', { seconds: 30 }),
        action('never', 'inject_fault', { fault: 'never' }),
      ],
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(journal.status).toBe('aborted');
    expect(world.faults.size).toBe(0);
    expect(world.calls).not.toContain('inject:never');
    const safeguards = journal.faultline.safeguards as Record<string, unknown>;
    expect(safeguards.tripped).toMatchObject({
      name: 'value-still-200',
      declared_in: 'experiment',
      value: 503,
      reason: 'value 503 is not 200',
    });
    expect(safeguards.checks).toBeGreaterThan(0);
    expect(journal.faultline.interruption).toMatchObject({ by: 'safeguard', cut_short: ['hold'] });
    expect(journal.faultline.reverts[0]?.status).toBe('reverted');
  });

  it('a plain safeguard is checked before anything runs: a broken system is never touched', async () => {
    const world = createWorld();
    world.setValue(500);
    const journal = await run(
      world,
      { title: 'not safe to start', method: [action('inject', 'inject_fault', { fault: 'x' })] },
      { settings: { safeguards: [valueIs200()] } },
    );
    expect(journal.status).toBe('aborted');
    expect(world.calls.filter((c) => c.startsWith('inject'))).toEqual([]);
    expect(journal.faultline.safeguards).toMatchObject({ tripped: { declared_in: 'settings', value: 500 } });
  });

  it('a background safeguard runs once beside the run; a safe system completes', async () => {
    const world = createWorld();
    const journal = await run(
      world,
      {
        title: 'safe',
        controls: [safeguardsControl([valueIs200({ background: true })])],
        method: [action('inject', 'inject_fault', { fault: 'x' })],
      },
      { settings: { safeguards: { probes: [valueIs200({ name: 'periodic', frequency: '20ms' })] } } },
    );
    expect(journal.status).toBe('completed');
    expect(journal.faultline.safeguards).toMatchObject({ tripped: null });
  });

  it('a safeguard whose probe fails trips too: it cannot say the system is safe', async () => {
    const world = createWorld();
    const journal = await run(world, {
      title: 'blind',
      controls: [
        safeguardsControl([{ ...valueIs200(), provider: call('explode', { message: 'prometheus is down' }) }]),
      ],
      method: [action('inject', 'inject_fault', { fault: 'x' })],
    });
    expect(journal.status).toBe('aborted');
    expect((journal.faultline.safeguards as { tripped: { reason: string } }).tripped.reason).toMatch(
      /prometheus is down/,
    );
  });

  it('a malformed safeguard is invalid input before anything runs', async () => {
    const world = createWorld();
    await expect(
      run(world, { title: 't', controls: [safeguardsControl([{ name: 'no-provider', tolerance: 1 }])], method: [] }),
    ).rejects.toMatchObject({ exitCode: 64, message: /a probe with a name and a provider/ });
    await expect(
      run(world, { title: 't', method: [] }, { settings: { safeguards: [{ ...valueIs200(), tolerance: undefined }] } }),
    ).rejects.toMatchObject({ exitCode: 64, message: /needs a tolerance/ });
  });
});

describe('time limits', () => {
  it("an activity's timeout ends it with a journal entry that says so; the run goes on", async () => {
    const world = createWorld();
    const journal = await run(world, {
      title: 'timeouts',
      method: [action('slow', 'wait', { seconds: 30 }, { timeout: 0.2 }), action('next', 'set_value', { value: 1 })],
    });
    expect(journal.run[0]?.status).toBe('failed');
    expect(journal.run[0]?.exception?.[0]).toMatch(/activity "slow" did not finish within its timeout of 0.2s/);
    expect(journal.run[1]?.status).toBe('succeeded');
  });

  it('--max-duration interrupts, reverts and records what it cut short', async () => {
    const world = createWorld();
    const journal = await run(
      world,
      { title: 'too long', method: [action('inject', 'inject_fault', { fault: 'f', duration: 30 })] },
      { maxDuration: 0.3 },
    );
    expect(journal.status).toBe('interrupted');
    expect(world.faults.size).toBe(0);
    expect(journal.faultline.interruption).toMatchObject({
      by: 'max-duration',
      reason: 'maximum duration of 0.3s reached',
      cut_short: ['inject'],
    });
  });
});

describe('validation of safeguards', () => {
  it('reports a malformed safeguard with its path, as the runner would refuse it', async () => {
    const { validateExperiment } = await import('../validation/validate-experiment.js');
    const result = await validateExperiment({
      title: 't',
      method: [{ type: 'action', name: 'a', provider: { type: 'http', url: 'http://127.0.0.1:9' } }],
      controls: [
        safeguardsControl([{ name: 'no-tolerance', type: 'probe', provider: { type: 'http', url: 'http://x' } }]),
      ],
    });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({
        path: ['controls', 0, 'provider', 'arguments', 'probes'],
        message: expect.stringMatching(/needs a tolerance/),
      }),
    ]);
  });
});
