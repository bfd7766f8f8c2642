import type { ActivityContext } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { isNotFound, kubeFailure } from '../client/kube-api-error.js';

/** Delete a NetworkPolicy; one already gone counts as removed (a revert may run twice). */
export async function removePolicy(name: string, ns: string, ctx: ActivityContext): Promise<{ policy: string; ns: string; removed: boolean }> {
  const client = await getKubeClient(ctx);
  try {
    await client.networking.deleteNamespacedNetworkPolicy({ name, namespace: ns });
    return { policy: name, ns, removed: true };
  } catch (error) {
    if (isNotFound(error)) return { policy: name, ns, removed: false };
    throw kubeFailure(`removing NetworkPolicy ${ns}/${name}`, error);
  }
}
