import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { RunFlags } from './run.js';

interface JobFlags {
  maxDuration: string;
  journalPath: string;
}

/**
 * `faultline schedule job`: what a schedule's pod runs. `faultline run` with the pod's service
 * account (FAULTLINE_IN_POD=true), then the journal to the log (kubectl logs) and the result to
 * the recorders (see schedule-job-recorders.ts).
 */
export function registerScheduleJobCommand(schedule: Command, io: CliIo): void {
  schedule
    .command('job')
    .description("Run an experiment as a schedule's Job does (inside the pod; see `faultline schedule render`)")
    .argument('<experiment>', 'experiment file (mounted from the schedule ConfigMap)')
    .option('--max-duration <duration>', 'interrupt the run after this long; faults are reverted', '30m')
    .option('--journal-path <path>', 'where the journal is written', 'journal.json')
    .addHelpText(
      'after',
      `
Environment (set by the CronJob): FAULTLINE_IN_POD=true, FAULTLINE_SCHEDULE, FAULTLINE_SCHEDULE_CONFIGMAP,
FAULTLINE_NAMESPACE; FAULTLINE_SERVICEACCOUNT_ROOT overrides /var/run/secrets/kubernetes.io/serviceaccount.`,
    )
    .action(async (source: string, flags: JobFlags, command: Command) => {
      const { readFile } = await import('node:fs/promises');
      const { resolve } = await import('node:path');
      const { runCommand } = await import('./run-action.js');
      const { scheduleJobRecorders } = await import('./schedule-job-recorders.js');
      const runFlags: RunFlags = {
        journalPath: flags.journalPath,
        maxDuration: flags.maxDuration,
        var: [],
        varFile: [],
        controlFile: [],
        validation: true,
        verifyTls: true,
        output: 'text',
      };
      // The root filesystem is read-only: no faultline.log next to the experiment, the log is the pod's.
      await runCommand(source, runFlags, { ...command.optsWithGlobals(), logFile: false }, io);
      const journal = JSON.parse(await readFile(resolve(io.cwd, flags.journalPath), 'utf8')) as Record<string, unknown>;
      io.stdout.write(`journal: ${JSON.stringify(journal)}\n`);
      const { summarizeJournal } = await import('@faultline/kubernetes/schedule');
      const summary = summarizeJournal(journal, io.env['HOSTNAME']);
      for (const recorder of await scheduleJobRecorders(io.env)) {
        try {
          await recorder(summary, journal);
        } catch (error) {
          // The run's own result (the exit code) stands; a lost summary is said loudly in the log.
          io.stderr.write(`error: the result was not recorded: ${(error as Error).message}\n`);
          io.setExitCode(2);
        }
      }
    });
}
