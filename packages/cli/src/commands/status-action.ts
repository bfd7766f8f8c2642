import { listRuns } from '@faultline/core';
import type { CliIo } from '../cli-io.js';
import type { StatusFlags } from './status.js';

/** `faultline status`: the runs on this machine, from their state files. */
export function statusCommand(flags: StatusFlags, io: CliIo): void {
  const runs = listRuns({ env: io.env });
  if (flags.output === 'json') {
    io.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
    return;
  }
  if (!runs.length) {
    io.stdout.write('no experiment is running on this machine\n');
    return;
  }
  for (const run of runs) {
    const stale = run.liveness === 'stale' ? ' [STALE: process gone, faults still listed]' : '';
    const stopping = run.stop_requested ? ' [stop requested]' : '';
    io.stdout.write(`${run.run_id}  ${run.experiment.title}${stale}${stopping}\n`);
    io.stdout.write(`  phase ${run.phase} since start ${run.started}, pid ${run.pid} on ${run.host}\n`);
    if (run.experiment.source) io.stdout.write(`  experiment ${run.experiment.source}\n`);
    if (run.journal_path) io.stdout.write(`  journal ${run.journal_path}\n`);
    if (!run.faults.length) io.stdout.write('  no fault injected now\n');
    for (const fault of run.faults) io.stdout.write(`  fault since ${fault.registered}: ${fault.title}\n`);
    if (run.rollbacks)
      io.stdout.write(
        `  owes ${run.rollbacks.count} rollback(s) (strategy always)${run.rollbacks.error ? `: not played: ${run.rollbacks.error}` : ''}\n`,
      );
  }
}
