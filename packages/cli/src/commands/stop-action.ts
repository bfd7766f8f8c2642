import {
  ActivityResolver,
  collectVars,
  exitCodes,
  listRuns,
  loadSettings,
  manualUndo,
  parseDuration,
  selectRuns,
  stopRun,
  UsageError,
  type StopResult,
} from '@faultline/core';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { knownDrivers } from '../known-drivers.js';
import type { StopFlags } from './stop.js';

const failedEntry = (entry: { status?: string }) => entry.status === 'failed';

/**
 * Says loudly which runs killed hard still owe rollbacks that could not be played (refused, or
 * failing): the data they restore may still be changed. Returns those runs.
 */
export function reportUnplayedRollbacks(results: readonly StopResult[], io: Pick<CliIo, 'stderr'>): StopResult[] {
  const owed = results.filter((r) => r.rollbacks && (r.rollbacks.refused || r.rollbacks.played.some(failedEntry)));
  for (const result of owed)
    io.stderr.write(
      `ROLLBACKS NOT PLAYED for run ${result.run_id}: ${
        result.rollbacks!.refused ??
        result
          .rollbacks!.played.filter(failedEntry)
          .map((e) => `"${e.activity.name}" failed: ${e.exception?.join(' ')}`)
          .join('; ')
      }\n  the data they restore may still be changed: play the experiment's rollbacks by hand (the run stays listed by \`faultline status\`)\n`,
    );
  return owed;
}

export async function stopCommand(
  runId: string | undefined,
  flags: StopFlags,
  globals: GlobalFlags,
  io: CliIo,
): Promise<void> {
  const timeout = parseDuration(flags.timeout, '--timeout');
  if (flags.cluster) {
    const { stopCluster } = await import('./stop-cluster.js');
    await stopCluster(io, flags.context);
  }
  const target = runId ?? 'all';
  const runs = listRuns({ env: io.env });
  if (runId && !selectRuns(runs, runId).length)
    throw new UsageError(`no run "${runId}" on this machine`, {
      code: 'E_RUN_NOT_FOUND',
      hint: runs.length
        ? `running: ${runs.map((r) => r.run_id).join(', ')}`
        : 'no experiment is running (`faultline status`)',
    });
  if (!runs.length) {
    if (flags.output === 'json') io.stdout.write('[]\n');
    else io.stdout.write('no experiment is running on this machine\n');
    return;
  }
  const { settings } = await loadSettings(globals.settings, io.env);
  const vars = await collectVars({ varFiles: flags.varFile, cwd: io.cwd });
  if (flags.output !== 'json') io.stdout.write(`stopping ${runId ? `run ${runId}` : 'every run on this machine'}…\n`);
  const results = await stopRun(target, {
    env: io.env,
    timeoutMs: timeout * 1000,
    force: flags.force,
    revert: { resolver: new ActivityResolver(knownDrivers), env: io.env, settings, cwd: io.cwd, vars },
  });
  const { endRevertedLiveRuns } = await import('../store/publish-live-run.js');
  await endRevertedLiveRuns(flags.store, settings, io, results);
  const failed = results.flatMap((r) => r.failed);
  if (flags.output === 'json') io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const result of results) {
      const how = {
        stopped: 'stopped',
        reverted: 'its process was gone: reverted its faults here',
        stale: 'its process was gone',
        'timed-out': `still running after ${flags.timeout} (use --force)`,
      }[result.outcome];
      io.stdout.write(`${result.run_id} ${result.title}: ${how}${result.status ? ` (${result.status})` : ''}\n`);
      if (result.ended_processes?.length)
        io.stdout.write(`  ended what it left running: pid ${result.ended_processes.join(', ')}\n`);
      for (const revert of result.reverted) io.stdout.write(`  reverted: ${revert.title}\n`);
      for (const entry of result.rollbacks?.played ?? [])
        io.stdout.write(`  rollback "${entry.activity.name}": ${entry.status}\n`);
      if (result.journal_path) io.stdout.write(`  journal: ${result.journal_path}\n`);
    }
  }
  if (failed.length) io.stderr.write(manualUndo(failed));
  const owed = reportUnplayedRollbacks(results, io);
  io.setExitCode(
    failed.length || owed.length
      ? exitCodes.faultsLeft
      : results.some((r) => r.outcome === 'timed-out')
        ? exitCodes.interrupted
        : exitCodes.ok,
  );
}
