import type { ActivityContext } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { toPlainJson } from '../client/to-plain-json.js';
import { recreatable, type KubeManifest } from '../objects/kube-manifest.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { customObjectApi, describeCustom, type CustomRef } from './custom-object-api.js';

/**
 * Delete one custom object. When `recreate`, the object is saved first as the revert (created
 * again at the end); removing a fault (a Chaos Mesh object) registers nothing.
 */
export async function deleteCustom(
  ctx: ActivityContext,
  activity: string,
  ref: CustomRef,
  recreate: boolean,
): Promise<Record<string, unknown>> {
  const guard = new SafetyGuard(ctx, activity);
  if (ref.namespace) guard.checkNamespace(ref.namespace);
  const client = await getKubeClient(ctx);
  const api = customObjectApi(client);
  let current: KubeManifest;
  try {
    current = toPlainJson(await api.get(ref)) as KubeManifest;
  } catch (error) {
    throw kubeFailure(`${activity}: Failed to delete custom resource object ${describeCustom(ref)}`, error);
  }
  const kind = current.kind ?? ref.plural;
  await guard.checkOptIn(client, [
    { kind, name: ref.name, namespace: ref.namespace, labels: current.metadata?.labels },
  ]);
  if (guard.dryRun) {
    guard.noteDryRun(`would delete ${describeCustom(ref)}`);
    return { dryRun: true, deleted: describeCustom(ref), safety: guard.decisions };
  }
  if (recreate)
    ctx.registerRevert({
      title: `create again ${describeCustom(ref)} deleted by ${activity}`,
      driver: '@faultline/kubernetes',
      func: 'recreate_objects',
      arguments: { objects: [recreatable(current)] },
    });
  await emitFaultEvents(
    client,
    ctx,
    activity,
    [
      {
        kind,
        apiVersion: `${ref.group}/${ref.version}`,
        name: ref.name,
        namespace: ref.namespace,
        uid: current.metadata?.uid,
      },
    ],
    `${activity}: deleting ${describeCustom(ref)}`,
    guard.settings.emitEvents,
  );
  try {
    return toPlainJson(await api.delete(ref)) as Record<string, unknown>;
  } catch (error) {
    throw kubeFailure(`${activity}: Failed to delete custom resource object ${describeCustom(ref)}`, error);
  }
}
