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
}
