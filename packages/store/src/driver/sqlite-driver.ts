import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { SqlDriver, SqlValue } from './sql-driver.js';

/**
 * Transactions in flight per database file in this process. better-sqlite3 waits for a lock by
 * blocking the thread, so two connections of one process must never wait on each other: they take
 * turns here, and only other processes wait on SQLite's lock (busy timeout).
 */
const turns = new Map<string, Promise<unknown>>();

/**
 * better-sqlite3 (synchronous, in-process). WAL lets readers run beside one writer; the busy
 * timeout makes concurrent writers (20 runs finishing at once) wait their turn instead of failing.
 */
export function openSqliteDriver(path: string, busyTimeoutMs = 30_000): SqlDriver {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // required lazily: only a process that records or reads runs loads the native addon
  const BetterSqlite3 = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');
  const db: Database = new BetterSqlite3(path, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const statements = new Map<string, ReturnType<Database['prepare']>>(); // prepared once per process
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const driver: SqlDriver = {
    dialect: 'sqlite',
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).all(params) as T[];
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).run(params).changes;
    },
    async exec(sql: string) {
      db.exec(sql);
    },
    transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
      const next = (turns.get(path) ?? Promise.resolve()).then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          // a transaction inside the transaction joins it
          const result = await fn({ ...driver, transaction: (inner) => inner(driver) });
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
      const settled = next.catch(() => undefined);
      turns.set(path, settled);
      // forget the file once idle, so the map does not grow with every store opened
      void settled.then(() => turns.get(path) === settled && turns.delete(path));
      return next;
    },
    async close() {
      await turns.get(path);
      db.close();
    },
  };
  return driver;
}
