import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/create-test-context.js';
import { findPostgresBin, startPostgresServer, type PostgresServer } from '../testing/postgres-server.js';
import { canPlaceOrder } from './can-place-order.js';
import { executeQuery } from './execute-query.js';

describe('chaosprobe.http.can_place_order', () => {
  const received: Array<{ method?: string; body: string; type?: string }> = [];
  let status = 200;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ method: req.method, body, type: req.headers['content-type'] });
      res.writeHead(status).end();
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orders`;
  });
  afterAll(() => server.close());

  it('POSTs the JSON order and is true only for the expected status', async () => {
    const args = canPlaceOrder.arguments.parse({
      url,
      method: 'POST',
      json: { productId: '12345', quantity: 1 },
      status_code: 200,
    });
    expect(await canPlaceOrder.run(args, createTestContext())).toBe(true);
    expect(received.at(-1)).toEqual({
      method: 'POST',
      body: '{"productId":"12345","quantity":1}',
      type: 'application/json',
    });
    status = 503;
    expect(await canPlaceOrder.run(args, createTestContext())).toBe(false);
  });
});

// The seed's data-corruption scenario against a real PostgreSQL (Debian package), started and
// stopped by the shared helper so no server outlives the test.
const pgBin = findPostgresBin();
describe.skipIf(!pgBin)('chaosdb.actions.execute_query (real PostgreSQL)', () => {
  let server: PostgresServer;
  let connection = '';

  beforeAll(async () => {
    server = await startPostgresServer(pgBin!);
    connection = server.url;
    server.psql(
      "create table users(id int, email text); insert into users select g, 'user' || g || '@example.com' from generate_series(1, 1000) g;",
    );
  }, 60_000);
  afterAll(() => server?.stop());

  const count = () => Number(server.psql("select count(*) from users where email like 'corrupt-%'"));

  it('runs the seed query verbatim, and nothing under dry-run', async () => {
    const args = executeQuery.arguments.parse({
      connection_string: connection,
      query: "UPDATE users SET email = CONCAT('corrupt-', email) WHERE random() < 0.5;",
    });
    const dry = await executeQuery.run(args, createTestContext({ dryRun: true }));
    expect(dry).toMatchObject({ dry_run: true });
    expect(count()).toBe(0);
    const result = (await executeQuery.run(args, createTestContext())) as { target: string };
    expect(result.target).toBe(connection);
    expect(count()).toBeGreaterThan(100);
    expect(count()).toBeLessThan(900);
  });

  it('fails with the server message on a bad query and never leaks a password', async () => {
    const args = executeQuery.arguments.parse({
      connection_string: connection.replace('postgres@', 'postgres:hunter2@'),
      query: 'UPDATE nope SET x = 1',
    });
    const error = await executeQuery.run(args, createTestContext()).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/relation "nope" does not exist/);
    expect(error?.message).not.toContain('hunter2');
  });
});
