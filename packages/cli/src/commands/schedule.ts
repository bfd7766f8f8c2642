import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { faultlineVersion } from '../version.js';

export interface ScheduleSpecFlags {
  name: string;
  cron: string;
  namespace: string;
  timeZone?: string;
  image: string;
  maxDuration: string;
  suspend?: boolean;
  context?: string;
  plan?: boolean;
  storeSecret?: string;
}

export interface ScheduleListFlags {
  namespace?: string;
  context?: string;
  json?: boolean;
}

export interface ScheduleDeleteFlags {
  namespace: string;
  context?: string;
}

export interface ScheduleJobFlags {
  maxDuration: string;
  journalPath: string;
  plan?: boolean;
}

/** The image `faultline schedule` runs by default: the one the repository's Dockerfile builds, tagged with this version. */
export const defaultImage = `faultline:${faultlineVersion}`;

/** `faultline schedule …`: experiments run by Kubernetes CronJobs (docs/schedules.md). */
export function registerScheduleCommand(program: Command, io: CliIo): void {
  const schedule = program
    .command('schedule')
    .description('Run experiments on a schedule in the cluster, as Kubernetes CronJobs (docs/schedules.md)');

  specOptions(
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
      const { renderScheduleCommand } = await import('./schedule-action.js');
      await renderScheduleCommand(source, flags, command.optsWithGlobals<GlobalFlags>(), io);
    });

  specOptions(
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
      const { applyScheduleCommand } = await import('./schedule-action.js');
      await applyScheduleCommand(source, flags, command.optsWithGlobals<GlobalFlags>(), io);
    });

  schedule
    .command('list')
    .description('List schedules with their state, next run and last result')
    .option('-n, --namespace <ns>', 'only this namespace (default: all)')
    .option('--context <name>', 'kubeconfig context (same as KUBERNETES_CONTEXT)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  faultline schedule list -n chaos')
    .action(async (flags: ScheduleListFlags) => {
      const { listSchedulesCommand } = await import('./schedule-action.js');
      await listSchedulesCommand(flags, io);
    });

  schedule
    .command('delete')
    .description('Delete a schedule: its CronJob, running Jobs (pods get SIGTERM and revert), ConfigMap and RBAC')
    .argument('<name>', 'schedule name')
    .option('-n, --namespace <ns>', 'namespace of the schedule', 'default')
    .option('--context <name>', 'kubeconfig context (same as KUBERNETES_CONTEXT)')
    .addHelpText('after', '\nExample:\n  faultline schedule delete checkout -n chaos')
    .action(async (name: string, flags: ScheduleDeleteFlags) => {
      const { deleteScheduleCommand } = await import('./schedule-action.js');
      await deleteScheduleCommand(name, flags, io);
    });

  schedule
    .command('stop-all')
    .description(
      'Suspend every Faultline CronJob and delete the running Faultline Jobs (their pods get SIGTERM and revert)',
    )
    .option('--context <name>', 'kubeconfig context (same as KUBERNETES_CONTEXT)')
    .addHelpText('after', '\nResume a schedule with `faultline schedule apply` (or kubectl patch ... suspend=false).')
    .action(async (flags: { context?: string }) => {
      const { stopAllSchedulesCommand } = await import('./schedule-action.js');
      await stopAllSchedulesCommand(flags, io);
    });

  schedule
    .command('job')
    .description("Run an experiment as a schedule's Job does (inside the pod; see `faultline schedule render`)")
    .argument('<experiment>', 'experiment file (mounted from the schedule ConfigMap)')
    .option('--max-duration <duration>', 'interrupt the run after this long; faults are reverted', '30m')
    .option('--journal-path <path>', 'where the journal is written', 'journal.json')
    .option('--plan', 'the file is a game day plan: run it as `faultline gameday run` (journals in ./gameday)')
    .addHelpText(
      'after',
      `
Environment (set by the CronJob): FAULTLINE_IN_POD=true, FAULTLINE_SCHEDULE, FAULTLINE_SCHEDULE_CONFIGMAP,
FAULTLINE_NAMESPACE; FAULTLINE_SERVICEACCOUNT_ROOT overrides /var/run/secrets/kubernetes.io/serviceaccount.`,
    )
    .action(async (source: string, flags: ScheduleJobFlags, command: Command) => {
      const { scheduleJobCommand } = await import('./schedule-action.js');
      await scheduleJobCommand(source, flags, command.optsWithGlobals<GlobalFlags>(), io);
    });
}

/** The options shared by `schedule render` and `schedule apply`. */
function specOptions(command: Command): Command {
  return command
    .argument('<experiment>', 'experiment file (.json, .yaml, .yml) or http(s) URL; with --plan a plan file')
    .requiredOption('--name <name>', 'schedule name (objects are named faultline-<name>)')
    .requiredOption('--cron <expression>', 'when to run: five-field cron expression, e.g. "0 10 * * 1-5"')
    .option('-n, --namespace <ns>', 'namespace of the CronJob, its ConfigMap and service account', 'default')
    .option('--time-zone <zone>', "IANA time zone of the cron expression (default: the controller's, usually UTC)")
    .option('--image <ref>', 'container image with faultline (see Dockerfile)', defaultImage)
    .option('--max-duration <duration>', 'interrupt each run after this long and revert ("30m")', '30m')
    .option('--suspend', 'create the CronJob suspended')
    .option(
      '--store-secret <name/key>',
      "record each run in the runs store whose URL is this Secret's key (FAULTLINE_STORE)",
    )
    .option('--plan', 'the file is a game day plan (docs/gamedays.md): the Job runs `faultline gameday run`');
}
