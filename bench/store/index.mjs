// The runs store (issue 13), on SQLite and on a real PostgreSQL on loopback, each operation against
// the same bare operation on the same database in the same run:
//   record a run into an open store (SQLite < 20 ms, PostgreSQL < 50 ms) vs. the bare driver
//     inserting the journal text; what recording adds to `faultline run`, in a fresh process
//     (load, open, record, close) and end to end (the CLI recording vs --no-store), each goal
//     taken on the difference
//   list the last 100 of 100,000 runs (< 50 ms) vs. the bare `select … order by … limit 100`
//   trend over 10,000 runs of one experiment (< 100 ms) vs. the bare select of those rows
//   import 10,000 journals (< 60 s) vs. reading the files and inserting their text in batches
// Needs the built packages (npm run build) and, for PostgreSQL, Debian's postgresql.
// BENCH_ROUNDS (default 15), BENCH_IMPORT (default 10000) scale it down for a quick look.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, printTable, verdict } from '../lib/measure.mjs';
import { seedRuns } from './seed.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
for (const pkg of ['store', 'core', 'report']) {
  if (!existsSync(join(root, `packages/${pkg}/dist/index.js`))) {
    console.error(`packages/${pkg} is not built: run \`npm run build\` first`);
    process.exit(2);
  }
}
const { openStore } = await import(join(root, 'packages/store/dist/index.js'));
const { findPostgresBin, startPostgresServer } = await import(join(root, 'packages/core/dist/testing/index.js'));
const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const { default: pg } = await import('pg');

const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const importCount = Number(process.env.BENCH_IMPORT ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-store-'));
const journalPath = join(root, 'packages/report/src/__fixtures__/deviated.json');
const ms = async (fn) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};
const inProcess = (mode, url) => {
  const out = spawnSync(process.execPath, [join(root, 'bench/store/record-once.mjs'), mode, url, journalPath], {
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`record-once ${mode} failed: ${out.stderr}`);
  return Number(out.stdout.trim());
};

const cliDir = join(dir, 'cli');
mkdirSync(cliDir);
writeFileSync(
  join(cliDir, 'exp.json'),
  JSON.stringify({
    title: 'bench',
    'steady-state-hypothesis': {
      title: 'node starts',
      probes: [
        {
          type: 'probe',
          name: 'node',
          tolerance: 0,
          provider: { type: 'process', path: process.execPath, arguments: ['-e', '0'] },
        },
      ],
    },
    method: [
      { type: 'action', name: 'noop', provider: { type: 'process', path: process.execPath, arguments: ['-e', '0'] } },
    ],
  }),
);
/** Wall time of one `faultline run` (the launcher, as users run it). */
const cliRun = (extra) => {
  const start = performance.now();
  const out = spawnSync(
    process.execPath,
    [
      join(root, 'packages/cli/bin/faultline.js'),
      '--no-log-file',
      'run',
      'exp.json',
      '--journal-path',
      'j.json',
      ...extra,
    ],
    { cwd: cliDir, env: { ...process.env, HOME: cliDir, XDG_DATA_HOME: cliDir, NO_COLOR: '1' }, encoding: 'utf8' },
  );
  if (out.status !== 0) throw new Error(`faultline run failed: ${out.stderr}`);
  return performance.now() - start;
};

/** The raw connection of each backend: exec(sql), query(sql, params) → rows, close(). */
function rawSqlite(path) {
  const db = new Database(path);
  const statements = new Map();
  return {
    exec: async (sql) => db.exec(sql),
    query: async (sql, params = []) => {
      if (!statements.has(sql)) statements.set(sql, db.prepare(sql));
      const statement = statements.get(sql);
      return statement.reader ? statement.all(params) : statement.run(params);
    },
    close: async () => db.close(),
  };
}
async function rawPostgres(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async (sql, params = []) => (await client.query(sql, params)).rows,
    close: () => client.end(),
  };
}

function journalFiles(count) {
  const folder = join(dir, 'journals');
  mkdirSync(folder, { recursive: true });
  const template = JSON.parse(readFileSync(journalPath, 'utf8'));
  const paths = [];
  for (let i = 0; i < count; i++) {
    template.faultline.run_id = `import-${i}`;
    template.start = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
    const path = join(folder, `j${i}.json`);
    writeFileSync(path, JSON.stringify(template, null, 2));
    paths.push(path);
  }
  return paths;
}

const rows = [];
const checks = [];
/** `overBare`: the goal is on what Faultline adds beyond the bare driver (loading a native addon or
 * opening a connection costs the same to both, and on a loaded machine alone exceeds the goal). */
const compare = (backend, operation, ours, bare, goal, overBare = false) => {
  const [o, b] = [median(ours), median(bare)];
  if (overBare) {
    rows.push({
      backend,
      operation,
      'median ms': o.toFixed(1),
      'bare ms': b.toFixed(1),
      'x bare': (o / b).toFixed(2),
      goal: `+${goal} ms`,
    });
    checks.push([o - b < goal, `${backend} ${operation}: ${(o - b).toFixed(1)} ms more than bare < ${goal} ms`]);
    return;
  }
  rows.push({
    backend,
    operation,
    'median ms': o.toFixed(1),
    'bare ms': b.toFixed(1),
    'x bare': (o / b).toFixed(2),
    goal: `< ${goal} ms`,
  });
  checks.push([o < goal, `${backend} ${operation}: median ${o.toFixed(1)} ms < ${goal} ms`]);
};

async function benchBackend(backend, freshUrl, raw, recordGoal) {
  const placeholders = (sql) => {
    let n = 0;
    return backend === 'PostgreSQL' ? sql.replace(/\?/g, () => `$${++n}`) : sql;
  };
  // 1. record a run, from a fresh process (what `faultline run` adds at its end)
  const recordUrl = await freshUrl();
  (await openStore(recordUrl)).close(); // created and migrated once, as after the first run
  const bareDb = await raw(recordUrl);
  await bareDb.exec('create table bare (id text primary key, journal text not null)');
  await bareDb.close();
  // warm: one open store recording run after run, against the driver inserting the journal text
  const warmStore = await openStore(recordUrl);
  const warmDb = await raw(recordUrl);
  const template = JSON.parse(readFileSync(journalPath, 'utf8'));
  const warm = [];
  const warmBare = [];
  const bareInsert = placeholders('insert into bare (id, journal) values (?, ?)');
  for (let i = 0; i < rounds * 4; i++) {
    const journal = { ...template, faultline: { ...template.faultline, run_id: `warm-${i}` } };
    warm.push(await ms(() => warmStore.recordRun({ journal, exitCode: 1 })));
    warmBare.push(await ms(() => warmDb.query(bareInsert, [`warm-${i}`, JSON.stringify(journal)])));
  }
  await warmStore.close();
  await warmDb.close();
  compare(backend, 'record a run (open store)', warm, warmBare, recordGoal);
  // cold: what `faultline run` adds at its end, in a fresh process
  const ours = [];
  const bare = [];
  const bareMode = backend === 'SQLite' ? 'bare-sqlite' : 'bare-pg';
  for (let i = 0; i < rounds; i++) {
    ours.push(inProcess('store', recordUrl));
    bare.push(inProcess(bareMode, recordUrl));
  }
  compare(backend, 'added to `faultline run` (fresh process: load, open, record, close)', ours, bare, recordGoal, true);
  // end to end: the real CLI (its bundle) running a one-probe experiment, recording vs --no-store
  const withStore = [];
  const without = [];
  for (let i = 0; i < rounds; i++) {
    withStore.push(cliRun(['--store', recordUrl]));
    without.push(cliRun(['--no-store']));
  }
  compare(backend, '`faultline run` wall time, recorded vs --no-store', withStore, without, recordGoal, true);

  // 2 and 3. list and trend on 100,000 runs (10 experiments of 10,000)
  const url = await freshUrl();
  const store = await openStore(url);
  const db = await raw(url);
  const seedMs = await ms(() => seedRuns(backend === 'SQLite' ? 'sqlite' : 'postgres', db.exec, 100_000, 10));
  console.log(`${backend}: seeded 100,000 runs in ${(seedMs / 1000).toFixed(1)} s`);
  const list = [];
  const bareList = [];
  const trend = [];
  const bareTrend = [];
  const listSql = placeholders('select * from runs order by started_at desc, id desc limit ?');
  const trendSql = placeholders(
    'select id, started_at, outcome, held_ratio, time_to_impact_seconds, time_to_recover_seconds, duration_seconds from runs where experiment_id = ? order by started_at desc, id desc limit ?',
  );
  for (let i = 0; i < rounds; i++) {
    list.push(
      await ms(async () => {
        const page = await store.listRuns({ limit: 100 });
        if (page.runs.length !== 100) throw new Error('expected 100 runs');
      }),
    );
    bareList.push(await ms(() => db.query(listSql, [100])));
    trend.push(
      await ms(async () => {
        const t = await store.trend({ experiment: 'exp-3' }, { limit: 10_000 });
        if (t.points.length !== 10_000) throw new Error(`expected 10,000 points, got ${t.points.length}`);
      }),
    );
    bareTrend.push(await ms(() => db.query(trendSql, ['exp-3', 10_000])));
  }
  compare(backend, 'list last 100 of 100,000 runs', list, bareList, 50);
  compare(backend, 'trend over 10,000 runs', trend, bareTrend, 100);
  await store.close();
  await db.close();

  // 4. import journals into a fresh store, against reading them and inserting their text in batches
  const paths = journalFiles(importCount);
  const importUrl = await freshUrl();
  const importer = await openStore(importUrl);
  const importMs = await ms(async () => {
    const result = await importer.importJournals(paths);
    if (result.added !== importCount) throw new Error(`imported ${result.added} of ${importCount}`);
  });
  await importer.close();
  const bareImport = await raw(importUrl);
  await bareImport.exec('create table bare (id text primary key, journal text not null)');
  const insertSql = placeholders('insert into bare (id, journal) values (?, ?)');
  const bareImportMs = await ms(async () => {
    for (let start = 0; start < paths.length; start += 200) {
      await bareImport.exec('begin');
      for (const [i, path] of paths.slice(start, start + 200).entries())
        await bareImport.query(insertSql, [String(start + i), readFileSync(path, 'utf8')]);
      await bareImport.exec('commit');
    }
  });
  await bareImport.close();
  compare(backend, `import ${importCount} journals`, [importMs], [bareImportMs], 60_000);
}

try {
  await benchBackend('SQLite', () => join(dir, `s${Math.random().toString(36).slice(2)}.sqlite`), rawSqlite, 20);
  const bin = findPostgresBin();
  if (!bin) console.log('PostgreSQL not installed: its half is skipped');
  else {
    const server = await startPostgresServer(bin);
    try {
      await benchBackend('PostgreSQL', () => server.createDatabase(), rawPostgres, 50);
    } finally {
      server.stop();
    }
  }
  console.log(`${rounds} rounds per operation (import: one round)`);
  printTable(rows);
  const ok = checks.map(([pass, text]) => verdict(pass, text)).every(Boolean);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
