import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

/** `faultline schedule stop-all`: the cluster-wide stop button for scheduled chaos. */
export function registerScheduleStopAllCommand(schedule: Command, io: CliIo): void {
  schedule
    .command('stop-all')
    .description(
      'Suspend every Faultline CronJob and delete the running Faultline Jobs (their pods get SIGTERM and revert)',
    )
    .option('--context <name>', 'kubeconfig context (same as KUBERNETES_CONTEXT)')
    .addHelpText('after', '\nResume a schedule with `faultline schedule apply` (or kubectl patch ... suspend=false).')
    .action(async (flags: { context?: string }) => {
      const { stopCluster } = await import('./stop-cluster.js');
      await stopCluster(io, flags.context);
    });
}
