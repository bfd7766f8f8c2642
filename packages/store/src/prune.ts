import type { SqlDriver } from './driver/sql-driver.js';
import type { PruneResult } from './types.js';

const evidence = `select run_id from findings where run_id is not null
  union select run_id from finding_events where run_id is not null`;

/**
 * Deletes runs that started before `before` (ISO time), with their journals and tags, except runs
 * that evidence a finding (the run that raised it, and every run that verified, regressed or
 * re-observed it): a finding's history must stay checkable. `dryRun` only counts.
 */
export async function prune(db: SqlDriver, before: string, options: { dryRun?: boolean } = {}): Promise<PruneResult> {
  return db.transaction(async (tx) => {
    const [kept] = await tx.all<{ n: number }>(
      `select count(*) as n from runs where started_at < ? and id in (${evidence})`,
      [before],
    );
    const keptAsEvidence = Number(kept?.n ?? 0);
    if (options.dryRun) {
      const [old] = await tx.all<{ n: number }>('select count(*) as n from runs where started_at < ?', [before]);
      return { deleted: Number(old?.n ?? 0) - keptAsEvidence, keptAsEvidence };
    }
    const deleted = await tx.run(`delete from runs where started_at < ? and id not in (${evidence})`, [before]);
    return { deleted, keptAsEvidence };
  });
}
