import type * as K8s from '@kubernetes/client-node';
import { mergePatchObject } from './merge-patch-object.js';
import { lastResultAnnotation } from './schedule-labels.js';

/** What a scheduled run leaves on its ConfigMap for `faultline schedule list` (never secrets: ids, status, times). */
export interface ScheduleRunSummary {
  status: string;
  deviated: boolean;
  runId?: string;
  start?: string;
  end?: string;
  duration?: number;
  /** Why the run could not start (status `error`). */
  error?: string;
  /** The Job's pod, to find its log (the journal) with kubectl logs. */
  pod?: string;
}

/** Where a scheduled run records its result; the ConfigMap annotation is the one with no store. */
export type RunRecorder = (summary: ScheduleRunSummary, journal: Record<string, unknown>) => Promise<void>;

/** The summary of a journal. */
export function summarizeJournal(journal: Record<string, unknown>, pod?: string): ScheduleRunSummary {
  const faultline = (journal['faultline'] ?? {}) as { run_id?: string };
  return {
    status: String(journal['status'] ?? 'unknown'),
    deviated: journal['deviated'] === true,
    ...(faultline.run_id ? { runId: faultline.run_id } : {}),
    ...(typeof journal['start'] === 'string' ? { start: journal['start'] } : {}),
    ...(typeof journal['end'] === 'string' ? { end: journal['end'] } : {}),
    ...(typeof journal['duration'] === 'number' ? { duration: journal['duration'] } : {}),
    ...(pod ? { pod } : {}),
  };
}

/** A recorder writing the summary as an annotation of the schedule's ConfigMap (a merge patch: nothing else changes). */
export function configMapRecorder(
  objects: K8s.KubernetesObjectApi,
  k8s: Pick<typeof K8s, 'PatchStrategy'>,
  configMap: { name: string; namespace: string },
): RunRecorder {
  return (summary) =>
    mergePatchObject(
      objects,
      k8s,
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { ...configMap, annotations: { [lastResultAnnotation]: JSON.stringify(summary) } },
      },
      `record the result on ConfigMap ${configMap.namespace}/${configMap.name}`,
    );
}
