import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSystemBinary } from '@faultline/core/testing';

export interface Postgres {
  url: string;
  psql(sql: string): string;
  stop(): void;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * A throwaway PostgreSQL (Debian's) in a temp dir on a free port of 127.0.0.1, run as the postgres
 * user (the server refuses root) and stopped with `pg_ctl stop` (signalling runuser would leave
 * the server running). Undefined when PostgreSQL is not installed (findSystemBinary warns, or
 * throws in CI).
 */
export async function startPostgres(): Promise<Postgres | undefined> {
  const initdb = findSystemBinary('initdb', ['/usr/lib/postgresql/15/bin/initdb']);
  if (!initdb) return undefined;
  const bin = initdb.replace(/initdb$/, '');
  const dir = mkdtempSync(join(tmpdir(), 'faultline-examples-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const asPostgres = (command: string, args: string[]) =>
    process.getuid?.() === 0
      ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
      : spawnSync(command, args, { encoding: 'utf8' });
  const init = asPostgres(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const options = `-p ${port} -h 127.0.0.1 -k ${dir}`;
  const started = asPostgres(`${bin}pg_ctl`, ['start', '-w', '-D', data, '-o', options, '-l', join(dir, 'log')]);
  if (started.status !== 0) throw new Error(`pg_ctl start failed: ${started.stderr}${started.stdout}`);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    psql(sql) {
      const result = spawnSync('psql', [url, '-X', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(result.stderr);
      return result.stdout.trim();
    },
    stop() {
      asPostgres(`${bin}pg_ctl`, ['stop', '-w', '-D', data, '-m', 'fast']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
