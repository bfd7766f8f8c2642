import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSystemBinary } from './find-system-binary.js';

export interface PostgresServer {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` (trust authentication, loopback only). */
  url: string;
  port: number;
  /** Creates a fresh database and returns its URL, so tests sharing one server stay independent. */
  createDatabase(name?: string): string;
  /** Runs SQL through psql and returns its output (`-At`: unaligned, tuples only). */
  psql(sql: string, database?: string): string;
  /** Stops the server (`pg_ctl stop -m fast`, waiting) and removes its data directory. Idempotent. */
  stop(): void;
}

/**
 * Where Debian keeps the server binaries: `/usr/lib/postgresql/<version>/bin`, newest version
 * first, then the PATH. Undefined (after a loud warning, or a throw in CI) when not installed.
 */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const initdb = findSystemBinary(
    'initdb',
    versions.map((v) => join(root, v, 'bin', 'initdb')),
  );
  return initdb?.replace(/\/initdb$/, '');
}

const running = new Set<PostgresServer>();
let exitHookInstalled = false;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real, throw-away PostgreSQL on 127.0.0.1 (a free port, a temp data directory) and
 * waits until it accepts connections. As root the server runs as the `postgres` user (it refuses
 * to run as root). Stop it with `stop()` in afterAll; a process exit stops whatever is left, so no
 * server outlives the tests that started it. Signalling `runuser` would not stop postgres: only
 * `pg_ctl stop` does.
 */
export async function startPostgresServer(bin: string): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const asPostgres = (command: string, args: string[]) =>
    process.getuid?.() === 0
      ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
      : spawnSync(command, args, { encoding: 'utf8' });
  const init = asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);

  let port = 0;
  let lastError = '';
  // The port is free when chosen but could be taken before postgres binds it: try a few.
  for (let attempt = 0; attempt < 5 && !port; attempt++) {
    const candidate = await freePort();
    const started = asPostgres(join(bin, 'pg_ctl'), [
      'start',
      '-D',
      data,
      '-w',
      '-t',
      '60',
      '-l',
      join(dir, 'server.log'),
      '-o',
      `-p ${candidate} -h 127.0.0.1 -k ${dir} -c fsync=off -c max_connections=200`,
    ]);
    if (started.status === 0) port = candidate;
    else lastError = `${started.stdout}${started.stderr}`;
  }
  if (!port) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`postgres did not start: ${lastError}`);
  }

  const base = `postgresql://postgres@127.0.0.1:${port}`;
  const psqlPath = existsSync(join(bin, 'psql')) ? join(bin, 'psql') : 'psql';
  let stopped = false;
  let databases = 0;
  const server: PostgresServer = {
    url: `${base}/postgres`,
    port,
    psql(sql, database = 'postgres') {
      const result = spawnSync(psqlPath, [`${base}/${database}`, '-X', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
      return result.stdout.trim();
    },
    createDatabase(name = `test_${process.pid}_${++databases}`) {
      server.psql(`create database "${name}"`);
      return `${base}/${name}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      running.delete(server);
      asPostgres(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  running.add(server);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const left of [...running]) left.stop();
    });
  }
  return server;
}
