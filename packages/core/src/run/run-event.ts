import type { Activity, Experiment } from '../model/experiment.js';
import type { Journal, RunEntry, SteadyStateResult } from '../journal/journal.js';
import type { PendingRevert } from '../revert/revert-spec.js';
import type { SafeguardTrip } from '../safeguard/safeguard-monitor.js';

export type HypothesisPhase = 'before' | 'during' | 'after';
export type ActivityPhase = 'hypothesis' | 'method' | 'rollback' | 'revert';

/** What a run tells its observers (terminal progress, metrics, live journal). */
export type RunEvent =
  | { type: 'run-started'; experiment: Experiment; runId: string; at: string }
  | { type: 'hypothesis-started'; phase: HypothesisPhase; title: string; at: string }
  | { type: 'hypothesis-ended'; phase: HypothesisPhase; result: SteadyStateResult; at: string }
  | { type: 'activity-started'; activity: Activity; phase: ActivityPhase; at: string }
  | { type: 'activity-ended'; activity: Activity; phase: ActivityPhase; entry: RunEntry; at: string }
  | { type: 'pause-started'; activity: Activity; when: 'before' | 'after'; seconds: number; at: string }
  | { type: 'pause-ended'; activity: Activity; when: 'before' | 'after'; at: string }
  | { type: 'fault-registered'; revert: PendingRevert; at: string }
  | { type: 'fault-reverted'; revert: PendingRevert; at: string }
  | {
      type: 'interrupted';
      reason: string;
      at: string;
      /** What stopped the run: a signal, `faultline stop`, --max-duration, a control, a safeguard. */
      by?: 'signal' | 'stop-request' | 'max-duration' | 'control' | 'safeguard';
      /** Set when a safeguard tripped: the run is aborted, not merely interrupted. */
      safeguard?: SafeguardTrip;
    }
  | { type: 'run-ended'; journal: Journal; at: string };

export interface RunObserver {
  onEvent(event: RunEvent): void;
}
