import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { ScheduleRunSummary } from '@faultline/kubernetes/schedule';
import type { RunFlags } from './run.js';

const pod = (io: CliIo) => (io.env['HOSTNAME'] ? { pod: io.env['HOSTNAME'] } : {});

interface JobFlags {
  maxDuration: string;
  journalPath: string;
  plan?: boolean;
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
    .option('--plan', 'the file is a game day plan: run it as `faultline gameday run` (journals in ./gameday)')
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
        // With a store (FAULTLINE_STORE from the schedule's Secret) the run is recorded like any run;
        // without one, not into a file on the pod's emptyDir that nobody would read.
        ...(io.env['FAULTLINE_STORE'] ? {} : { store: false as const }),
      };
      const { summarizeJournal } = await import('@faultline/kubernetes/schedule');
      const recorders = await scheduleJobRecorders(io.env);
      const record = async (summary: ScheduleRunSummary, journal: Record<string, unknown>) => {
        for (const recorder of recorders) {
          try {
            await recorder(summary, journal);
          } catch (error) {
            // A result nobody can see fails the Job, so it shows in `kubectl get jobs`; the log says why.
            io.stderr.write(`error: the result was not recorded: ${(error as Error).message}\n`);
            io.setExitCode(2);
          }
        }
      };
      const globals = { ...command.optsWithGlobals(), logFile: false as const };
      let journal: Record<string, unknown>;
      let summary: ScheduleRunSummary;
      try {
        if (flags.plan) {
          // The Job's deadline bounds a plan; each step reverts on the SIGTERM it brings.
          const { runGameday } = await import('./gameday-action.js');
          const result = await runGameday(source, { var: [], varFile: [], outDir: 'gameday' }, globals, io);
          journal = { ...result };
          summary = {
            status: result.status,
            deviated: result.steps.some((step) => step.deviated),
            runId: result.gameday,
            ...pod(io),
          };
        } else {
          // The root filesystem is read-only: no faultline.log next to the experiment, the log is the pod's.
          await runCommand(source, runFlags, globals, io);
          journal = JSON.parse(await readFile(resolve(io.cwd, flags.journalPath), 'utf8')) as Record<string, unknown>;
          summary = summarizeJournal(journal, io.env['HOSTNAME']);
        }
      } catch (error) {
        // A run that could not start (invalid experiment, unreachable cluster) still leaves a result.
        const message = (error as Error).message.replace(/\s*\n\s*/g, '; ').slice(0, 500);
        await record({ status: 'error', deviated: false, error: message, ...pod(io) }, {});
        throw error;
      }
      io.stdout.write(`journal: ${JSON.stringify(journal)}\n`);
      await record(summary, journal);
    });
}
