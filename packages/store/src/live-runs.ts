import type { ProbeSample, RunState } from '@faultline/core';
import type { SqlDriver } from './driver/sql-driver.js';

/** A fault injected now by a run in progress: the activity, what undoes it, since when. */
export interface LiveFault {
  activity: string;
  title: string;
  since: string;
}

/** A stop asked through the store (`faultline serve` on another host). */
export interface LiveStopRequest {
  requested: string;
  by: string;
}

/** A run in progress as the store knows it: the last state its process published. */
export interface LiveRunRecord {
  runId: string;
  host: string;
  pid?: number;
  title: string;
  source?: string;
  phase: string;
  startedAt: string;
  /** When its process last wrote: a run killed hard stops writing, and goes `lost`. */
  heartbeatAt: string;
  faults: LiveFault[];
  samples: ProbeSample[];
  /** Set when the run ended; `faults` are then those it could not revert. */
  endedAt?: string;
  /** The journal's final status (interrupted after a stop). */
  status?: string;
  stopRequest?: LiveStopRequest;
  /**
   * `running`: its heartbeat is fresh. `lost`: no heartbeat for longer than the limit (killed, its
   * host gone or cut off). `ended`: it ended, leaving faults it could not revert.
   */
  liveness: 'running' | 'lost' | 'ended';
}

interface LiveRunRow {
  run_id: string;
  host: string;
  pid: number | null;
  title: string;
  source: string | null;
  phase: string;
  started_at: string;
  heartbeat_at: string;
  faults: string;
  samples: string;
  ended_at: string | null;
  status: string | null;
  stop_requested_at: string | null;
  stop_requested_by: string | null;
}

/** How long without a heartbeat before a run counts as lost (its process writes every 500 ms). */
export const defaultLostAfterMs = 15_000;
/** Lost runs are listed this long, then forgotten (`faultline stop` on their host still reverts them). */
const forgetLostAfterMs = 24 * 3_600_000;
/** Ended runs are kept this long for a stop that waits on them, then deleted. */
const keepEndedMs = 3_600_000;

const faultsOf = (state: RunState): LiveFault[] =>
  state.faults.map((f) => ({ activity: f.activity, title: f.title, since: f.registered }));

/**
 * Writes a run's state (its heartbeat) and reads back a stop request, in one statement. Never
 * touches the stop columns: a request written meanwhile is not lost.
 */
export async function publishLiveRun(db: SqlDriver, state: RunState): Promise<LiveStopRequest | undefined> {
  const [row] = await db.all<Pick<LiveRunRow, 'stop_requested_at' | 'stop_requested_by'>>(
    `insert into live_runs (run_id, host, pid, title, source, phase, started_at, heartbeat_at, faults, samples)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (run_id) do update set host = excluded.host, pid = excluded.pid, title = excluded.title,
       source = excluded.source, phase = excluded.phase, heartbeat_at = excluded.heartbeat_at,
       faults = excluded.faults, samples = excluded.samples
     returning stop_requested_at, stop_requested_by`,
    [
      state.run_id,
      state.host,
      state.pid,
      state.experiment.title,
      state.experiment.source ?? null,
      state.phase,
      state.started,
      new Date().toISOString(),
      JSON.stringify(faultsOf(state)),
      JSON.stringify(state.samples ?? []),
    ],
  );
  return row?.stop_requested_at
    ? { requested: row.stop_requested_at, by: row.stop_requested_by ?? 'a stop request' }
    : undefined;
}

/**
 * The run is over: its row is marked ended with its final status and the faults it could not
 * revert (none, usually), so a stop waiting on it learns the outcome. Ended rows older than an hour
 * go at the same time.
 */
export async function endLiveRun(
  db: SqlDriver,
  runId: string,
  end: { status?: string; faultsLeft?: RunState['faults'] },
): Promise<void> {
  const now = new Date().toISOString();
  const faults = end.faultsLeft?.map((f) => ({ activity: f.activity, title: f.title, since: f.registered })) ?? [];
  await db.run(`update live_runs set ended_at = ?, heartbeat_at = ?, status = ?, faults = ? where run_id = ?`, [
    now,
    now,
    end.status ?? null,
    JSON.stringify(faults),
    runId,
  ]);
  await db.run(`delete from live_runs where ended_at is not null and ended_at < ? and faults = '[]'`, [
    new Date(Date.now() - keepEndedMs).toISOString(),
  ]);
}

/**
 * Runs in progress (and lost ones, and ended ones that left faults behind), oldest first. Liveness
 * compares the heartbeat with this host's clock: hosts' clocks must agree within `lostAfterMs`.
 */
export async function listLiveRuns(
  db: SqlDriver,
  options: { lostAfterMs?: number; now?: number } = {},
): Promise<LiveRunRecord[]> {
  const now = options.now ?? Date.now();
  const rows = await db.all<LiveRunRow>(
    `select * from live_runs where heartbeat_at > ? and (ended_at is null or faults <> '[]') order by started_at, run_id`,
    [new Date(now - forgetLostAfterMs).toISOString()],
  );
  return rows.map((row) => recordOf(row, now, options.lostAfterMs ?? defaultLostAfterMs));
}

/** One run's row, ended or not (a stop waits on it). */
export async function getLiveRun(
  db: SqlDriver,
  runId: string,
  options: { lostAfterMs?: number } = {},
): Promise<LiveRunRecord | undefined> {
  const [row] = await db.all<LiveRunRow>('select * from live_runs where run_id = ?', [runId]);
  return row && recordOf(row, Date.now(), options.lostAfterMs ?? defaultLostAfterMs);
}

/** Asks a run to stop; the first request stands. False when no such run is in progress. */
export async function requestLiveRunStop(db: SqlDriver, runId: string, by: string): Promise<boolean> {
  const changed = await db.run(
    `update live_runs set stop_requested_at = coalesce(stop_requested_at, ?), stop_requested_by = coalesce(stop_requested_by, ?)
     where run_id = ? and ended_at is null`,
    [new Date().toISOString(), by, runId],
  );
  return changed > 0;
}

function recordOf(row: LiveRunRow, now: number, lostAfterMs: number): LiveRunRecord {
  const liveness = row.ended_at ? 'ended' : now - Date.parse(row.heartbeat_at) > lostAfterMs ? 'lost' : 'running';
  return {
    runId: row.run_id,
    host: row.host,
    ...(row.pid === null ? {} : { pid: Number(row.pid) }),
    title: row.title,
    ...(row.source === null ? {} : { source: row.source }),
    phase: row.phase,
    startedAt: row.started_at,
    heartbeatAt: row.heartbeat_at,
    faults: JSON.parse(row.faults) as LiveFault[],
    samples: JSON.parse(row.samples) as ProbeSample[],
    ...(row.ended_at ? { endedAt: row.ended_at } : {}),
    ...(row.status ? { status: row.status } : {}),
    ...(row.stop_requested_at
      ? { stopRequest: { requested: row.stop_requested_at, by: row.stop_requested_by ?? 'a stop request' } }
      : {}),
    liveness,
  };
}
