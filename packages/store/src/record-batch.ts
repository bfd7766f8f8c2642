import type { SqlDriver, SqlValue } from './driver/sql-driver.js';
import { runColumns, runToRow } from './rows.js';
import { runRecordOf } from './run-record.js';
import type { RecordRunInput, RunRecord } from './types.js';

const rowsOf = (width: number, count: number) =>
  Array.from({ length: count }, () => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ');

/** Newest-run-wins merge of experiments, as recordRun's upsert does one at a time. */
export const experimentUpsert = `on conflict (id) do update set
  title = case when excluded.last_run_at >= experiments.last_run_at then excluded.title else experiments.title end,
  tags = case when excluded.last_run_at >= experiments.last_run_at then excluded.tags else experiments.tags end,
  source = case when excluded.last_run_at >= experiments.last_run_at and excluded.source is not null then excluded.source else experiments.source end,
  first_run_at = case when excluded.first_run_at < experiments.first_run_at then excluded.first_run_at else experiments.first_run_at end,
  last_run_at = case when excluded.last_run_at > experiments.last_run_at then excluded.last_run_at else experiments.last_run_at end`;

/**
 * Records many runs with a handful of multi-row statements (history only: findings do not move).
 * An import of thousands of journals then costs a few round trips per batch instead of five per
 * journal, which is what makes it fast on PostgreSQL. Returns the ids that were new.
 */
export async function recordBatch(tx: SqlDriver, inputs: readonly RecordRunInput[]): Promise<Set<string>> {
  const byId = new Map<string, { run: RunRecord; summary: string; journal: string }>();
  for (const input of inputs) {
    const { record, summary } = runRecordOf(input);
    if (!byId.has(record.id))
      byId.set(record.id, { run: record, summary: JSON.stringify(summary), journal: JSON.stringify(input.journal) });
  }
  const entries = [...byId.values()];
  if (!entries.length) return new Set();

  const experiments = new Map<string, { newest: RunRecord; first: string; last: string }>();
  for (const { run } of entries) {
    const seen = experiments.get(run.experimentId);
    if (!seen) experiments.set(run.experimentId, { newest: run, first: run.startedAt, last: run.startedAt });
    else {
      if (run.startedAt >= seen.last) seen.newest = run;
      if (run.startedAt < seen.first) seen.first = run.startedAt;
      if (run.startedAt > seen.last) seen.last = run.startedAt;
    }
  }
  await tx.run(
    `insert into experiments (id, title, tags, source, first_run_at, last_run_at) values ${rowsOf(6, experiments.size)} ${experimentUpsert}`,
    [...experiments.entries()].flatMap(([id, e]): SqlValue[] => [
      id,
      e.newest.title,
      JSON.stringify(e.newest.tags),
      e.newest.source,
      e.first,
      e.last,
    ]),
  );
  const inserted = await tx.all<{ id: string }>(
    `insert into runs (${runColumns}, summary) values ${rowsOf(20, entries.length)} on conflict (id) do nothing returning id`,
    entries.flatMap(({ run, summary }) => runToRow(run, summary)),
  );
  const added = new Set(inserted.map((r) => r.id));
  const fresh = entries.filter((e) => added.has(e.run.id));
  const tags = fresh.flatMap(({ run }) => run.tags.map((tag): SqlValue[] => [run.id, tag, run.startedAt]));
  if (tags.length)
    await tx.run(`insert into run_tags (run_id, tag, started_at) values ${rowsOf(3, tags.length)}`, tags.flat());
  if (fresh.length)
    await tx.run(
      `insert into run_journals (run_id, journal) values ${rowsOf(2, fresh.length)}`,
      fresh.flatMap((e) => [e.run.id, e.journal]),
    );
  return added;
}
