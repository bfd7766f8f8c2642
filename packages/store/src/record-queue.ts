import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from './experiment-identity.js';
import type { RecordRunInput } from './types.js';

interface QueuedRecord {
  /** Hash of the store URL (the URL may hold a password; the queue file must not). */
  store: string;
  input: RecordRunInput;
}

const storeKey = (url: string) => sha256(url).slice(0, 16);

/**
 * Keeps a record the store could not take (server down, disk locked) in `dir`, one file per run,
 * written atomically and readable only by the user, until `flushQueue` delivers it.
 */
export async function queueRecord(dir: string, url: string, input: RecordRunInput): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = `${Date.now()}-${randomUUID()}.json`;
  const queued: QueuedRecord = { store: storeKey(url), input };
  await writeFile(join(dir, `${name}.tmp`), JSON.stringify(queued), { mode: 0o600 });
  await rename(join(dir, `${name}.tmp`), join(dir, name));
  return join(dir, name);
}

/**
 * Records every queued run meant for this store, oldest first, and deletes each file once it is
 * stored. Recording is idempotent (run ids), so a flush interrupted halfway, or two processes
 * flushing at once, never duplicate a run. Returns how many were delivered.
 */
export async function flushQueue(
  dir: string,
  url: string,
  record: (input: RecordRunInput) => Promise<unknown>,
): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return 0;
  }
  const key = storeKey(url);
  let delivered = 0;
  for (const name of names) {
    const path = join(dir, name);
    let queued: QueuedRecord;
    try {
      queued = JSON.parse(await readFile(path, 'utf8')) as QueuedRecord;
    } catch {
      continue; // taken by another process meanwhile, or not ours
    }
    if (queued.store !== key) continue;
    await record(queued.input);
    await rm(path, { force: true });
    delivered++;
  }
  return delivered;
}
