import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, findPostgresBin, startPostgresServer, type PostgresServer } from '@faultline/core/testing';
import { queryRows } from '../../packages/core/src/builtin/query-rows.js';

// The seed's data-corruption scenario (examples/data) against a real PostgreSQL, through the CLI.
const root = fileURLToPath(new URL('../../', import.meta.url));
const experiment = join(root, 'examples', 'data', 'data-corruption-experiment.yaml');
const postgresBin = findPostgresBin();
let pg: PostgresServer | undefined;

beforeAll(async () => {
  pg = postgresBin ? await startPostgresServer(postgresBin) : undefined;
  pg?.psql(
    "CREATE TABLE users(id int PRIMARY KEY, email text); INSERT INTO users SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 2000) g;",
  );
}, 60_000);
afterAll(() => pg?.stop());

describe.skipIf(!postgresBin)('data corruption (real PostgreSQL)', () => {
  it('query_rows returns typed rows and refuses to write', async () => {
    const run = (query: string) =>
      queryRows.run(queryRows.arguments.parse({ connection_string: pg!.url, query }), createTestContext());
    expect(await run('SELECT id, email, id > 1 AS later FROM users ORDER BY id LIMIT 2;')).toEqual([
      { id: 1, email: 'user1@example.com', later: false },
      { id: 2, email: 'user2@example.com', later: true },
    ]);
    expect(await run('SELECT id FROM users WHERE id < 0')).toEqual([]);
    await expect(run('DELETE FROM users RETURNING id')).rejects.toThrow(/query on .* failed/);
    expect(pg!.psql('SELECT count(*) FROM users')).toBe('2000');
  });

  it('detects the corruption (deviated) and the rollback restores every row', async () => {
    const before = pg!.psql("SELECT md5(string_agg(email, ',' ORDER BY id)) FROM users");
    const dir = mkdtempSync(join(tmpdir(), 'faultline-data-'));
    const password = pg!.url.replace('postgres@', 'postgres:s3cret-pw@');
    const result = spawnSync(
      process.execPath,
      [join(root, 'packages/cli/bin/faultline.js'), 'run', experiment, '--journal-path', 'journal.json'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FAULTLINE_DB_URL: password } },
    );
    expect(result.status, result.stdout + result.stderr).toBe(1);
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    expect(journal.deviated).toBe(true);
    const corrupted = journal.steady_states.after.probes[0].output[0].corrupted;
    expect(corrupted).toBeGreaterThan(0);
    expect(journal.rollbacks.map((r: { status: string }) => r.status)).toEqual(['succeeded']);
    expect(pg!.psql("SELECT count(*) FROM users WHERE email LIKE 'corrupt-%'")).toBe('0');
    expect(pg!.psql("SELECT md5(string_agg(email, ',' ORDER BY id)) FROM users")).toBe(before);
    expect(pg!.psql("SELECT to_regclass('users_before_chaos') IS NULL")).toBe('t');
    expect(readFileSync(join(dir, 'journal.json'), 'utf8')).not.toContain('s3cret-pw');
  }, 60_000);
});
