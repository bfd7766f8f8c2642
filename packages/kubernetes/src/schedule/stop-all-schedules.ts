import type * as K8s from '@kubernetes/client-node';
import { deleteObject, listLabelled } from './apply-schedule.js';
import { faultlineSelector } from './schedule-labels.js';
import { mergePatchObject } from './merge-patch-object.js';

export interface StopAllResult {
  /** namespace/name of each CronJob suspended. */
  suspended: string[];
  /** namespace/name of each running Job deleted (its pods get SIGTERM and revert). */
  deletedJobs: string[];
}

/**
 * The cluster-wide stop: suspend every Faultline CronJob first (so nothing new starts), then
 * delete the Faultline Jobs still running, in the foreground, so their pods receive SIGTERM and
 * the run reverts its faults on its own path before the Job disappears.
 */
export async function stopAllSchedules(
  objects: K8s.KubernetesObjectApi,
  k8s: Pick<typeof K8s, 'PatchStrategy'>,
): Promise<StopAllResult> {
  const result: StopAllResult = { suspended: [], deletedJobs: [] };
  for (const cronJob of await listLabelled(objects, faultlineSelector, [{ apiVersion: 'batch/v1', kind: 'CronJob' }])) {
    const { name, namespace } = cronJob.metadata!;
    await mergePatchObject(
      objects,
      k8s,
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace }, spec: { suspend: true } },
      `suspend CronJob ${namespace}/${name}`,
    );
    result.suspended.push(`${namespace}/${name}`);
  }
  for (const job of await listLabelled(objects, faultlineSelector, [{ apiVersion: 'batch/v1', kind: 'Job' }])) {
    const status = (job['status'] ?? {}) as { completionTime?: string; succeeded?: number; failed?: number };
    if (status.completionTime || (status.succeeded ?? 0) > 0 || (status.failed ?? 0) > 0) continue;
    await deleteObject(objects, job);
    result.deletedJobs.push(`${job.metadata!.namespace}/${job.metadata!.name}`);
  }
  return result;
}
