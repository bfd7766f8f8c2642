import type { Activity, Experiment } from '../model/experiment.js';
import type { PendingRevert } from '../revert/revert-spec.js';

/** Status of one activity run, as Chaos Toolkit writes it. */
export type RunStatus = 'succeeded' | 'failed' | 'skipped';

/** One entry of `run`, `rollbacks` or a hypothesis' `probes`. */
export interface RunEntry {
  activity: Activity;
  output?: unknown;
  /** ISO-8601 UTC. */
  start: string;
  /**
   * Absent on the activity an interruption cut short (Ctrl-C, SIGTERM, --max-duration, a control):
   * Chaos Toolkit journals that one with `output: null`, its times and no status.
   */
  status?: RunStatus;
  /** Chaos Toolkit stores the formatted traceback lines; we store message lines (Python: its traceback). */
  exception?: string[];
  end: string;
  /** Seconds. */
  duration: number;
  /** Only in hypothesis probes. */
  tolerance_met?: boolean;
  /** Faultline: why the tolerance failed, when it did. */
  tolerance_reason?: string;
}

export interface SteadyStateResult {
  steady_state_met: boolean;
  probes: RunEntry[];
  /** Faultline: ISO time the hypothesis was evaluated (useful for continuous samples). */
  start?: string;
  end?: string;
}

export type JournalStatus = 'running' | 'completed' | 'failed' | 'aborted' | 'interrupted';

/** Faultline's own additions, kept under one key so the Chaos Toolkit layout stays intact. */
/** A pause as it happened (Chaos Toolkit journals only say what was declared). */
export interface PauseRecord {
  activity: string;
  when: 'before' | 'after';
  /** Seconds declared. */
  seconds: number;
  start: string;
  end: string;
  /** True when the pause was cut short by an interruption. */
  interrupted?: boolean;
}

export interface FaultlineJournalExtras {
  run_id: string;
  /** Pauses that were actually taken (skipped ones under --dry are absent). */
  pauses?: PauseRecord[];
  /** Reverts registered by method activities, with what became of them. */
  reverts: PendingRevert[];
  /** Settings that shaped the run: strategies, dry mode, safety. */
  settings?: Record<string, unknown>;
  /** Free-form per-driver notes (e.g. Kubernetes safety decisions, impact/recovery summary). */
  [key: string]: unknown;
}

/**
 * The run journal. Keys and their order follow Chaos Toolkit's so existing tooling reads it.
 */
export interface Journal {
  'chaoslib-version': string;
  'faultline-version': string;
  platform: string;
  node: string;
  experiment: Experiment;
  start: string;
  status: JournalStatus;
  deviated: boolean;
  steady_states: {
    before: SteadyStateResult | null;
    after: SteadyStateResult | null;
    during: SteadyStateResult[];
  };
  run: RunEntry[];
  rollbacks: RunEntry[];
  end?: string;
  /** Seconds. */
  duration?: number;
  faultline: FaultlineJournalExtras;
}
