import { writeFileSync } from 'node:fs';
import { runsDir, stopFileOf, type StopResult } from '@faultline/core';
import type { LiveRunPublisher } from '@faultline/store';
import type { CliIo } from '../cli-io.js';
import { storeUrl } from './cli-store.js';

/**
 * With a store configured (`--store`, FAULTLINE_STORE or store.url in settings; not the default
 * file, which no other host reads), the run mirrors its live state there for other hosts'
 * dashboards. A stop request found there is handed to the run as `faultline stop` does it — a
 * stop file beside its state file — so it stops the same way. Nothing here can fail the run.
 */
export async function publishLiveRun(
  flag: string | false | undefined,
  settings: Record<string, unknown>,
  io: CliIo,
): Promise<LiveRunPublisher | undefined> {
  const warn = (message: string) => io.stderr.write(`${message}\n`);
  try {
    const url = await sharedStoreUrl(flag, settings, io);
    if (!url) return undefined;
    const { LiveRunPublisher } = await import('@faultline/store');
    return new LiveRunPublisher(url, {
      warn,
      onStop: (request, runId) => {
        try {
          writeFileSync(stopFileOf(runsDir(io.env), runId), JSON.stringify(request), { mode: 0o600 });
        } catch (error) {
          warn(`store: a stop was requested by ${request.by} but cannot be passed on: ${(error as Error).message}`);
        }
      },
    });
  } catch (error) {
    warn(`store: live state not published (${(error as Error).message}); the run goes on`);
    return undefined;
  }
}

/** The store given explicitly (flag, FAULTLINE_STORE, store.url): the one other hosts can share. */
async function sharedStoreUrl(
  flag: string | false | undefined,
  settings: Record<string, unknown>,
  io: CliIo,
): Promise<string | undefined> {
  if (flag === false) return undefined;
  if (!flag && !io.env.FAULTLINE_STORE && !(settings.store as { url?: unknown } | undefined)?.url) return undefined;
  return storeUrl(flag, settings, io);
}

/**
 * `faultline stop` reverted runs whose process was gone: their rows in the shared store, which
 * other hosts' dashboards show as lost, are marked ended too. A store out of reach is said once.
 */
export async function endRevertedLiveRuns(
  flag: string | undefined,
  settings: Record<string, unknown>,
  io: CliIo,
  results: readonly StopResult[],
): Promise<void> {
  const reverted = results.filter((result) => result.outcome === 'reverted');
  if (!reverted.length) return;
  try {
    const url = await sharedStoreUrl(flag, settings, io);
    if (!url) return;
    const { openStore } = await import('@faultline/store');
    const store = await openStore(url);
    try {
      for (const result of reverted)
        await store.endLiveRun(result.run_id, { status: result.status, faultsLeft: result.failed });
    } finally {
      await store.close();
    }
  } catch (error) {
    io.stderr.write(`store: the reverted runs are still listed as lost there (${(error as Error).message})\n`);
  }
}
