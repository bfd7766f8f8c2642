import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { registerScheduleApplyCommand } from './schedule-apply.js';
import { registerScheduleDeleteCommand } from './schedule-delete.js';
import { registerScheduleJobCommand } from './schedule-job.js';
import { registerScheduleListCommand } from './schedule-list.js';
import { registerScheduleRenderCommand } from './schedule-render.js';
import { registerScheduleStopAllCommand } from './schedule-stop-all.js';

/** `faultline schedule …`: experiments run by Kubernetes CronJobs (docs/schedules.md). */
export function registerScheduleCommand(program: Command, io: CliIo): void {
  const schedule = program
    .command('schedule')
    .description('Run experiments on a schedule in the cluster, as Kubernetes CronJobs (docs/schedules.md)');
  for (const register of [
    registerScheduleRenderCommand,
    registerScheduleApplyCommand,
    registerScheduleListCommand,
    registerScheduleDeleteCommand,
    registerScheduleStopAllCommand,
    registerScheduleJobCommand,
  ])
    register(schedule, io);
}
