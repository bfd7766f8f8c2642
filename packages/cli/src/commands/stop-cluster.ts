import type { CliIo } from '../cli-io.js';

/**
 * The cluster-wide stop: suspends every Faultline CronJob and deletes the running Faultline Jobs,
 * so their pods get SIGTERM and revert through the run's own path. Used by `faultline stop
 * --cluster` and `faultline schedule stop-all`.
 */
export async function stopCluster(io: CliIo, context: string | undefined): Promise<void> {
  const { scheduleConnection, stopAllSchedules } = await import('@faultline/kubernetes/schedule');
  const { k8s, objects } = await scheduleConnection(io.env, context);
  const result = await stopAllSchedules(objects, k8s);
  for (const name of result.suspended) io.stdout.write(`suspended CronJob ${name}\n`);
  for (const name of result.deletedJobs) io.stdout.write(`deleted Job ${name}\n`);
  if (!result.suspended.length && !result.deletedJobs.length) io.stdout.write('no Faultline schedules\n');
}
