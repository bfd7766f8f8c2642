import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

interface ListFlags {
  namespace?: string;
  context?: string;
  json?: boolean;
}

/** `faultline schedule list`: schedules with state, next run and last result. */
export function registerScheduleListCommand(schedule: Command, io: CliIo): void {
  schedule
    .command('list')
    .description('List schedules with their state, next run and last result')
    .option('-n, --namespace <ns>', 'only this namespace (default: all)')
    .option('--context <name>', 'kubeconfig context (same as KUBERNETES_CONTEXT)')
    .option('--json', 'print JSON')
    .action(async (flags: ListFlags) => {
      const { listSchedules, scheduleConnection } = await import('@faultline/kubernetes/schedule');
      const { objects } = await scheduleConnection(io.env, flags.context);
      const schedules = await listSchedules(objects, flags.namespace ? { namespace: flags.namespace } : {});
      if (flags.json) {
        io.stdout.write(`${JSON.stringify(schedules, null, 2)}\n`);
        return;
      }
      if (schedules.length === 0) {
        io.stdout.write('no schedules\n');
        return;
      }
      const rows = [
        ['NAMESPACE', 'NAME', 'CRON', 'STATE', 'NEXT RUN', 'LAST RESULT', 'LAST RUN'],
        ...schedules.map((s) => [
          s.namespace,
          s.name,
          s.timeZone ? `${s.cron} (${s.timeZone})` : s.cron,
          s.state,
          s.nextRun ?? '-',
          s.lastResult ? `${s.lastResult.status}${s.lastResult.deviated ? ' (deviated)' : ''}` : '-',
          s.lastResult?.end ?? s.lastScheduleTime ?? '-',
        ]),
      ];
      const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
      for (const row of rows)
        io.stdout.write(
          `${row
            .map((cell, i) => cell.padEnd(widths[i]!))
            .join('  ')
            .trimEnd()}\n`,
        );
    });
}
