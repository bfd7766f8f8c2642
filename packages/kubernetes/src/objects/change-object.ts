import type { ActivityContext } from '@faultline/core';
import type { KubeClient } from '../client/kube-client.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { toPlainJson } from '../client/to-plain-json.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';
import { recreatable, type KubeManifest } from './kube-manifest.js';

export interface ObjectChange {
  /** "DaemonSet shop/agent", for logs and errors. */
  label: string;
  namespace?: string;
  /** "patch", "replace": what the change does, for the dry-run note and the event. */
  what: string;
  read(client: KubeClient): Promise<unknown>;
  change(client: KubeClient, current: KubeManifest): Promise<unknown>;
}

/**
 * Change one existing object after the guards agreed. The object as it was is registered first
 * as the revert (restore_object puts it back), then the change is made.
 */
export async function changeObject(
  ctx: ActivityContext,
  activity: string,
  change: ObjectChange,
): Promise<Record<string, unknown>> {
  const guard = new SafetyGuard(ctx, activity);
  if (change.namespace) guard.checkNamespace(change.namespace);
  const client = await getKubeClient(ctx);
  let current: KubeManifest;
  try {
    current = toPlainJson(await change.read(client)) as KubeManifest;
  } catch (error) {
    throw kubeFailure(`${activity}: reading ${change.label}`, error);
  }
  const name = current.metadata?.name ?? change.label;
  const kind = current.kind ?? 'object';
  await guard.checkOptIn(client, [{ kind, name, namespace: change.namespace, labels: current.metadata?.labels }]);
  if (guard.dryRun) {
    guard.noteDryRun(`would ${change.what} ${change.label}`);
    return { dryRun: true, object: change.label, safety: guard.decisions };
  }
  ctx.registerRevert({
    title: `restore ${change.label} as it was before ${activity}`,
    driver: '@faultline/kubernetes',
    func: 'restore_object',
    arguments: { object: recreatable(current) },
  });
  await emitFaultEvents(
    client,
    ctx,
    activity,
    [{ kind, apiVersion: current.apiVersion ?? 'v1', name, namespace: change.namespace, uid: current.metadata?.uid }],
    `${activity}: ${change.what}`,
    guard.settings.emitEvents,
  );
  try {
    return toPlainJson(await change.change(client, current)) as Record<string, unknown>;
  } catch (error) {
    throw kubeFailure(`${activity}: ${change.what} ${change.label}`, error);
  }
}
