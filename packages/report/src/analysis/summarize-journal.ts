import type { Journal, RunEntry, Tolerance } from '@faultline/core';
import { journalOrigin } from '../journal/normalize-journal.js';
import { computeImpact, type ImpactSummary } from './compute-impact.js';
import { describeTolerance } from './probe-value.js';
import { firstErrorLine, verdictOf, type Outcome } from './verdict.js';

export type ProbeCheck = 'held' | 'failed' | 'not-run';

export interface ProbeSummary {
  name: string;
  tolerance: string;
  before: ProbeCheck;
  after: ProbeCheck;
  /** Samples taken while the method ran. */
  during: { held: number; total: number };
}

export interface ErrorSummary {
  phase: 'hypothesis-before' | 'hypothesis-during' | 'hypothesis-after' | 'method' | 'rollback' | 'revert';
  activity: string;
  message: string;
  /** Every line of the recorded exception (Python traceback lines for Chaos Toolkit). */
  detail: string[];
}

export interface RunSummary {
  title: string;
  runId: string;
  writtenBy: 'faultline' | 'chaostoolkit';
  status: Journal['status'];
  outcome: Outcome;
  deviated: boolean;
  verdict: string;
  start: string;
  end: string | null;
  durationSeconds: number | null;
  hypothesis: { title: string | null; probes: ProbeSummary[] };
  method: { activities: number; failed: number };
  rollbacks: { activities: number; failed: number };
  reverts: Array<{ title: string; activity: string; status: string; error?: string }>;
  faultsLeftBehind: string[];
  impact: ImpactSummary;
  errors: ErrorSummary[];
  versions: { faultline: string | null; chaoslib: string | null; platform: string; node: string };
}

const probeName = (probe: unknown): string | undefined =>
  typeof probe === 'object' && probe !== null && 'name' in probe && typeof probe.name === 'string'
    ? probe.name
    : typeof probe === 'object' && probe !== null && 'ref' in probe && typeof probe.ref === 'string'
      ? probe.ref
      : undefined;

function check(state: Journal['steady_states']['before'], name: string): ProbeCheck {
  const entry = state?.probes.find((p) => p.activity.name === name);
  if (!entry) return 'not-run';
  return entry.status === 'succeeded' && entry.tolerance_met !== false ? 'held' : 'failed';
}

function errorOf(phase: ErrorSummary['phase'], entry: RunEntry): ErrorSummary | undefined {
  const message =
    entry.status === 'failed'
      ? (firstErrorLine(entry) ?? entry.tolerance_reason ?? 'failed without a message')
      : entry.tolerance_met === false
        ? (entry.tolerance_reason ?? 'outside its tolerance')
        : undefined;
  if (!message) return undefined;
  return {
    phase,
    activity: entry.activity.name,
    message,
    detail: (entry.exception ?? []).flatMap((l) => l.replace(/\n$/, '').split('\n')),
  };
}

/** What a script or a later run needs to know about one journal. */
export function summarizeJournal(journal: Journal): RunSummary {
  const impact = computeImpact(journal);
  const verdict = verdictOf(journal, impact);
  const ssh = journal.experiment['steady-state-hypothesis'];
  const declared = (ssh?.probes ?? []).map(probeName).filter((n): n is string => n !== undefined);
  const seen = new Set(declared);
  for (const state of [journal.steady_states.before, journal.steady_states.after, ...journal.steady_states.during]) {
    for (const probe of state?.probes ?? []) seen.add(probe.activity.name);
  }
  const toleranceOf = (name: string): Tolerance | undefined => {
    const declaredProbe = ssh?.probes?.find((p) => probeName(p) === name);
    return declaredProbe && 'tolerance' in declaredProbe ? declaredProbe.tolerance : undefined;
  };
  const probes = [...seen].map((name): ProbeSummary => {
    let held = 0;
    let total = 0;
    for (const state of journal.steady_states.during) {
      const entry = state.probes.find((p) => p.activity.name === name);
      if (!entry) continue;
      total += 1;
      if (entry.status === 'succeeded' && entry.tolerance_met !== false) held += 1;
    }
    return {
      name,
      tolerance: describeTolerance(toleranceOf(name)),
      before: check(journal.steady_states.before, name),
      after: check(journal.steady_states.after, name),
      during: { held, total },
    };
  });
  const errors: ErrorSummary[] = [];
  const push = (phase: ErrorSummary['phase'], list: RunEntry[]): void => {
    for (const entry of list) {
      const error = errorOf(phase, entry);
      if (error) errors.push(error);
    }
  };
  push('hypothesis-before', journal.steady_states.before?.probes ?? []);
  // one line per failing during-probe, not one per sample: a 1-hour run would drown the rest
  const duringErrors = new Map<string, { error: ErrorSummary; count: number }>();
  for (const state of journal.steady_states.during) {
    for (const entry of state.probes) {
      const error = errorOf('hypothesis-during', entry);
      if (!error) continue;
      const known = duringErrors.get(entry.activity.name);
      if (known) known.count += 1;
      else duringErrors.set(entry.activity.name, { error, count: 1 });
    }
  }
  for (const { error, count } of duringErrors.values()) {
    errors.push(
      count > 1
        ? { ...error, message: `${error.message} (and ${count - 1} more sample${count > 2 ? 's' : ''})` }
        : error,
    );
  }
  push('method', journal.run);
  push('hypothesis-after', journal.steady_states.after?.probes ?? []);
  push('rollback', journal.rollbacks);
  for (const revert of journal.faultline.reverts) {
    if (revert.status === 'failed')
      errors.push({
        phase: 'revert',
        activity: revert.activity,
        message: `${revert.title}: ${revert.error ?? 'revert failed'}`,
        detail: [],
      });
  }
  return {
    title: journal.experiment.title,
    runId: journal.faultline.run_id,
    writtenBy: journalOrigin(journal),
    status: journal.status,
    outcome: verdict.outcome,
    deviated: journal.deviated,
    verdict: verdict.sentence,
    start: journal.start,
    end: journal.end ?? null,
    durationSeconds: journal.duration ?? null,
    hypothesis: { title: ssh?.title ?? null, probes },
    method: { activities: journal.run.length, failed: journal.run.filter((e) => e.status === 'failed').length },
    rollbacks: {
      activities: journal.rollbacks.length,
      failed: journal.rollbacks.filter((e) => e.status === 'failed').length,
    },
    reverts: journal.faultline.reverts.map((r) => ({
      title: r.title,
      activity: r.activity,
      status: r.status,
      ...(r.error ? { error: r.error } : {}),
    })),
    faultsLeftBehind: verdict.leftBehind,
    impact,
    errors,
    versions: {
      faultline: journal['faultline-version'] || null,
      chaoslib: journal['chaoslib-version'] || null,
      platform: journal.platform,
      node: journal.node,
    },
  };
}
