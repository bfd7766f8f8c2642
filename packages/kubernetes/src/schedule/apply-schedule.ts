import { createHash } from 'node:crypto';
import type * as K8s from '@kubernetes/client-node';
import { isNotFound, kubeFailure } from '../client/kube-api-error.js';
import { toPlainJson } from '../client/to-plain-json.js';
import type { KubeObject } from '../testing/resource-types.js';
import { scheduleObjectKinds } from './schedule-object-kinds.js';
import { scheduleSelector } from './schedule-labels.js';

/** Annotation holding a hash of what was rendered: unchanged hash, no write (apply twice changes nothing). */
export const renderedHashAnnotation = 'faultline.io/rendered-hash';

export interface AppliedObject {
  kind: string;
  name: string;
  namespace?: string;
  action: 'created' | 'updated' | 'unchanged' | 'deleted';
}

const hashOf = (object: KubeObject) => createHash('sha256').update(JSON.stringify(object)).digest('hex').slice(0, 16);
/** `stop-all` suspends CronJobs on the live object: re-applying an unsuspended schedule resumes it. */
const resumed = (current: K8s.KubernetesObject, object: KubeObject) =>
  object.kind === 'CronJob' &&
  (current as { spec?: { suspend?: boolean } }).spec?.suspend !== (object['spec'] as { suspend?: boolean }).suspend;
const describe = (object: KubeObject) =>
  `${object.kind} ${object.metadata?.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata?.name}`;

/**
 * Create or update each object of a schedule, then delete the objects labelled with the schedule
 * that it no longer renders (e.g. a Role in a namespace the experiment stopped touching).
 * Comparing a hash of the rendered object, not the live one, keeps server-side defaults from
 * looking like changes; annotations others wrote (the Job's last result) are kept on update.
 */
export async function applySchedule(
  objects: K8s.KubernetesObjectApi,
  schedule: { name: string; namespace: string },
  rendered: readonly KubeObject[],
): Promise<AppliedObject[]> {
  const results: AppliedObject[] = [];
  const keep = new Set<string>();
  for (const object of rendered) {
    const hash = hashOf(object);
    const desired = {
      ...object,
      metadata: {
        ...object.metadata,
        annotations: { ...object.metadata?.annotations, [renderedHashAnnotation]: hash },
      },
    } as K8s.KubernetesObject;
    const { action: _action, ...entry } = appliedEntry(object, 'unchanged');
    keep.add(JSON.stringify([entry.kind, entry.namespace, entry.name]));
    let current: K8s.KubernetesObject | undefined;
    try {
      current = await objects.read(desired as K8s.KubernetesObject & { metadata: { name: string } });
    } catch (error) {
      if (!isNotFound(error)) throw kubeFailure(`read ${describe(object)}`, error);
    }
    try {
      if (!current) {
        await objects.create(desired);
        results.push({ ...entry, action: 'created' });
      } else if (current.metadata?.annotations?.[renderedHashAnnotation] === hash && !resumed(current, object)) {
        results.push({ ...entry, action: 'unchanged' });
      } else {
        await objects.replace({
          ...desired,
          metadata: {
            ...desired.metadata,
            annotations: { ...current.metadata?.annotations, ...desired.metadata?.annotations },
            resourceVersion: current.metadata?.resourceVersion,
          },
        } as K8s.KubernetesObject);
        results.push({ ...entry, action: 'updated' });
      }
    } catch (error) {
      throw kubeFailure(`apply ${describe(object)}`, error);
    }
  }
  for (const stale of await findScheduleObjects(objects, schedule)) {
    const key = JSON.stringify([stale.kind, stale.metadata?.namespace, stale.metadata?.name]);
    if (keep.has(key) || stale.kind === 'Job') continue;
    await deleteObject(objects, stale);
    results.push(appliedEntry(stale, 'deleted'));
  }
  return results;
}

export function appliedEntry(object: KubeObject, action: AppliedObject['action']): AppliedObject {
  return {
    kind: object.kind!,
    name: object.metadata!.name!,
    ...(object.metadata?.namespace ? { namespace: object.metadata.namespace } : {}),
    action,
  };
}

/** Every object labelled with the schedule, in every namespace (its RBAC may live in the target namespaces). */
export async function findScheduleObjects(
  objects: K8s.KubernetesObjectApi,
  schedule: { name: string; namespace: string },
): Promise<KubeObject[]> {
  return listLabelled(objects, scheduleSelector(schedule.name, schedule.namespace), scheduleObjectKinds);
}

/** The objects of the given kinds matching a label selector, in one namespace or across all. */
export async function listLabelled(
  objects: K8s.KubernetesObjectApi,
  labelSelector: string,
  kinds: ReadonlyArray<{ apiVersion: string; kind: string }>,
  namespace?: string,
): Promise<KubeObject[]> {
  const found: KubeObject[] = [];
  for (const { apiVersion, kind } of kinds) {
    try {
      const list = await objects.list(
        apiVersion,
        kind,
        namespace,
        undefined,
        undefined,
        undefined,
        undefined,
        labelSelector,
      );
      for (const item of list.items) found.push({ ...(toPlainJson(item) as KubeObject), apiVersion, kind });
    } catch (error) {
      throw kubeFailure(`list ${kind} (${labelSelector})`, error);
    }
  }
  return found;
}

/** Delete one object; Jobs in the foreground so their pods are stopped (SIGTERM) before the Job is gone. */
export async function deleteObject(objects: K8s.KubernetesObjectApi, object: KubeObject): Promise<void> {
  try {
    await objects.delete(
      object as K8s.KubernetesObject,
      undefined,
      undefined,
      undefined,
      undefined,
      object.kind === 'Job' ? 'Foreground' : 'Background',
    );
  } catch (error) {
    if (!isNotFound(error)) throw kubeFailure(`delete ${describe(object)}`, error);
  }
}
