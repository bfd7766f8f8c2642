import type { Finding, FindingEvent, FindingState, RunRecord, Severity } from './types.js';

/** Database rows → public records (the same column names on both backends). */
export interface RunRow {
  id: string;
  experiment_id: string;
  title: string;
  tags: string;
  status: string;
  outcome: string;
  deviated: number | boolean;
  started_at: string;
  ended_at: string | null;
  duration_seconds: number | null;
  exit_code: number | null;
  held_ratio: number | null;
  time_to_impact_seconds: number | null;
  time_to_recover_seconds: number | null;
  recorded_by: string | null;
  recorded_on: string | null;
  origin: string;
  source: string | null;
  recorded_at: string;
}

export const runColumns =
  'id, experiment_id, title, tags, status, outcome, deviated, started_at, ended_at, duration_seconds, exit_code, held_ratio, time_to_impact_seconds, time_to_recover_seconds, recorded_by, recorded_on, origin, source, recorded_at';

export function runFromRow(row: RunRow): RunRecord {
  return {
    id: row.id,
    experimentId: row.experiment_id,
    title: row.title,
    tags: JSON.parse(row.tags) as string[],
    status: row.status as RunRecord['status'],
    outcome: row.outcome as RunRecord['outcome'],
    deviated: Boolean(row.deviated),
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationSeconds: row.duration_seconds,
    exitCode: row.exit_code,
    heldRatio: row.held_ratio,
    timeToImpactSeconds: row.time_to_impact_seconds,
    timeToRecoverSeconds: row.time_to_recover_seconds,
    who: row.recorded_by,
    where: row.recorded_on,
    origin: row.origin as RunRecord['origin'],
    source: row.source,
    recordedAt: row.recorded_at,
  };
}

/** The run's columns, in `runColumns` order. */
export function runToRow(run: RunRecord, summary: string): Array<string | number | null> {
  return [
    run.id,
    run.experimentId,
    run.title,
    JSON.stringify(run.tags),
    run.status,
    run.outcome,
    run.deviated ? 1 : 0,
    run.startedAt,
    run.endedAt,
    run.durationSeconds,
    run.exitCode,
    run.heldRatio,
    run.timeToImpactSeconds,
    run.timeToRecoverSeconds,
    run.who,
    run.where,
    run.origin,
    run.source,
    run.recordedAt,
    summary,
  ];
}

export interface FindingRow {
  id: number;
  experiment_id: string;
  title: string;
  state: string;
  severity: string;
  proposed: number | boolean;
  owner: string | null;
  fix_link: string | null;
  description: string | null;
  fault: string | null;
  impact: string | null;
  run_id: string | null;
  created_at: string;
  updated_at: string;
}

export function findingFromRow(row: FindingRow): Finding {
  return {
    id: Number(row.id),
    experimentId: row.experiment_id,
    title: row.title,
    state: row.state as FindingState,
    severity: row.severity as Severity,
    proposed: Boolean(row.proposed),
    owner: row.owner,
    fixLink: row.fix_link,
    description: row.description,
    fault: row.fault,
    impact: row.impact ? JSON.parse(row.impact) : null,
    runId: row.run_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface FindingEventRow {
  at: string;
  from_state: string | null;
  to_state: string;
  run_id: string | null;
  note: string | null;
}

export function eventFromRow(row: FindingEventRow): FindingEvent {
  return {
    at: row.at,
    from: row.from_state as FindingState | null,
    to: row.to_state as FindingState,
    runId: row.run_id,
    note: row.note,
  };
}
