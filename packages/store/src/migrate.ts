import { StoreError } from './store-error.js';
import type { SqlDriver } from './driver/sql-driver.js';
import { migrationSql, migrations } from './migrations.js';

/**
 * Applies the migrations this version knows and the database lacks, each in its own transaction,
 * forward only. Processes opening a new store at once are serialised (SQLite's write lock, a
 * PostgreSQL advisory lock), so each step runs exactly once. A database written by a newer
 * Faultline is refused rather than misread.
 */
export async function migrate(db: SqlDriver): Promise<number> {
  const latest = migrations[migrations.length - 1]!.version;
  const current = async (tx: SqlDriver) =>
    Number((await tx.all<{ v: number | null }>('select max(version) as v from faultline_migrations'))[0]?.v ?? 0);
  // the common case, checked without taking the write lock (a new database has no table yet)
  const seen = await current(db).catch(() => 0);
  if (seen > latest) throw newerSchema(seen, latest);
  if (seen === latest) return seen;
  return db.transaction(async (tx) => {
    // PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against a concurrent one: lock first
    if (tx.dialect === 'postgres') await tx.all('select pg_advisory_xact_lock(7351902)');
    await tx.exec(
      'create table if not exists faultline_migrations (version integer primary key, name text not null, applied_at text not null)',
    );
    const now = await current(tx);
    if (now > latest) throw newerSchema(now, latest);
    for (const migration of migrations) {
      if (migration.version <= now) continue;
      await tx.exec(migrationSql(migration, tx.dialect));
      await tx.run('insert into faultline_migrations (version, name, applied_at) values (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
    return latest;
  });
}

const newerSchema = (seen: number, latest: number) =>
  new StoreError(`the store's schema is version ${seen}, newer than this Faultline knows (${latest})`, {
    code: 'E_STORE_SCHEMA',
    hint: 'upgrade Faultline; schemas only move forward',
  });
