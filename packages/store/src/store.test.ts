import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin, startPostgresServer, type PostgresServer } from '@faultline/core/testing';
import { afterAll, beforeAll, describe } from 'vitest';
import { storeContract } from './store.case.js';

storeContract('SQLite', () => join(mkdtempSync(join(tmpdir(), 'faultline-store-')), 'store.sqlite'));

const pgBin = findPostgresBin();
describe.skipIf(!pgBin)('PostgreSQL', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgresServer(pgBin!);
  });
  afterAll(() => server?.stop());
  storeContract('PostgreSQL', () => server.createDatabase());
});
