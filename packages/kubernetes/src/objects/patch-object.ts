import type { ActivityContext } from '@faultline/core';
import { changeObject } from './change-object.js';
import { objectApi } from './object-api.js';
import { describeRef, type ObjectRef } from './object-ref.js';

/**
 * chaosk8s's update_* functions: a strategic merge patch of `patch` (what the Python client sends
 * for a dict body) on one object, reverted by restoring the object as it was.
 */
export function patchObject(
  ctx: ActivityContext,
  activity: string,
  ref: ObjectRef,
  patch: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const header = { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } };
  return changeObject(ctx, activity, {
    label: describeRef(ref),
    namespace: ref.namespace,
    what: 'patch',
    read: (client) => objectApi(client).read(header),
    change: (client) =>
      objectApi(client).patch(
        {
          ...patch,
          ...header,
          metadata: { ...((patch['metadata'] as object | undefined) ?? {}), ...header.metadata },
        },
        undefined,
        undefined,
        undefined,
        undefined,
        client.k8s.PatchStrategy.StrategicMergePatch,
      ),
  });
}
