import { UsageError } from '@faultline/core';
import type { SqlDriver } from './driver/sql-driver.js';

/**
 * A run or experiment named by its full id, a unique id prefix (as git does), or — experiments
 * only — its title. Ambiguity and absence are usage errors that list what matched.
 */
export async function resolveRef(db: SqlDriver, kind: 'run' | 'experiment', ref: string): Promise<string> {
  const table = kind === 'run' ? 'runs' : 'experiments';
  const exact = await db.all<{ id: string }>(`select id from ${table} where id = ?`, [ref]);
  if (exact.length) return exact[0]!.id;
  const byPrefix =
    ref.length >= 4
      ? await db.all<{ id: string; title: string }>(
          `select id, title from ${table} where id like ? order by id limit 6`,
          [`${ref.replace(/[%_\\]/g, '')}%`],
        )
      : [];
  const byTitle =
    kind === 'experiment' && !byPrefix.length
      ? await db.all<{ id: string; title: string }>(
          'select id, title from experiments where lower(title) = lower(?) order by id limit 6',
          [ref],
        )
      : [];
  const matches = byPrefix.length ? byPrefix : byTitle;
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length > 1)
    throw new UsageError(`${kind} "${ref}" is ambiguous: ${matches.map((m) => `${m.id} (${m.title})`).join(', ')}`, {
      code: 'E_STORE_AMBIGUOUS',
      hint: 'give more characters of the id',
    });
  throw new UsageError(`no ${kind} "${ref}" in the store`, {
    code: kind === 'run' ? 'E_STORE_NO_RUN' : 'E_STORE_NO_EXPERIMENT',
    hint:
      kind === 'run' ? 'list runs with `faultline history`' : 'list experiments with `faultline history experiments`',
  });
}
