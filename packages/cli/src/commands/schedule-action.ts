import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  applySchedule,
  deleteSchedule,
  listSchedules,
  scheduleConnection,
  scheduleYaml,
  summarizeJournal,
  type ScheduleRunSummary,
} from '@faultline/kubernetes/schedule';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { formatApplied } from './format-applied.js';
import { plainRunFlags } from './run.js';
import type { ScheduleDeleteFlags, ScheduleJobFlags, ScheduleListFlags, ScheduleSpecFlags } from './schedule.js';
import { scheduleJobRecorders } from './schedule-job-recorders.js';
import { renderedSchedule } from './schedule-spec.js';
import { stopCluster } from './stop-cluster.js';

/** `faultline schedule render`: the schedule's objects as YAML, for a GitOps repository. */
export async function renderScheduleCommand(
  source: string,
  flags: ScheduleSpecFlags,
  globals: GlobalFlags,
  io: CliIo,
): Promise<void> {
  io.stdout.write(scheduleYaml(await renderedSchedule(source, flags, globals, io)));
}

/** `faultline schedule apply`: create or update a schedule's objects in the cluster. */
export async function applyScheduleCommand(
  source: string,
  flags: ScheduleSpecFlags,
  globals: GlobalFlags,
  io: CliIo,
): Promise<void> {
  const rendered = await renderedSchedule(source, flags, globals, io);
  const { objects } = await scheduleConnection(io.env, flags.context);
  const applied = await applySchedule(objects, { name: flags.name, namespace: flags.namespace }, rendered);
  io.stdout.write(formatApplied(applied));
}

/** `faultline schedule list`: schedules with state, next run and last result. */
export async function listSchedulesCommand(flags: ScheduleListFlags, io: CliIo): Promise<void> {
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
}

/** `faultline schedule delete`: remove exactly the objects labelled with the schedule. */
export async function deleteScheduleCommand(name: string, flags: ScheduleDeleteFlags, io: CliIo): Promise<void> {
  const { objects } = await scheduleConnection(io.env, flags.context);
  const deleted = await deleteSchedule(objects, { name, namespace: flags.namespace });
  io.stdout.write(deleted.length ? formatApplied(deleted) : `no schedule "${name}" in ${flags.namespace}\n`);
}

/** `faultline schedule stop-all`: the cluster-wide stop button for scheduled chaos. */
export async function stopAllSchedulesCommand(flags: { context?: string }, io: CliIo): Promise<void> {
  await stopCluster(io, flags.context);
}

const pod = (io: CliIo) => (io.env['HOSTNAME'] ? { pod: io.env['HOSTNAME'] } : {});

/**
 * `faultline schedule job`: what a schedule's pod runs. `faultline run` with the pod's service
 * account (FAULTLINE_IN_POD=true), then the journal to the log (kubectl logs) and the result to
 * the recorders (see schedule-job-recorders.ts).
 */
export async function scheduleJobCommand(
  source: string,
  flags: ScheduleJobFlags,
  globalFlags: GlobalFlags,
  io: CliIo,
): Promise<void> {
  // With a store (FAULTLINE_STORE from the schedule's Secret) the run is recorded like any run;
  // without one, not into a file on the pod's emptyDir that nobody would read.
  const runFlags = plainRunFlags(flags.journalPath, {
    maxDuration: flags.maxDuration,
    ...(io.env['FAULTLINE_STORE'] ? {} : { store: false as const }),
  });
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
  // The root filesystem is read-only: no faultline.log next to the experiment, the log is the pod's.
  const globals = { ...globalFlags, logFile: false as const };
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
      const { runCommand } = await import('./run-action.js');
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
}
