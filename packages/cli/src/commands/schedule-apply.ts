import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { formatApplied } from './format-applied.js';
import {
  scheduleSpecFrom,
  scheduleSpecOptions,
  warnUnknownActivities,
  type ScheduleSpecFlags,
} from './schedule-spec-flags.js';

/** `faultline schedule apply`: create or update a schedule's objects in the cluster. */
export function registerScheduleApplyCommand(schedule: Command, io: CliIo): void {
  scheduleSpecOptions(
    schedule
      .command('apply')
      .description('Create or update a schedule in the cluster (idempotent; objects it no longer needs are removed)'),
  )
    .option('--context <name>', 'kubeconfig context (same as KUBERNETES_CONTEXT)')
    .addHelpText(
      'after',
      `
Every object is labelled app.kubernetes.io/managed-by=faultline and faultline.io/schedule=<name>.

Example:
  faultline schedule apply experiment.yaml --name checkout --cron "0 10 * * 1-5" -n chaos --image registry.example.com/faultline:0.1.0`,
    )
    .action(async (source: string, flags: ScheduleSpecFlags, command: Command) => {
      const { applySchedule, renderSchedule, scheduleConnection } = await import('@faultline/kubernetes/schedule');
      const rendered = await renderSchedule(await scheduleSpecFrom(source, flags, command.optsWithGlobals(), io));
      warnUnknownActivities(rendered.unknownActivities, io);
      const { objects } = await scheduleConnection(io.env, flags.context);
      const applied = await applySchedule(objects, { name: flags.name, namespace: flags.namespace }, rendered.objects);
      io.stdout.write(formatApplied(applied));
    });
}
