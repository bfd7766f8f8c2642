import { describe, expect, it } from 'vitest';
import type { PlanEvent, StepResult } from './notify-webhooks.js';
import { planSchema } from './plan-schema.js';
import { runPlan, type StepRun } from './run-plan.js';

/** A step that holds until its signal aborts (as a run does when interrupted), then says so. */
function holdingSteps() {
  const started: string[] = [];
  const runStep = async (run: StepRun, signal: AbortSignal): Promise<StepResult> => {
    started.push(run.label);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 30_000);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
    return { step: run.label, status: signal.aborted ? 'interrupted' : 'completed', deviated: false, vars: run.vars };
  };
  return { started, runStep };
}

const plan = (extra: Record<string, unknown>) =>
  planSchema.parse({
    title: 'bounded',
    steps: [
      { name: 'first', experiment: 'a.yaml' },
      {
        name: 'group',
        parallel: [
          { name: 'second', experiment: 'b.yaml' },
          { name: 'third', experiment: 'c.yaml' },
        ],
      },
    ],
    ...extra,
  });

describe('the window and the deadline bound the whole plan', () => {
  it('a plan that outlives its window interrupts the running step and starts no other', async () => {
    let clock = new Date('2026-12-04T10:00:00Z');
    const { started, runStep } = holdingSteps();
    const events: PlanEvent[] = [];
    const running = runPlan({
      plan: plan({ window: { start: '09:00', end: '11:00', timeZone: 'UTC' } }),
      gameday: 'g',
      runStep,
      notify: async (event) => void events.push(event),
      signal: new AbortController().signal,
      now: () => clock,
      windowCheckMs: 20,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(started).toEqual(['first']);
    clock = new Date('2026-12-04T11:00:00Z'); // the window closes while "first" runs
    const result = await running;
    expect(result.status).toBe('outside-window');
    expect(result.steps).toEqual([expect.objectContaining({ step: 'first', status: 'interrupted' })]);
    expect(started).toEqual(['first']);
    expect(events.map((e) => e.event)).toEqual(['plan-started', 'step-finished', 'plan-finished']);
    expect(events.at(-1)?.status).toBe('outside-window');
  });

  it('max_duration is the deadline of the whole plan: every running step is interrupted when it passes', async () => {
    const { started, runStep } = holdingSteps();
    const quick = async (run: StepRun, signal: AbortSignal): Promise<StepResult> =>
      run.label === 'first' ? { step: 'first', status: 'completed', deviated: false, vars: {} } : runStep(run, signal);
    const begun = Date.now();
    const result = await runPlan({
      plan: plan({ max_duration: '0.3s' }),
      gameday: 'g',
      runStep: quick,
      notify: async () => {},
      signal: new AbortController().signal,
    });
    expect(result.status).toBe('deadline');
    expect(started.sort()).toEqual(['second', 'third']);
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([
      ['first', 'completed'],
      expect.arrayContaining([expect.any(String), 'interrupted']),
      expect.arrayContaining([expect.any(String), 'interrupted']),
    ]);
    expect(Date.now() - begun).toBeLessThan(20_000);
  });
});
