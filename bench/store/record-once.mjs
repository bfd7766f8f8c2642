// One process recording one run, as `faultline run` does at its end: prints the milliseconds from
// before importing the store (and its database driver) to after closing it. argv: <mode> <url> <journal file>
//   store        @faultline/store: import, open (schema check), record, close
//   bare-sqlite  better-sqlite3: require, open, insert the journal text, close
//   bare-pg      pg: import, connect, insert the journal text, end
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const [mode, url, journalPath] = process.argv.slice(2);
const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
journal.faultline.run_id = randomUUID();
const text = JSON.stringify(journal);
// `faultline run` has core and the report's analysis loaded by the time it records
if (mode === 'store') {
  await import(new URL('../../packages/core/dist/index.js', import.meta.url));
  await import(new URL('../../packages/report/dist/index.js', import.meta.url));
}
const start = performance.now();
if (mode === 'store') {
  const { openStore } = await import(new URL('../../packages/store/dist/index.js', import.meta.url));
  const store = await openStore(url);
  await store.recordRun({ journal, exitCode: 0 });
  await store.close();
} else if (mode === 'bare-sqlite') {
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const db = new Database(url, { timeout: 30_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.prepare('insert into bare (id, journal) values (?, ?)').run(journal.faultline.run_id, text);
  db.close();
} else {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('insert into bare (id, journal) values ($1, $2)', [journal.faultline.run_id, text]);
  await client.end();
}
console.log((performance.now() - start).toFixed(3));
