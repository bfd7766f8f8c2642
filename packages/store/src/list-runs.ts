import { UsageError } from '@faultline/core';
import type { SqlDriver, SqlValue } from './driver/sql-driver.js';
import { resolveRef } from './resolve-ref.js';
import { runColumns, runFromRow, type RunRow } from './rows.js';
import type { RunFilter, RunPage } from './types.js';

const encodeCursor = (startedAt: string, id: string) => Buffer.from(`${startedAt}\n${id}`).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  const [startedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('\n');
  if (!startedAt || !id) throw new UsageError(`invalid cursor "${cursor}"`, { code: 'E_STORE_CURSOR' });
  return [startedAt, id];
}

/**
 * Runs, newest first, one page at a time. Paging is by key (start time, id), not offset, so a
 * page costs the same at run 100,000 as at run 1 and runs recorded meanwhile do not shift pages.
 */
export async function listRuns(db: SqlDriver, filter: RunFilter = {}): Promise<RunPage> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (filter.experiment) {
    where.push('experiment_id = ?');
    params.push(await resolveRef(db, 'experiment', filter.experiment));
  }
  if (filter.tag) {
    where.push('id in (select run_id from run_tags where tag = ?)');
    params.push(filter.tag);
  }
  const outcomes = filter.outcome === undefined ? [] : [filter.outcome].flat();
  if (outcomes.length) {
    where.push(`outcome in (${outcomes.map(() => '?').join(', ')})`);
    params.push(...outcomes);
  }
  if (filter.since) {
    where.push('started_at >= ?');
    params.push(filter.since);
  }
  if (filter.until) {
    where.push('started_at < ?');
    params.push(filter.until);
  }
  if (filter.cursor) {
    const [startedAt, id] = decodeCursor(filter.cursor);
    where.push('(started_at < ? or (started_at = ? and id < ?))');
    params.push(startedAt, startedAt, id);
  }
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 1000);
  const rows = await db.all<RunRow>(
    `select ${runColumns} from runs ${where.length ? `where ${where.join(' and ')}` : ''}
     order by started_at desc, id desc limit ?`,
    [...params, limit + 1],
  );
  const runs = rows.slice(0, limit).map(runFromRow);
  const last = runs[runs.length - 1];
  return rows.length > limit && last ? { runs, nextCursor: encodeCursor(last.startedAt, last.id) } : { runs };
}
