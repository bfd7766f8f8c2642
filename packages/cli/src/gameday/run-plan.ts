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
 * it, its gate. The runner reverts its own faults (runExperiment), so stopping here only means
 * starting nothing more.
 */
export async function runPlan(options: RunPlanOptions): Promise<PlanResult> {
  const now = options.now ?? (() => new Date());
  const steps: StepResult[] = [];
  const event = (fields: Omit<PlanEvent, 'gameday' | 'plan' | 'at'>): PlanEvent => ({
    gameday: options.gameday,
    plan: options.plan.title,
    at: now().toISOString(),
    ...fields,
  });
  let status: PlanStatus = 'completed';
  const mayStart = async (): Promise<boolean> => {
    if (options.signal.aborted || (await options.shouldStop?.())) status = 'interrupted';
    else if (options.plan.window && !insideWindow(options.plan.window, now())) status = 'outside-window';
    return status === 'completed';
  };
  /** Runs of one member in order; false when a gate tripped. */
  const runSequence = async (runs: StepRun[]): Promise<boolean> => {
    for (const run of runs) {
      if (!(await mayStart())) return false;
      const result = await options.runStep(run, options.signal);
      steps.push(result);
      await options.notify(event({ event: 'step-finished', step: result }));
      if (options.signal.aborted || (await options.shouldStop?.())) status = 'interrupted';
      if (status !== 'completed') return false;
      if (tripped(result, run)) {
        status = 'stopped-at-gate';
        return false;
      }
    }
    return true;
  };

  await options.notify(event({ event: 'plan-started' }));
  for (const step of options.plan.steps) {
    const members = 'parallel' in step ? step.parallel : [step];
    const outcomes = await Promise.all(members.map((member) => runSequence(stepRuns(member))));
    if (!outcomes.every(Boolean) || status !== 'completed') break;
  }
  await options.notify(event({ event: 'plan-finished', status, steps }));
  return { status, steps };
}
