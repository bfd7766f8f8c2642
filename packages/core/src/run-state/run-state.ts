import type { PendingRevert } from '../revert/revert-spec.js';

/** Where a run is: what `faultline status` shows. */
export type RunPhase =
  'starting' | 'hypothesis-before' | 'method' | 'hypothesis-after' | 'reverting' | 'rollbacks' | 'finishing';

/**
 * The state file of one run (`<runs dir>/<run id>.json`): written when the run starts, kept up to
 * date, removed when it ends. Any process on the machine finds running experiments through it.
 */
export interface RunState {
  run_id: string;
  pid: number;
  /** Start time of the process (Linux clock ticks since boot): tells a live run from a reused pid. */
  pid_start?: string;
  host: string;
  experiment: { title: string; source?: string };
  phase: RunPhase;
  started: string;
  updated: string;
  journal_path?: string;
  /** Faults injected now (reverts still pending), oldest first, each with the time it was registered. */
  faults: PendingRevert[];
  /** The most recent hypothesis samples, oldest first (at most `maxSamples`): what the live page charts. */
  samples?: ProbeSample[];
  /** The experiment's rollbacks, owed since the method started (strategy `always`) until the run plays them. */
  rollbacks?: PendingRollbacks;
}

/**
 * Rollbacks a run owes. Not the rollbacks themselves: a file (state or journal) must never be able
 * to make Faultline run what it names. `faultline stop` loads them again from the experiment file
 * and plays them only when they hash to what the run loaded.
 */
export interface PendingRollbacks {
  /** Absolute path of the experiment file the run loaded. */
  source: string;
  /** SHA-256 of the rollbacks as loaded (rollbacksDigest). */
  sha256: string;
  /** How many there are (shown by `faultline status`). */
  count: number;
  /** Set by `faultline stop` when a rollback failed: what it said. */
  error?: string;
}

/** One hypothesis probe's result, as soon as its tolerance is judged. */
export interface ProbeSample {
  probe: string;
  /** before, during (the continuous hypothesis) or after the method. */
  phase: 'before' | 'during' | 'after';
  /** When the probe ended. */
  at: string;
  /** Its tolerance held (a failed probe did not). */
  ok: boolean;
  /** The probe's output when it is a number (a latency, an error rate). */
  value?: number;
  /** How long the probe took, in milliseconds. */
  ms: number;
}

/** How many samples a state file keeps: enough for a chart, small enough to rewrite every time. */
export const maxSamples = 120;
