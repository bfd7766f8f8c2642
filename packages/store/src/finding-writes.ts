import type { FaultImpact } from '@faultline/report';
import type { SqlDriver } from './driver/sql-driver.js';
import { findingFromRow, type FindingRow } from './rows.js';
import type { Finding, FindingState, NewFinding } from './types.js';

export async function insertFindingEvent(
  tx: SqlDriver,
  findingId: number,
  event: { from: FindingState | null; to: FindingState; runId?: string | null; note?: string | null; at: string },
): Promise<void> {
  await tx.run(
    'insert into finding_events (finding_id, at, from_state, to_state, run_id, note) values (?, ?, ?, ?, ?, ?)',
    [findingId, event.at, event.from, event.to, event.runId ?? null, event.note ?? null],
  );
}

/** Inserts an open finding and its first event; returns it as stored. */
export async function insertFinding(
  tx: SqlDriver,
  finding: NewFinding,
  options: { proposed: boolean; impact: FaultImpact | null; at: string },
): Promise<Finding> {
  const [row] = await tx.all<FindingRow>(
    `insert into findings (experiment_id, title, state, severity, proposed, owner, fix_link, description, fault, impact, run_id, created_at, updated_at)
     values (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *`,
    [
      finding.experimentId,
      finding.title,
      finding.severity ?? 'medium',
      options.proposed ? 1 : 0,
      finding.owner ?? null,
      finding.fixLink ?? null,
      finding.description ?? null,
      finding.fault ?? null,
      options.impact ? JSON.stringify(options.impact) : null,
      finding.runId ?? null,
      options.at,
      options.at,
    ],
  );
  const created = findingFromRow(row!);
  await insertFindingEvent(tx, created.id, {
    from: null,
    to: 'open',
    runId: finding.runId,
    note: options.proposed ? 'proposed from a deviated run' : 'added',
    at: options.at,
  });
  return created;
}
