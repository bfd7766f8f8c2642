import {
  UsageError,
  type Activity,
  type Experiment,
  type Journal,
  type JournalStatus,
  type PendingRevert,
  type RunEntry,
  type SteadyStateResult,
} from '@faultline/core';
import { toMs } from '../util/time.js';

const statuses: readonly JournalStatus[] = ['running', 'completed', 'failed', 'aborted', 'interrupted'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/** Canonical ISO-8601 UTC with milliseconds, or '' when the value is not a time. */
function isoOrEmpty(value: unknown): string {
  const ms = toMs(value);
  return ms === undefined ? '' : new Date(ms).toISOString();
}

function normalizeActivity(value: unknown): Activity {
  if (isObject(value) && typeof value.name === 'string') return value as unknown as Activity;
  return { type: 'action', name: '(unnamed activity)', provider: { type: 'python', module: '', func: '' } };
}

function normalizeEntry(value: unknown): RunEntry | undefined {
  if (!isObject(value)) return undefined;
  const start = isoOrEmpty(value.start);
  const endIso = isoOrEmpty(value.end);
  const exception = Array.isArray(value.exception)
    ? value.exception.map(String)
    : typeof value.exception === 'string'
      ? [value.exception]
      : undefined;
  const startMs = toMs(start);
  const endMs = toMs(endIso);
  const duration =
    typeof value.duration === 'number'
      ? value.duration
      : startMs !== undefined && endMs !== undefined
        ? (endMs - startMs) / 1000
        : 0;
  // Chaos Toolkit leaves `status` out when an activity was cut short by something other than
  // ActivityFailed (an interruption): it did not succeed.
  const status =
    value.status === 'succeeded' || value.status === 'failed' || value.status === 'skipped' ? value.status : 'failed';
  const entry: RunEntry = {
    activity: normalizeActivity(value.activity),
    output: value.output ?? null,
    start,
    status,
    end: endIso || start,
    duration,
  };
  if (exception) entry.exception = exception;
  if (typeof value.tolerance_met === 'boolean') entry.tolerance_met = value.tolerance_met;
  if (typeof value.tolerance_reason === 'string') entry.tolerance_reason = value.tolerance_reason;
  return entry;
}

function entries(value: unknown): RunEntry[] {
  return Array.isArray(value) ? value.map(normalizeEntry).filter((e): e is RunEntry => e !== undefined) : [];
}

function normalizeState(value: unknown): SteadyStateResult | null {
  if (!isObject(value)) return null;
  const probes = entries(value.probes);
  const state: SteadyStateResult = { steady_state_met: value.steady_state_met === true, probes };
  const start = isoOrEmpty(value.start) || probes[0]?.start || '';
  const end = isoOrEmpty(value.end) || probes[probes.length - 1]?.end || '';
  if (start) state.start = start;
  if (end) state.end = end;
  return state;
}

function normalizeRevert(value: unknown): PendingRevert | undefined {
  if (!isObject(value)) return undefined;
  const status =
    value.status === 'reverted' || value.status === 'failed' || value.status === 'done-by-activity'
      ? value.status
      : 'pending';
  const revert: PendingRevert = {
    id: str(value.id),
    activity: str(value.activity),
    title: str(value.title, str(value.func)),
    driver: str(value.driver),
    func: str(value.func),
    arguments: isObject(value.arguments) ? value.arguments : {},
    registered: isoOrEmpty(value.registered),
    status,
  };
  const reverted = isoOrEmpty(value.reverted);
  if (reverted) revert.reverted = reverted;
  if (typeof value.error === 'string') revert.error = value.error;
  return revert;
}

/**
 * Reads any journal, Faultline's or Chaos Toolkit's (no `faultline` key, traceback line arrays,
 * fields missing when a run was cut short), into the full `Journal` shape the renderers rely on.
 * Idempotent, so every render function can call it on whatever it is given.
 */
export function normalizeJournal(raw: unknown, source = 'journal'): Journal {
  if (!isObject(raw) || !isObject(raw.experiment)) {
    throw new UsageError(`${source} is not a run journal: it has no "experiment" object`, {
      code: 'E_REPORT_NOT_A_JOURNAL',
      hint: 'pass the file written by `faultline run --journal-path=...` or `chaos run`',
    });
  }
  const experiment = { ...raw.experiment } as Experiment;
  if (typeof experiment.title !== 'string' || experiment.title === '') experiment.title = '(untitled experiment)';
  // The declaration is read as well as the run: lists of activities hold objects, or nothing.
  experiment.method = activityList(experiment.method);
  if (experiment.rollbacks !== undefined) experiment.rollbacks = activityList(experiment.rollbacks);
  const hypothesis = experiment['steady-state-hypothesis'];
  if (hypothesis !== undefined)
    experiment['steady-state-hypothesis'] = isObject(hypothesis)
      ? ({ ...hypothesis, probes: activityList(hypothesis.probes) } as Experiment['steady-state-hypothesis'])
      : undefined;
  const states = isObject(raw.steady_states) ? raw.steady_states : {};
  const extras = isObject(raw.faultline) ? raw.faultline : undefined;
  const run = entries(raw.run);
  const rollbacks = entries(raw.rollbacks);
  const start = isoOrEmpty(raw.start) || run[0]?.start || '';
  const end = isoOrEmpty(raw.end);
  const startMs = toMs(start);
  const endMs = toMs(end);
  const journal: Journal = {
    'chaoslib-version': str(raw['chaoslib-version']),
    'faultline-version': str(raw['faultline-version']),
    platform: str(raw.platform),
    node: str(raw.node),
    experiment,
    start,
    status: statuses.includes(raw.status as JournalStatus) ? (raw.status as JournalStatus) : 'running',
    deviated: raw.deviated === true,
    steady_states: {
      before: normalizeState(states.before),
      after: normalizeState(states.after),
      during: Array.isArray(states.during)
        ? states.during.map(normalizeState).filter((s): s is SteadyStateResult => s !== null)
        : [],
    },
    run,
    rollbacks,
    faultline: {
      ...(extras ?? {}),
      run_id: str(extras?.run_id),
      reverts: Array.isArray(extras?.reverts)
        ? extras.reverts.map(normalizeRevert).filter((r): r is PendingRevert => r !== undefined)
        : [],
    },
  };
  if (end) journal.end = end;
  if (typeof raw.duration === 'number') journal.duration = raw.duration;
  else if (startMs !== undefined && endMs !== undefined) journal.duration = (endMs - startMs) / 1000;
  return journal;
}

/** Who wrote the journal: Faultline adds `faultline-version`, Chaos Toolkit does not. */
export function journalOrigin(journal: Journal): 'faultline' | 'chaostoolkit' {
  return journal['faultline-version'] ? 'faultline' : 'chaostoolkit';
}

/** A declared list of activities with anything that is not an object dropped. */
function activityList<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value.filter(isObject) as T[]) : [];
}
