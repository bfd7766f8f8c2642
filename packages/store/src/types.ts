import type { Journal } from '@faultline/core';
import type { FaultImpact, Outcome } from '@faultline/report';

export type { Outcome };

/** How a run reached the store. */
export type RunOrigin = 'run' | 'import' | 'recheck' | 'gameday';

export interface RecordRunInput {
  journal: Journal;
  /** The exit code the run ended with (docs/exit-codes.md); derived from the journal when absent. */
  exitCode?: number;
  /** Who ran it (default: the OS user) and where (default: the host name). */
  who?: string | null;
  where?: string | null;
  origin?: RunOrigin;
  /** The experiment file or URL the run was started from (recheck runs it again). */
  source?: string;
}

/** One run as listed: everything but the journal. */
export interface RunRecord {
  id: string;
  experimentId: string;
  title: string;
  tags: string[];
  status: Journal['status'];
  outcome: Outcome;
  deviated: boolean;
  startedAt: string;
  endedAt: string | null;
  durationSeconds: number | null;
  exitCode: number | null;
  /** Share of hypothesis samples that held while the method ran (continuous runs only). */
  heldRatio: number | null;
  /** Worst (longest) time to impact / to recover over the run's faults, in seconds. */
  timeToImpactSeconds: number | null;
  timeToRecoverSeconds: number | null;
  who: string | null;
  where: string | null;
  origin: RunOrigin;
  source: string | null;
  recordedAt: string;
}

export interface RunSummaryRecord {
  /** The one-sentence verdict (report's wording). */
  verdict: string;
  /** What went wrong, per activity. */
  errors: Array<{ phase: string; activity: string; message: string }>;
  /** Per-fault impact and recovery. */
  faults: FaultImpact[];
  samples: { total: number; held: number; failed: number };
}

/** One run with its summary and its journal. */
export interface RunDetail extends RunRecord {
  summary: RunSummaryRecord;
  journal: Journal;
}

export interface RunFilter {
  /** Experiment id (or unique id prefix). */
  experiment?: string;
  tag?: string;
  /** Outcomes to keep (held, deviated, failed, interrupted, aborted, untried, unfinished). */
  outcome?: Outcome | Outcome[];
  /** ISO times (inclusive since, exclusive until) on the run's start. */
  since?: string;
  until?: string;
  /** Page size (default 50, at most 1000). */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export interface RunPage {
  runs: RunRecord[];
  /** Pass as `cursor` for the next (older) page; absent on the last page. */
  nextCursor?: string;
}

export interface ExperimentRecord {
  id: string;
  title: string;
  tags: string[];
  source: string | null;
  firstRunAt: string;
  lastRunAt: string;
  runs: number;
  lastOutcome: Outcome | null;
}

export const findingStates = ['open', 'fixed', 'verified', 'regressed'] as const;
export type FindingState = (typeof findingStates)[number];

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

export interface Finding {
  id: number;
  experimentId: string;
  title: string;
  state: FindingState;
  severity: Severity;
  /** True while a person has not reviewed a finding the store proposed from a deviated run. */
  proposed: boolean;
  owner: string | null;
  fixLink: string | null;
  description: string | null;
  /** The fault (activity) that was in place when the system deviated, if known. */
  fault: string | null;
  impact: FaultImpact | null;
  /** The run that first evidenced it. */
  runId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FindingEvent {
  at: string;
  from: FindingState | null;
  to: FindingState;
  runId: string | null;
  note: string | null;
}

export interface FindingDetail extends Finding {
  events: FindingEvent[];
}

export interface NewFinding {
  experimentId: string;
  title: string;
  severity?: Severity;
  owner?: string;
  fixLink?: string;
  description?: string;
  fault?: string;
  runId?: string;
}

export interface FindingUpdate {
  title?: string;
  severity?: Severity;
  owner?: string | null;
  fixLink?: string | null;
  description?: string | null;
  state?: FindingState;
  note?: string;
}

export interface FindingFilter {
  state?: FindingState | FindingState[];
  experiment?: string;
  tag?: string;
}

export interface FindingTransition {
  finding: Finding;
  from: FindingState | null;
  to: FindingState;
}

export interface RecordResult {
  run: RunRecord;
  /** False when the store already had this run (same run id): nothing changed. */
  added: boolean;
  /** State changes the run caused (fixed → verified, fixed/verified → regressed). */
  transitions: FindingTransition[];
  /** The finding proposed for a deviated run with no open finding, if any. */
  proposed?: Finding;
}

export interface TrendPoint {
  runId: string;
  startedAt: string;
  outcome: Outcome;
  heldRatio: number | null;
  timeToImpactSeconds: number | null;
  timeToRecoverSeconds: number | null;
  durationSeconds: number | null;
}

export interface Trend {
  /** Experiment id, or `tag:<name>`. */
  scope: string;
  title: string;
  /** Oldest first. */
  points: TrendPoint[];
  runs: number;
  /** Held / (held + deviated); null with no decisive run. */
  passRate: number | null;
  medianTimeToImpactSeconds: number | null;
  medianTimeToRecoverSeconds: number | null;
  score: ResilienceScore;
}

export interface ResilienceScore {
  /** 0..100, or null with no decisive run. */
  value: number | null;
  /** Recency-weighted held share of the decisive runs considered (0..1). */
  heldShare: number | null;
  /** Multiplier from open and regressed findings (0..1). */
  findingsFactor: number;
  decisiveRuns: number;
  openFindings: number;
}

export interface PruneResult {
  deleted: number;
  /** Runs older than the cut-off kept because they evidence a finding. */
  keptAsEvidence: number;
}

export interface ImportResult {
  added: number;
  skipped: number;
  failed: Array<{ path: string; error: string }>;
}
