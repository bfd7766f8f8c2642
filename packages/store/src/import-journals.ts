import { readFile } from 'node:fs/promises';
import { parseJournal } from '@faultline/report';
import type { SqlDriver } from './driver/sql-driver.js';
import { recordBatch } from './record-batch.js';
import { recordRun } from './record-run.js';
import { runIdOf } from './run-record.js';
import type { ImportResult, RecordRunInput } from './types.js';

/** Journals per transaction: one commit per batch instead of per journal keeps a large import fast. */
const batchSize = 200;

/**
 * Adds journal files (Faultline's or Chaos Toolkit's) to the store. A run already there (same run
 * id, or for Chaos Toolkit journals the same content) is skipped, so importing twice adds nothing.
 * Imports record history only: findings change on runs recorded as they happen. A file that is
 * not a journal is reported and the others are still imported.
 */
export async function importJournals(
  db: SqlDriver,
  paths: readonly string[],
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportResult> {
  const result: ImportResult = { added: 0, skipped: 0, failed: [] };
  for (let start = 0; start < paths.length; start += batchSize) {
    const batch = paths.slice(start, start + batchSize);
    const inputs: Array<{ path: string; input: RecordRunInput }> = [];
    for (const path of batch) {
      try {
        const journal = parseJournal(await readFile(path, 'utf8'), path);
        // the journal does not say who ran it, or where
        inputs.push({ path, input: { journal, origin: 'import', who: null, where: null } });
      } catch (error) {
        result.failed.push({ path, error: (error as Error).message });
      }
    }
    const count = (added: boolean) => (added ? result.added++ : result.skipped++);
    try {
      const added = await db.transaction((tx) =>
        recordBatch(
          tx,
          inputs.map((i) => i.input),
        ),
      );
      // a journal twice in one batch counts once as added, then as already there
      const counted = new Set<string>();
      for (const { input } of inputs) {
        const id = runIdOf(input.journal);
        count(added.has(id) && !counted.has(id));
        counted.add(id);
      }
    } catch {
      // one bad record fails the whole batch: redo it one journal at a time to find it
      for (const { path, input } of inputs) {
        try {
          count((await recordRun(db, input, { findings: false })).added);
        } catch (error) {
          result.failed.push({ path, error: (error as Error).message });
        }
      }
    }
    options.onProgress?.(Math.min(start + batchSize, paths.length), paths.length);
  }
  return result;
}
