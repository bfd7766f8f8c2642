import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { formatApplied } from './format-applied.js';

interface DeleteFlags {
  namespace: string;
  context?: string;
}

/** `faultline schedule delete`: remove exactly the objects labelled with the schedule. */
export function registerScheduleDeleteCommand(schedule: Command, io: CliIo): void {
  schedule
    .command('delete')
    .description('Delete a schedule: its CronJob, running Jobs (pods get SIGTERM and revert), ConfigMap and RBAC')
    .argument('<name>', 'schedule name')
    .option('-n, --namespace <ns>', 'namespace of the schedule', 'default')
    .option('--context <name>', 'kubeconfig context (same as KUBERNETES_CONTEXT)')
    .action(async (name: string, flags: DeleteFlags) => {
      const { deleteSchedule, scheduleConnection } = await import('@faultline/kubernetes/schedule');
      const { objects } = await scheduleConnection(io.env, flags.context);
      const deleted = await deleteSchedule(objects, { name, namespace: flags.namespace });
      io.stdout.write(deleted.length ? formatApplied(deleted) : `no schedule "${name}" in ${flags.namespace}\n`);
    });
}
