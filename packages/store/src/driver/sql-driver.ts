export type Dialect = 'sqlite' | 'postgres';

export type SqlValue = string | number | null;

/**
 * The little the store needs from a database: parameterised queries (`?` placeholders in both
 * dialects), a transaction, and closing. SQL stays plain and portable so one schema and one set of
 * queries serve SQLite and PostgreSQL; the few differences are spelled out where they occur.
 */
export interface SqlDriver {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction that takes the write lock up front (SQLite `BEGIN IMMEDIATE`,
   * PostgreSQL row locks via `forUpdate`), so concurrent writers queue instead of deadlocking.
   */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
