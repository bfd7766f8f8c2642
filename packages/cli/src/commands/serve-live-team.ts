import { abortableSleep } from '@faultline/core';
import type { LiveRun, LiveRunSource, LiveStopResult } from '@faultline/server';
import type { LiveRunRecord, Store } from '@faultline/store';

export interface TeamRunsOptions {
  /** No heartbeat for this long: the run is lost (default: the store's 15 s). */
  lostAfterMs?: number;
  /** How long a stop waits for a run on another host to end (default 60 s). */
  stopTimeoutMs?: number;
}

/**
 * This machine's runs (state files) plus the runs other hosts publish in the shared store, each
 * run once: a run of this machine that also publishes is shown from its state file. A run on
 * another host is stopped through the store: the request is written there, the run finds it with
 * its next heartbeat and stops as on `faultline stop`; this waits for its row to say it ended.
 */
export function withRunsOfTheTeam(local: LiveRunSource, store: Store, options: TeamRunsOptions = {}): LiveRunSource {
  let unreachable: string | undefined;
  // The store out of reach must not hide (or keep anyone from stopping) this machine's runs.
  const lists = async () => {
    const mine = await local.list();
    const ids = new Set(mine.map((run) => run.id));
    let theirs: LiveRunRecord[] = [];
    try {
      theirs = (await store.listLiveRuns({ lostAfterMs: options.lostAfterMs })).filter((r) => !ids.has(r.runId));
      unreachable = undefined;
    } catch (error) {
      unreachable = (error as Error).message;
    }
    return { mine, theirs };
  };
  return {
    get scope() {
      return unreachable
        ? `this machine only: the store ${store.location} cannot be read (${unreachable})`
        : `this machine and of every host whose runs publish to the store ${store.location}`;
    },
    async list() {
      const { mine, theirs } = await lists();
      return [...mine, ...theirs.map(liveRunOf)].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    },
    async stop(target, by) {
      const { mine, theirs } = await lists();
      const remote = target === 'all' ? theirs.filter((run) => run.liveness === 'running') : byId(theirs, target);
      const stopsHere =
        target === 'all' ? mine.length > 0 : !remote.length || mine.some((run) => run.id.startsWith(target));
      const results = await Promise.all([
        stopsHere ? local.stop(target, by) : Promise.resolve([]),
        ...remote.map((run) => stopRemote(store, run, by, options)),
      ]);
      return results.flat();
    },
  };
}

/** The run with this id, else the one run whose id starts with it (as `faultline stop` picks). */
function byId(runs: LiveRunRecord[], target: string): LiveRunRecord[] {
  const exact = runs.filter((run) => run.runId === target);
  if (exact.length) return exact;
  const prefixed = runs.filter((run) => run.runId.startsWith(target));
  return prefixed.length === 1 ? prefixed : [];
}

function liveRunOf(run: LiveRunRecord): LiveRun {
  return {
    id: run.runId,
    title: run.title,
    phase: run.phase,
    startedAt: run.startedAt,
    host: run.host,
    heartbeatAt: run.heartbeatAt,
    liveness: run.liveness === 'ended' ? 'stale' : run.liveness,
    stopRequested: Boolean(run.stopRequest) && run.liveness === 'running',
    faults: run.faults.map((fault) => ({ name: fault.activity || fault.title, since: fault.since, undo: fault.title })),
    samples: run.samples,
  };
}

async function stopRemote(
  store: Store,
  run: LiveRunRecord,
  by: string,
  options: TeamRunsOptions,
): Promise<LiveStopResult> {
  const result = (outcome: string, now: LiveRunRecord | undefined): LiveStopResult => {
    const left = new Set(now?.faults.map((f) => f.title) ?? []);
    return {
      id: run.runId,
      title: run.title,
      outcome,
      status: now?.status,
      reverted: outcome === 'stopped' ? run.faults.map((f) => f.title).filter((title) => !left.has(title)) : [],
      failed: [...left],
    };
  };
  // A lost run's process is not there to stop: its faults wait for `faultline stop` on its host.
  if (run.liveness !== 'running' || !(await store.requestLiveRunStop(run.runId, by)))
    return result(run.liveness === 'ended' ? 'stale' : 'lost', run);
  const deadline = Date.now() + (options.stopTimeoutMs ?? 60_000);
  for (;;) {
    const now = await store.getLiveRun(run.runId, { lostAfterMs: options.lostAfterMs });
    if (!now || now.endedAt) return result('stopped', now);
    if (now.liveness === 'lost') return result('lost', now);
    if (Date.now() > deadline) return result('timed-out', now);
    await abortableSleep(200);
  }
}
