import type * as K8s from '@kubernetes/client-node';
import type { KubeObject } from '../testing/resource-types.js';
import { listLabelled } from './apply-schedule.js';
import { nextCronRun } from './cron-schedule.js';
import { faultlineSelector, lastResultAnnotation, scheduleLabel, scheduleNamespaceLabel } from './schedule-labels.js';
import type { ScheduleRunSummary } from './schedule-run-summary.js';

export interface ScheduleInfo {
  name: string;
  namespace: string;
  cron: string;
  timeZone?: string;
  /** suspended, running (a Job is active) or idle. */
  state: 'suspended' | 'running' | 'idle';
  lastScheduleTime?: string;
  /** undefined when suspended. */
  nextRun?: string;
  lastResult?: ScheduleRunSummary;
}

interface CronJobShape extends KubeObject {
  spec?: { schedule?: string; timeZone?: string; suspend?: boolean };
  status?: { active?: unknown[]; lastScheduleTime?: string };
}

/** The schedules (Faultline CronJobs) with their state, next run and the last result their Job recorded. */
export async function listSchedules(
  objects: K8s.KubernetesObjectApi,
  options: { namespace?: string; now?: Date } = {},
): Promise<ScheduleInfo[]> {
  const found = await listLabelled(
    objects,
    faultlineSelector,
    [
      { apiVersion: 'batch/v1', kind: 'CronJob' },
      { apiVersion: 'v1', kind: 'ConfigMap' },
    ],
    options.namespace,
  );
  const inScope = (object: KubeObject) => object.metadata?.labels?.[scheduleLabel] !== undefined;
  const summaries = new Map<string, ScheduleRunSummary>();
  for (const configMap of found.filter((object) => object.kind === 'ConfigMap' && inScope(object))) {
    const text = configMap.metadata?.annotations?.[lastResultAnnotation];
    if (!text) continue;
    try {
      summaries.set(
        `${configMap.metadata!.namespace}/${configMap.metadata!.name}`,
        JSON.parse(text) as ScheduleRunSummary,
      );
    } catch {
      // A hand-edited annotation is no reason to hide the schedule.
    }
  }
  const schedules: ScheduleInfo[] = [];
  for (const cronJob of found.filter((object) => object.kind === 'CronJob' && inScope(object)) as CronJobShape[]) {
    const metadata = cronJob.metadata!;
    const cron = cronJob.spec?.schedule ?? '';
    const suspended = cronJob.spec?.suspend === true;
    const next = suspended ? undefined : await nextCronRun(cron, cronJob.spec?.timeZone, options.now);
    const lastResult = summaries.get(`${metadata.namespace}/${metadata.name}`);
    schedules.push({
      name: metadata.labels![scheduleLabel]!,
      namespace: metadata.labels![scheduleNamespaceLabel] ?? metadata.namespace!,
      cron,
      ...(cronJob.spec?.timeZone ? { timeZone: cronJob.spec.timeZone } : {}),
      state: suspended ? 'suspended' : (cronJob.status?.active?.length ?? 0) > 0 ? 'running' : 'idle',
      ...(cronJob.status?.lastScheduleTime ? { lastScheduleTime: cronJob.status.lastScheduleTime } : {}),
      ...(next ? { nextRun: next.toISOString() } : {}),
      ...(lastResult ? { lastResult } : {}),
    });
  }
  return schedules.sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
}
