import type * as K8s from '@kubernetes/client-node';
import { appliedEntry, deleteObject, findScheduleObjects, type AppliedObject } from './apply-schedule.js';

/** Delete exactly the objects labelled with the schedule (its running Jobs in the foreground). */
export async function deleteSchedule(
  objects: K8s.KubernetesObjectApi,
  schedule: { name: string; namespace: string },
): Promise<AppliedObject[]> {
  const deleted: AppliedObject[] = [];
  for (const object of await findScheduleObjects(objects, schedule)) {
    await deleteObject(objects, object);
    deleted.push(appliedEntry(object, 'deleted'));
  }
  return deleted;
}
