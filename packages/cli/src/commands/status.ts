import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIo } from '../cli-io.js';

export function registerStatusCommand(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('List the experiments running on this machine: run id, experiment, phase, faults injected now')
    .addOption(new Option('--output <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Runs are found through their state files (FAULTLINE_RUNS_DIR, default ~/.local/state/faultline/runs).
A "stale" run's process is gone (killed, node lost) while faults are still listed: \`faultline stop\` reverts them.

Examples:
  faultline status
  faultline status --output json`,
    )
    .action(async (flags: { output: 'text' | 'json' }) => {
      const { listRuns } = await import('@faultline/core');
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
    });
}
