import { parseDuration } from '@faultline/core';
import { insideWindow } from './check-window.js';
import type { PlanEvent, PlanStatus, StepResult } from './notify-webhooks.js';
import type { ExperimentStep, Plan } from './plan-schema.js';

/** One experiment run: a step, or one value of a progressive step. */
export interface StepRun {
  label: string;
  step: ExperimentStep;
  vars: Record<string, unknown>;
}

export interface RunPlanOptions {
  plan: Plan;
  gameday: string;
  runStep: (run: StepRun, signal: AbortSignal) => Promise<StepResult>;
  notify: (event: PlanEvent) => Promise<void>;
  signal: AbortSignal;
  now?: () => Date;
  /** Asked before and after each step: true stops the plan (`faultline stop` stopped a step). */
  shouldStop?: () => boolean | Promise<boolean>;
  /** How often the window is checked while steps run (default 1 s). */
  windowCheckMs?: number;
}

export interface PlanResult {
  status: PlanStatus;
  steps: StepResult[];
}

/** The runs of a step: one, or one per value of its progressive variable, in order. */
export function stepRuns(step: ExperimentStep): StepRun[] {
  if (!step.progressive) return [{ label: step.name, step, vars: { ...step.vars } }];
  const { var: name, values } = step.progressive;
  return values.map((value) => ({
    label: `${step.name} (${name}=${value})`,
    step,
    vars: { ...step.vars, [name]: value },
  }));
}

const tripped = (result: StepResult, run: StepRun) =>
  run.step.gate === 'stop' && (result.status !== 'completed' || result.deviated);

/**
 * Run a plan: steps in order, a group's members at the same time, each progressive value after
 * the other. Before each step the window, an interruption and the stop check are looked at; after
 * it, its gate. While steps run, the window (checked every second) and `max_duration` bound them. The runner reverts its own faults (runExperiment), so stopping here only means
 * starting nothing more.
 */
export async function runPlan(options: RunPlanOptions): Promise<PlanResult> {
  const now = options.now ?? (() => new Date());
  const steps: StepResult[] = [];
  // `event` first: what a receiver (or a person reading its log) looks at to tell events apart.
  const event = ({ event, ...fields }: Omit<PlanEvent, 'gameday' | 'plan' | 'at'>): PlanEvent => ({
    event,
    gameday: options.gameday,
    plan: options.plan.title,
    at: now().toISOString(),
    ...fields,
  });
  let status: PlanStatus = 'completed';
  // The window and the deadline bound the whole plan, not only when a step starts: when either
  // runs out, the running steps are interrupted (each reverts its own faults) and none starts.
  const bound = new AbortController();
  const end = (why: 'outside-window' | 'deadline', reason: string) => {
    if (bound.signal.aborted) return;
    if (status === 'completed') status = why;
    bound.abort(reason);
  };
  const window = options.plan.window;
  const windowCheck = window
    ? setInterval(() => {
        if (!insideWindow(window, now()))
          end('outside-window', `the game day's window (${window.start}-${window.end} ${window.timeZone}) closed`);
      }, options.windowCheckMs ?? 1000)
    : undefined;
  const maxSeconds =
    options.plan.max_duration === undefined ? undefined : parseDuration(options.plan.max_duration, 'max_duration');
  const deadline =
    maxSeconds === undefined
      ? undefined
      : setTimeout(() => end('deadline', `the game day's deadline of ${maxSeconds}s passed`), maxSeconds * 1000);
  const signal = AbortSignal.any([options.signal, bound.signal]);
  const mayStart = async (): Promise<boolean> => {
    if (status !== 'completed') return false;
    if (options.signal.aborted || (await options.shouldStop?.())) status = 'interrupted';
    else if (window && !insideWindow(window, now())) status = 'outside-window';
    return status === 'completed';
  };
  /** Runs of one member in order; false when a gate tripped. */
  const runSequence = async (runs: StepRun[]): Promise<boolean> => {
    for (const run of runs) {
      if (!(await mayStart())) return false;
      const result = await options.runStep(run, signal);
      steps.push(result);
      await options.notify(event({ event: 'step-finished', step: result }));
      if (status === 'completed' && (options.signal.aborted || (await options.shouldStop?.()))) status = 'interrupted';
      if (status !== 'completed') return false;
      if (tripped(result, run)) {
        status = 'stopped-at-gate';
        return false;
      }
    }
    return true;
  };

  await options.notify(event({ event: 'plan-started' }));
  try {
    for (const step of options.plan.steps) {
      const members = 'parallel' in step ? step.parallel : [step];
      const outcomes = await Promise.all(members.map((member) => runSequence(stepRuns(member))));
      if (!outcomes.every(Boolean) || status !== 'completed') break;
    }
  } finally {
    clearInterval(windowCheck);
    clearTimeout(deadline);
  }
  await options.notify(event({ event: 'plan-finished', status, steps }));
  return { status, steps };
}
