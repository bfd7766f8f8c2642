import type { SqlDriver, SqlValue } from './driver/sql-driver.js';
import { listFindings } from './findings.js';
import { resolveRef } from './resolve-ref.js';
import { resilienceScore } from './resilience-score.js';
import type { Outcome, Trend, TrendPoint } from './types.js';

interface PointRow {
  id: string;
  started_at: string;
  outcome: Outcome;
  held_ratio: number | null;
  time_to_impact_seconds: number | null;
  time_to_recover_seconds: number | null;
  duration_seconds: number | null;
}

const median = (values: Array<number | null>): number | null => {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (!known.length) return null;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
};

/**
 * Pass rate, time to impact and time to recover over the last `limit` runs (default 1000) of an
 * experiment (`{ experiment }`, id, prefix or title) or of every experiment with a tag (`{ tag }`),
 * plus the resilience score.
 */
export async function trend(
  db: SqlDriver,
  scope: { experiment: string } | { tag: string },
  options: { limit?: number; since?: string } = {},
): Promise<Trend> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 1000), 1), 100_000);
  const params: SqlValue[] = [];
  let where: string;
  let title: string;
  let id: string;
  if ('experiment' in scope) {
    id = await resolveRef(db, 'experiment', scope.experiment);
    where = 'experiment_id = ?';
    params.push(id);
    title = (await db.all<{ title: string }>('select title from experiments where id = ?', [id]))[0]!.title;
  } else {
    id = `tag:${scope.tag}`;
    title = `tag ${scope.tag}`;
    where = 'id in (select run_id from run_tags where tag = ?)';
    params.push(scope.tag);
  }
  if (options.since) {
    where += ' and started_at >= ?';
    params.push(options.since);
  }
  const rows = await db.all<PointRow>(
    `select id, started_at, outcome, held_ratio, time_to_impact_seconds, time_to_recover_seconds, duration_seconds
     from runs where ${where} order by started_at desc, id desc limit ?`,
    [...params, limit],
  );
  const points: TrendPoint[] = rows.reverse().map((r) => ({
    runId: r.id,
    startedAt: r.started_at,
    outcome: r.outcome,
    heldRatio: r.held_ratio,
    timeToImpactSeconds: r.time_to_impact_seconds,
    timeToRecoverSeconds: r.time_to_recover_seconds,
    durationSeconds: r.duration_seconds,
  }));
  const held = points.filter((p) => p.outcome === 'held').length;
  const decisive = held + points.filter((p) => p.outcome === 'deviated').length;
  const findings = await listFindings(db, 'experiment' in scope ? { experiment: id } : { tag: scope.tag });
  return {
    scope: id,
    title,
    points,
    runs: points.length,
    passRate: decisive ? held / decisive : null,
    medianTimeToImpactSeconds: median(points.map((p) => p.timeToImpactSeconds)),
    medianTimeToRecoverSeconds: median(points.map((p) => p.timeToRecoverSeconds)),
    score: resilienceScore(points.map((p) => p.outcome).reverse(), findings),
  };
}
