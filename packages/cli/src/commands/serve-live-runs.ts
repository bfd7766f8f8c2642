import { ActivityResolver, listRuns, loadSettings, stopRun } from '@faultline/core';
import type { LiveRunSource } from '@faultline/server';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { knownDrivers } from '../known-drivers.js';

/**
 * The dashboard's live runs: the same state files `faultline status` reads, and the same stop
 * `faultline stop` uses (a run whose process is gone has its faults reverted here).
 */
export function liveRunsOfThisMachine(globals: GlobalFlags, io: CliIo): LiveRunSource {
  return {
    list: async () =>
      listRuns({ env: io.env }).map((run) => ({
        id: run.run_id,
        title: run.experiment.title,
        phase: run.phase,
        startedAt: run.started,
        liveness: run.liveness,
        stopRequested: run.stop_requested,
        faults: run.faults.map((fault) => ({
          name: fault.activity || fault.title,
          since: fault.registered,
          undo: fault.title,
        })),
        samples: run.samples ?? [],
      })),
    stop: async (target, by) => {
      const { settings } = await loadSettings(globals.settings, io.env);
      const results = await stopRun(target, {
        env: io.env,
        by,
        revert: { resolver: new ActivityResolver(knownDrivers), env: io.env, settings, cwd: io.cwd },
      });
      return results.map((result) => ({
        id: result.run_id,
        title: result.title,
        outcome: result.outcome,
        status: result.status,
        reverted: result.reverted.map((revert) => revert.title),
        failed: result.failed.map((revert) => revert.title),
      }));
    },
  };
}
