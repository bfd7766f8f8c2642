import type { Journal, RunState } from '@faultline/core';
import type { SqlDriver } from './driver/sql-driver.js';
import { addFinding, getFinding, listFindings, updateFinding } from './findings.js';
import { importJournals } from './import-journals.js';
import { listRuns } from './list-runs.js';
import {
  endLiveRun,
  getLiveRun,
  listLiveRuns,
  publishLiveRun,
  requestLiveRunStop,
  type LiveRunRecord,
  type LiveStopRequest,
} from './live-runs.js';
import { prune } from './prune.js';
import { recordRun } from './record-run.js';
import { resolveRef } from './resolve-ref.js';
import { runColumns, runFromRow, type RunRow } from './rows.js';
import { trend } from './trend.js';
import type {
  ExperimentRecord,
  Finding,
  FindingDetail,
  FindingFilter,
  FindingUpdate,
  ImportResult,
  NewFinding,
  Outcome,
  PruneResult,
  RecordResult,
  RecordRunInput,
  RunDetail,
  RunFilter,
  RunPage,
  RunSummaryRecord,
  Trend,
} from './types.js';

/**
 * The runs and findings store: the one API the CLI, the dashboard and schedules use. Open it with
 * `openStore(url)`; every method is safe to call from several processes at once.
 */
export class Store {
  constructor(
    private readonly db: SqlDriver,
    /** The store's URL without its password. */
    readonly location: string,
  ) {}

  get dialect(): SqlDriver['dialect'] {
    return this.db.dialect;
  }

  /** Records a finished run and applies the finding transitions it causes. Idempotent per run id. */
  recordRun(input: RecordRunInput): Promise<RecordResult> {
    return recordRun(this.db, input);
  }

  listRuns(filter?: RunFilter): Promise<RunPage> {
    return listRuns(this.db, filter);
  }

  /** One run by id or unique id prefix, with its summary and journal. */
  async getRun(ref: string): Promise<RunDetail> {
    const id = await resolveRef(this.db, 'run', ref);
    const [row] = await this.db.all<RunRow & { summary: string; journal: string }>(
      `select ${runColumns.replace(/(^|, )/g, '$1r.')}, r.summary, j.journal from runs r join run_journals j on j.run_id = r.id where r.id = ?`,
      [id],
    );
    return {
      ...runFromRow(row!),
      summary: JSON.parse(row!.summary) as RunSummaryRecord,
      journal: JSON.parse(row!.journal) as Journal,
    };
  }

  /** Every experiment with its run count and latest outcome, most recently run first. */
  async listExperiments(): Promise<ExperimentRecord[]> {
    const rows = await this.db.all<{
      id: string;
      title: string;
      tags: string;
      source: string | null;
      first_run_at: string;
      last_run_at: string;
      runs: number;
      last_outcome: Outcome | null;
    }>(
      `select e.*, (select count(*) from runs r where r.experiment_id = e.id) as runs,
        (select r.outcome from runs r where r.experiment_id = e.id order by r.started_at desc, r.id desc limit 1) as last_outcome
       from experiments e order by e.last_run_at desc`,
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      tags: JSON.parse(r.tags) as string[],
      source: r.source,
      firstRunAt: r.first_run_at,
      lastRunAt: r.last_run_at,
      runs: Number(r.runs),
      lastOutcome: r.last_outcome,
    }));
  }

  /** An experiment's id from its id, unique id prefix or title. */
  resolveExperiment(ref: string): Promise<string> {
    return resolveRef(this.db, 'experiment', ref);
  }

  addFinding(finding: NewFinding): Promise<Finding> {
    return addFinding(this.db, finding);
  }

  listFindings(filter?: FindingFilter): Promise<Finding[]> {
    return listFindings(this.db, filter);
  }

  getFinding(id: number): Promise<FindingDetail> {
    return getFinding(this.db, id);
  }

  updateFinding(id: number, update: FindingUpdate): Promise<FindingDetail> {
    return updateFinding(this.db, id, update);
  }

  /** Pass rate, time to impact/recover and resilience score of an experiment or a tag. */
  trend(scope: { experiment: string } | { tag: string }, options?: { limit?: number; since?: string }): Promise<Trend> {
    return trend(this.db, scope, options);
  }

  /** Deletes runs started before `before`, keeping those that evidence a finding. */
  prune(before: string, options?: { dryRun?: boolean }): Promise<PruneResult> {
    return prune(this.db, before, options);
  }

  importJournals(
    paths: readonly string[],
    options?: { onProgress?: (done: number, total: number) => void },
  ): Promise<ImportResult> {
    return importJournals(this.db, paths, options);
  }

  /** A run in progress publishes its state (its heartbeat); answers with a stop request, if any. */
  publishLiveRun(state: RunState): Promise<LiveStopRequest | undefined> {
    return publishLiveRun(this.db, state);
  }

  /** The run is over: marked ended with its status and the faults it could not revert. */
  endLiveRun(runId: string, end: { status?: string; faultsLeft?: RunState['faults'] }): Promise<void> {
    return endLiveRun(this.db, runId, end);
  }

  /** Runs in progress on every host that publishes here, with lost and ended-with-faults ones. */
  listLiveRuns(options?: { lostAfterMs?: number; now?: number }): Promise<LiveRunRecord[]> {
    return listLiveRuns(this.db, options);
  }

  getLiveRun(runId: string, options?: { lostAfterMs?: number }): Promise<LiveRunRecord | undefined> {
    return getLiveRun(this.db, runId, options);
  }

  /** Asks a run (on any host) to stop: it polls for this with its heartbeat. */
  requestLiveRunStop(runId: string, by: string): Promise<boolean> {
    return requestLiveRunStop(this.db, runId, by);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
