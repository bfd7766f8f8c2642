import type { Journal } from '@faultline/core';
import type { SqlDriver } from './driver/sql-driver.js';
import { findingFromRow, runColumns, runToRow, type FindingRow } from './rows.js';
import { runRecordOf } from './run-record.js';
import { insertFinding, insertFindingEvent } from './finding-writes.js';
import { experimentUpsert } from './record-batch.js';
import type { Finding, FindingTransition, RecordResult, RecordRunInput, RunRecord, RunSummaryRecord } from './types.js';

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * Records one run in one transaction: the experiment, the run, its tags and journal, and the
 * findings' state changes it causes. Recording the same run id again changes nothing.
 * `findings: false` (imports of old journals) records history without touching findings.
 */
export async function recordRun(
  db: SqlDriver,
  input: RecordRunInput,
  options: { findings?: boolean } = {},
): Promise<RecordResult> {
  const { record: run, summary } = runRecordOf(input);
  return db.transaction(async (tx) => {
    const experiment = [
      run.experimentId,
      run.title,
      JSON.stringify(run.tags),
      run.source,
      run.startedAt,
      run.startedAt,
    ];
    await tx.run(
      `insert into experiments (id, title, tags, source, first_run_at, last_run_at) values (?, ?, ?, ?, ?, ?) ${experimentUpsert}`,
      experiment,
    );
    const added = await tx.run(
      `insert into runs (${runColumns}, summary) values (${placeholders(20)}) on conflict (id) do nothing`,
      runToRow(run, JSON.stringify(summary)),
    );
    if (!added) return { run, added: false, transitions: [] };
    for (const tag of run.tags)
      await tx.run('insert into run_tags (run_id, tag, started_at) values (?, ?, ?)', [run.id, tag, run.startedAt]);
    await tx.run('insert into run_journals (run_id, journal) values (?, ?)', [run.id, JSON.stringify(input.journal)]);
    if (options.findings === false) return { run, added: true, transitions: [] };
    return { run, added: true, ...(await applyFindings(tx, run, summary, input.journal)) };
  });
}

/**
 * The automatic part of a finding's life: a run that held verifies fixed findings of its
 * experiment; a run that deviated regresses fixed and verified ones, adds itself as evidence to
 * open ones, and proposes a new finding when there is none. Runs that failed, were interrupted or
 * never tried prove nothing about the system and change nothing.
 */
async function applyFindings(
  tx: SqlDriver,
  run: RunRecord,
  summary: RunSummaryRecord,
  journal: Journal,
): Promise<{ transitions: FindingTransition[]; proposed?: Finding }> {
  if (run.outcome !== 'held' && run.outcome !== 'deviated') return { transitions: [] };
  // concurrent runs of one experiment take turns here (SQLite's write lock already serialises)
  if (tx.dialect === 'postgres') await tx.all('select pg_advisory_xact_lock(hashtext(?))', [run.experimentId]);
  const rows = await tx.all<FindingRow>(
    "select * from findings where experiment_id = ? and state in ('open', 'fixed', 'verified', 'regressed') order by id",
    [run.experimentId],
  );
  const transitions: FindingTransition[] = [];
  const move = async (finding: Finding, to: Finding['state'], note: string) => {
    await tx.run('update findings set state = ?, updated_at = ? where id = ?', [to, run.recordedAt, finding.id]);
    await insertFindingEvent(tx, finding.id, { from: finding.state, to, runId: run.id, note, at: run.recordedAt });
    transitions.push({ finding: { ...finding, state: to, updatedAt: run.recordedAt }, from: finding.state, to });
  };
  const findings = rows.map(findingFromRow);
  if (run.outcome === 'held') {
    for (const finding of findings.filter((f) => f.state === 'fixed'))
      await move(finding, 'verified', `run ${run.id} held after the fix`);
    return { transitions };
  }
  for (const finding of findings.filter((f) => f.state === 'fixed' || f.state === 'verified'))
    await move(finding, 'regressed', `run ${run.id} deviated again after the fix`);
  const open = findings.filter((f) => f.state === 'open' || f.state === 'regressed');
  for (const finding of open)
    await insertFindingEvent(tx, finding.id, {
      from: finding.state,
      to: finding.state,
      runId: run.id,
      note: `run ${run.id} deviated again`,
      at: run.recordedAt,
    });
  if (transitions.length || open.length) return { transitions };
  const deviation =
    summary.errors.find((e) => e.phase === 'hypothesis-after') ??
    summary.errors.find((e) => e.phase === 'hypothesis-during') ??
    summary.errors[0];
  const impact = [...summary.faults].sort((a, b) => (b.timeToRecoverSeconds ?? -1) - (a.timeToRecoverSeconds ?? -1))[0];
  const proposed = await insertFinding(
    tx,
    {
      experimentId: run.experimentId,
      title: `${run.title}: ${deviation ? `${deviation.activity} deviated` : 'the steady state deviated'}`,
      description: deviation ? `${deviation.activity}: ${deviation.message}` : summary.verdict,
      fault: impact?.activity ?? journal.run.find((e) => e.activity.type === 'action')?.activity.name,
      runId: run.id,
    },
    { proposed: true, impact: impact ?? null, at: run.recordedAt },
  );
  return { transitions, proposed };
}
