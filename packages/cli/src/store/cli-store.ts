import { join } from 'node:path';
import { loadSettings } from '@faultline/core';
import type { Store } from '@faultline/store';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';

/** The `--store <url>` flag every store command takes. */
export const storeOptionHelp =
  'runs store: SQLite file or postgres:// URL (default: FAULTLINE_STORE, store.url in settings, else ~/.local/share/faultline/faultline.sqlite)';

/** Where records wait when the store cannot be reached. */
export async function queueDirectory(io: CliIo): Promise<string> {
  const { dataDirectory } = await import('@faultline/store');
  return join(dataDirectory(io.env), 'queue');
}

/** The store URL from the flag, FAULTLINE_STORE, settings or the default. */
export async function storeUrl(
  flag: string | undefined,
  settings: Record<string, unknown>,
  io: CliIo,
): Promise<string> {
  const { resolveStoreUrl } = await import('@faultline/store');
  return resolveStoreUrl({ flag, env: io.env, settings, cwd: io.cwd });
}

/**
 * Opens the store for a command and first delivers runs queued while it was unreachable (saying
 * so in one line). The caller closes it.
 */
export async function openCliStore(flag: string | undefined, globals: GlobalFlags, io: CliIo): Promise<Store> {
  const { settings } = await loadSettings(globals.settings, io.env);
  const url = await storeUrl(flag, settings, io);
  const { openStore, flushQueue } = await import('@faultline/store');
  const store = await openStore(url);
  const delivered = await flushQueue(await queueDirectory(io), url, (input) => store.recordRun(input));
  if (delivered) io.stderr.write(`store: delivered ${delivered} queued run${delivered > 1 ? 's' : ''}\n`);
  return store;
}

/** Runs `fn` with an open store and closes it whatever happens. */
export async function withStore<T>(
  flag: string | undefined,
  globals: GlobalFlags,
  io: CliIo,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openCliStore(flag, globals, io);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
