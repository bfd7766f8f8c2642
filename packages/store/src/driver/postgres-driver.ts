import type { Pool, PoolClient } from 'pg';
import type { SqlDriver, SqlValue } from './sql-driver.js';

/** `?` → `$1, $2 …` (the store's SQL never has a literal question mark). */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

function onClient(client: Pool | PoolClient, transaction: SqlDriver['transaction']): SqlDriver {
  return {
    dialect: 'postgres',
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      return (await client.query(numbered(sql), [...params])).rows as T[];
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      return (await client.query(numbered(sql), [...params])).rowCount ?? 0;
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    transaction,
    async close() {},
  };
}

/** node-postgres with a small pool; `pg` is imported only when a postgres:// store is opened. */
export async function openPostgresDriver(url: string): Promise<SqlDriver> {
  const { default: pg } = await import('pg');
  // BIGINT counts come back as strings by default; the store's counts fit a double.
  pg.types.setTypeParser(20, (value: string) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => {}); // an idle client losing its connection must not crash the process
  const transaction = async <T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // a transaction inside the transaction joins it
      const tx: SqlDriver = onClient(client, (inner) => inner(tx));
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  const driver = onClient(pool, transaction);
  // fail now (and so queue the record) when the server cannot be reached
  await driver.all('select 1');
  return { ...driver, close: () => pool.end() };
}
