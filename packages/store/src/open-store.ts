import { openPostgresDriver } from './driver/postgres-driver.js';
import { openSqliteDriver } from './driver/sqlite-driver.js';
import type { SqlDriver } from './driver/sql-driver.js';
import { migrate } from './migrate.js';
import { Store } from './store.js';
import { StoreError } from './store-error.js';
import { checkStoreScheme, isPostgresUrl, redactStoreUrl } from './store-url.js';

/**
 * Opens the store at `url` — a SQLite file path (created with its folder if missing) or a
 * `postgres://` / `postgresql://` URL — and brings its schema up to date. Throws a StoreError
 * (code E_STORE_UNREACHABLE) when it cannot be opened or reached. `busyTimeoutMs` bounds how long a
 * SQLite write waits for another process's lock (default 30 s): better-sqlite3 waits blocking the
 * thread, which a run publishing its live state must not do.
 */
export async function openStore(url: string, options: { busyTimeoutMs?: number } = {}): Promise<Store> {
  const location = redactStoreUrl(url);
  checkStoreScheme(url);
  let db: SqlDriver | undefined;
  try {
    db = isPostgresUrl(url) ? await openPostgresDriver(url) : openSqliteDriver(url, options.busyTimeoutMs);
    await migrate(db);
    return new Store(db, location);
  } catch (error) {
    await db?.close().catch(() => {});
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot open the store at ${location}: ${(error as Error).message}`, {
      code: 'E_STORE_UNREACHABLE',
      hint: 'check --store / FAULTLINE_STORE / store.url in settings; runs are queued meanwhile',
      cause: error,
    });
  }
}
