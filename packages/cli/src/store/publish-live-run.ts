import { writeFileSync } from 'node:fs';
import { runsDir, stopFileOf, type PendingRevert, type RunState, type StopResult } from '@faultline/core';
import type { LiveRunPublisher } from '@faultline/store';
import type { CliIo } from '../cli-io.js';
import { storeUrl } from './cli-store.js';

/** What the run command holds: the run's states go in, the end closes it. */
export interface LiveRunMirror {
  update(state: Readonly<RunState>): void;
  end(end: { status?: string; faultsLeft?: PendingRevert[] }): Promise<void>;
}

/**
 * With a store configured (`--store`, FAULTLINE_STORE or store.url in settings; not the default
 * file, which no other host reads), the run mirrors its live state there for other hosts'
 * dashboards. A stop request found there is handed to the run as `faultline stop` does it — a
 * stop file beside its state file — so it stops the same way. Nothing here can fail the run, and
 * the run does not wait for the store package to load: states seen meanwhile are kept.
 */
export function publishLiveRun(
  flag: string | false | undefined,
  settings: Record<string, unknown>,
  io: CliIo,
): LiveRunMirror | undefined {
  if (!explicitStore(flag, settings, io)) return undefined;
  const warn = (message: string) => io.stderr.write(`${message}\n`);
  let latest: Readonly<RunState> | undefined;
  let publisher: LiveRunPublisher | undefined;
  const ready = (async () => {
    try {
      const url = await storeUrl(flag || undefined, settings, io);
      const { LiveRunPublisher } = await import('@faultline/store');
      publisher = new LiveRunPublisher(url, {
        warn,
        onStop: (request, runId) => {
          try {
            writeFileSync(stopFileOf(runsDir(io.env), runId), JSON.stringify(request), { mode: 0o600 });
          } catch (error) {
            warn(`store: a stop was requested by ${request.by} but cannot be passed on: ${(error as Error).message}`);
          }
        },
      });
      if (latest) publisher.update(latest);
      return publisher;
    } catch (error) {
      warn(`store: live state not published (${(error as Error).message}); the run goes on`);
      return undefined;
    }
  })();
  return {
    update(state) {
      latest = state;
      publisher?.update(state);
    },
    end: async (end) => (await ready)?.end(end),
  };
}

/** A store given explicitly (flag, FAULTLINE_STORE, store.url): the one other hosts can share. */
const explicitStore = (flag: string | false | undefined, settings: Record<string, unknown>, io: CliIo) =>
  flag !== false && Boolean(flag || io.env.FAULTLINE_STORE || (settings.store as { url?: unknown } | undefined)?.url);

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
    if (!explicitStore(flag, settings, io)) return;
    const url = await storeUrl(flag, settings, io);
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
