import type { ActivityContext } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { isNotFound, kubeFailure } from '../client/kube-api-error.js';
import { emitFaultEvents } from '../safety/emit-fault-events.js';
import { SafetyGuard } from '../safety/safety-guard.js';

/**
 * Delete a NetworkPolicy; one already gone counts as removed (a revert may run twice). Run as the
 * revert of a partition (`_faultline_revert`), a removal records a FaultReverted event.
 */
export async function removePolicy(
  name: string,
  ns: string,
  ctx: ActivityContext,
  activity = 'remove_network_policy',
  isRevert = false,
): Promise<{ policy: string; ns: string; removed: boolean; events?: number }> {
  const client = await getKubeClient(ctx);
  try {
    await client.networking.deleteNamespacedNetworkPolicy({ name, namespace: ns });
  } catch (error) {
    if (isNotFound(error)) return { policy: name, ns, removed: false };
    throw kubeFailure(`removing NetworkPolicy ${ns}/${name}`, error);
  }
  if (!isRevert) return { policy: name, ns, removed: true };
  const events = await emitFaultEvents(
    client,
    ctx,
    activity,
    [{ kind: 'NetworkPolicy', apiVersion: 'networking.k8s.io/v1', name, namespace: ns }],
    `${activity}: reverting, NetworkPolicy ${name} removed`,
    new SafetyGuard(ctx, activity).settings.emitEvents,
    'FaultReverted',
  );
  return { policy: name, ns, removed: true, events };
}
