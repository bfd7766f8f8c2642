import { existsSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import type { Journal } from '../journal/journal.js';
import type { PendingRevert } from '../revert/revert-spec.js';
import { revertJournal, type RevertJournalOptions } from '../revert/revert-journal.js';
import { abortableSleep } from '../util/abortable-sleep.js';
import { isProcessAlive } from './process-identity.js';
import { listRuns, type ListedRun, type RunsDirOptions } from './list-runs.js';
import { stopFileOf, type StopRequest } from './run-state-file.js';
import { runsDir } from './runs-dir.js';
import { endLeftoverProcesses, runnerMark } from './leftover-processes.js';
import { playOwedRollbacks, type RollbacksOutcome } from './play-owed-rollbacks.js';

export interface StopOptions extends RunsDirOptions {
  /** How long to wait for a run to revert and end (default 60 s). */
  timeoutMs?: number;
  /** Recorded in the journal as who asked ("faultline stop (pid 123)"). */
  by?: string;
  /**
   * How to revert the faults of a run whose process is gone (killed, crashed, node lost). Without
   * it such runs are reported as stale and left alone.
   */
  revert?: Omit<RevertJournalOptions, 'onReverted'>;
  /** A run still going after the timeout is killed (SIGKILL) and its faults reverted here. */
  force?: boolean;
}

export interface StopResult {
  run_id: string;
  title: string;
  /**
   * `stopped`: the run interrupted itself and reverted. `reverted`: its process was gone, so stop
   * ran its pending reverts. `stale`: gone, not reverted (no revert options). `timed-out`: still running.
   */
  outcome: 'stopped' | 'reverted' | 'stale' | 'timed-out';
  journal_path?: string;
  /** Final status of the run as its journal says. */
  status?: string;
  reverted: PendingRevert[];
  /** Reverts that kept failing: faults a person must undo. */
  failed: PendingRevert[];
  /** Processes the dead run had started and left running, ended (SIGTERM, then SIGKILL) before its reverts. */
  ended_processes?: number[];
  /** The rollbacks a run killed hard still owed (strategy `always`), played by the stop: or why not. */
  rollbacks?: RollbacksOutcome;
}

/**
 * The big red button: stops one run (by id or unique id prefix) or every run on this machine.
 * A live run is asked through a stop file beside its state file (it polls for it, in any process),
 * interrupts as on SIGTERM, reverts and writes its journal; this waits for it to end. A run whose
 * process is gone has its pending reverts run here, from its journal (or its state file).
 */
export async function stopRun(target: string | 'all', options: StopOptions = {}): Promise<StopResult[]> {
  const dir = options.dir ?? runsDir(options.env);
  const runs = selectRuns(listRuns({ dir }), target);
  const request: StopRequest = {
    requested: new Date().toISOString(),
    by: options.by ?? `faultline stop (pid ${process.pid})`,
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const run of runs)
    if (run.liveness === 'running')
      writeFileSync(stopFileOf(dir, run.run_id), JSON.stringify(request), { mode: 0o600 });
  return Promise.all(runs.map((run) => stopOne(run, request, dir, options)));
}

/** Runs matching an id, a unique prefix of one, or all. An unknown id is an empty list. */
export function selectRuns(runs: ListedRun[], target: string): ListedRun[] {
  if (target === 'all') return runs;
  const exact = runs.filter((run) => run.run_id === target);
  if (exact.length) return exact;
  const prefixed = runs.filter((run) => run.run_id.startsWith(target));
  return prefixed.length === 1 ? prefixed : [];
}

async function stopOne(run: ListedRun, request: StopRequest, dir: string, options: StopOptions): Promise<StopResult> {
  const result: StopResult = {
    run_id: run.run_id,
    title: run.experiment?.title ?? '',
    outcome: 'stopped',
    journal_path: run.journal_path,
    reverted: [],
    failed: [],
  };
  if (run.liveness === 'running') {
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    while (existsSync(run.state_path) && isProcessAlive(run.pid, run.pid_start) && Date.now() < deadline)
      await abortableSleep(100);
    if (existsSync(run.state_path) && isProcessAlive(run.pid, run.pid_start)) {
      if (!options.force) return { ...result, outcome: 'timed-out', ...fromJournal(run, request) };
      process.kill(run.pid, 'SIGKILL');
      for (let i = 0; i < 50 && isProcessAlive(run.pid, run.pid_start); i++) await abortableSleep(100);
    }
    if (!existsSync(run.state_path)) return { ...result, ...fromJournal(run, request) };
  }
  // The process is gone but its state file is not: it was killed, or ended with reverts failing.
  if (!options.revert) return { ...result, outcome: 'stale', ...fromJournal(run, request) };
  return { ...result, outcome: 'reverted', ...(await revertStale(run, request, dir, options.revert)) };
}

/** What a run that ended by itself did after the request: reverts done since, and those failing. */
function fromJournal(run: ListedRun, request: StopRequest): Pick<StopResult, 'status' | 'reverted' | 'failed'> {
  const journal = readJournal(run.journal_path);
  const reverts = journal?.faultline?.reverts ?? run.faults;
  return {
    status: journal?.status,
    // In the order they were reverted: newest first, as a run reverts, then by time (a retried one later).
    reverted: reverts
      .filter((r) => r.status === 'reverted' && (r.reverted ?? '') >= request.requested)
      .reverse()
      .sort((a, b) => (a.reverted ?? '').localeCompare(b.reverted ?? '')),
    failed: reverts.filter((r) => r.status === 'failed' || r.status === 'pending'),
  };
}

async function revertStale(
  run: ListedRun,
  request: StopRequest,
  dir: string,
  revert: NonNullable<StopOptions['revert']>,
): Promise<Pick<StopResult, 'status' | 'reverted' | 'failed' | 'rollbacks' | 'ended_processes'>> {
  const onDisk = readJournal(run.journal_path);
  const journal: Journal =
    onDisk ??
    ({
      experiment: { title: run.experiment.title },
      start: run.started,
      status: 'running',
      faultline: { run_id: run.run_id, reverts: run.faults },
    } as unknown as Journal);
  // What the dead run left running (a psql mid-query, a stress-ng just spawned) ends first, so
  // nothing it started acts after the reverts and rollbacks.
  const ended = await endLeftoverProcesses(runnerMark(run.pid, run.pid_start));
  const outcome = await revertJournal(journal, revert);
  // Rollbacks after the reverts, as the run itself orders them.
  const rollbacks = run.rollbacks ? await playOwedRollbacks(run, journal, revert) : undefined;
  if (rollbacks)
    journal.rollbacks = [...(Array.isArray(journal.rollbacks) ? journal.rollbacks : []), ...rollbacks.played];
  const rollbackError =
    rollbacks?.refused ??
    rollbacks?.played
      .filter((entry) => entry.status === 'failed')
      .map((entry) => `rollback "${entry.activity.name}" failed: ${entry.exception?.join(' ')}`)
      .join('; ');
  if (journal.status === 'running') {
    journal.status = 'interrupted';
    journal.end = new Date().toISOString();
  }
  journal.faultline.interruption ??= {
    by: 'stop-request',
    reason: `stopped by ${request.by}: the run's process (pid ${run.pid}) was gone, its faults were reverted by the stop`,
    at: request.requested,
  };
  if (onDisk && run.journal_path) writeAtomically(run.journal_path, journal);
  const left = (journal.faultline.reverts ?? []).filter((r) => r.status === 'pending' || r.status === 'failed');
  if (left.length || rollbackError)
    writeAtomically(run.state_path, {
      ...stripListing(run),
      faults: left,
      rollbacks: rollbackError ? { ...run.rollbacks, error: rollbackError } : undefined,
      updated: new Date().toISOString(),
    });
  else {
    rmSync(run.state_path, { force: true });
    rmSync(stopFileOf(dir, run.run_id), { force: true });
  }
  return {
    status: journal.status,
    reverted: outcome.reverted,
    failed: left,
    ...(ended.length ? { ended_processes: ended } : {}),
    ...(rollbacks ? { rollbacks } : {}),
  };
}

function stripListing(run: ListedRun) {
  const { state_path: _path, liveness: _liveness, stop_requested: _requested, ...state } = run;
  return state;
}

function readJournal(path: string | undefined): Journal | undefined {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Journal;
  } catch {
    return undefined;
  }
}

function writeAtomically(path: string, value: unknown): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}
