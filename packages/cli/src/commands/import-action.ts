import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { exitCodes, UsageError } from '@faultline/core';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { withStore } from '../store/cli-store.js';

/** Files as given; folders expanded to the *.json files under them (sorted). */
async function journalFiles(paths: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths.map((p) => resolve(cwd, p))) {
    const info = await stat(path).catch(() => {
      throw new UsageError(`no such journal or folder: ${path}`, { code: 'E_IMPORT_PATH' });
    });
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    files.push(
      ...entries
        .filter((e) => e.isFile() && e.name.endsWith('.json'))
        .map((e) => join(e.parentPath, e.name))
        .sort(),
    );
  }
  return files;
}

export async function importAction(
  paths: string[],
  flags: { store?: string; output: string },
  globals: GlobalFlags,
  io: CliIo,
): Promise<void> {
  const files = await journalFiles(paths, io.cwd);
  await withStore(flags.store, globals, io, async (store) => {
    const result = await store.importJournals(files);
    if (flags.output === 'json') io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      io.stdout.write(
        `imported ${result.added} run${result.added === 1 ? '' : 's'} into ${store.location}; ${result.skipped} already there${result.failed.length ? `; ${result.failed.length} not imported` : ''}\n`,
      );
      for (const failure of result.failed) io.stderr.write(`  ${failure.path}: ${failure.error}\n`);
    }
    // a file that is not a journal is bad input, but the good ones are in
    if (result.failed.length) io.setExitCode(exitCodes.invalid);
  });
}
