import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import {
  scheduleSpecFrom,
  scheduleSpecOptions,
  warnUnknownActivities,
  type ScheduleSpecFlags,
} from './schedule-spec-flags.js';

/** `faultline schedule render`: the schedule's objects as YAML, for a GitOps repository. */
export function registerScheduleRenderCommand(schedule: Command, io: CliIo): void {
  scheduleSpecOptions(
    schedule
      .command('render')
      .description(
        'Print the CronJob, ConfigMap, ServiceAccount and RBAC of a schedule as multi-document YAML (nothing is applied)',
      ),
  )
    .addHelpText(
      'after',
      `
Example:
  faultline schedule render experiment.yaml --name checkout --cron "0 10 * * 1-5" -n chaos > schedule.yaml`,
    )
    .action(async (source: string, flags: ScheduleSpecFlags, command: Command) => {
      const { renderSchedule, scheduleYaml } = await import('@faultline/kubernetes/schedule');
      const rendered = await renderSchedule(await scheduleSpecFrom(source, flags, command.optsWithGlobals(), io));
      warnUnknownActivities(rendered.unknownActivities, io);
      io.stdout.write(scheduleYaml(rendered.objects));
    });
}
