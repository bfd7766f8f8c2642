import type { ActivityContext } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { listAll } from '../client/paginate.js';

/** `[{name, <condition type>: <status>, …}]` for the nodes matching the selector, like chaosk8s. */
export async function nodeConditions(
  ctx: ActivityContext,
  labelSelector: string | undefined,
): Promise<Array<Record<string, string>>> {
  const client = await getKubeClient(ctx);
  try {
    const nodes = await listAll(
      (page) => client.core.listNode({ ...(labelSelector ? { labelSelector } : {}), ...page }),
      client.pageSize,
    );
    return nodes.map((node) => {
      const entry: Record<string, string> = { name: node.metadata?.name ?? '' };
      for (const condition of node.status?.conditions ?? []) entry[condition.type] = condition.status;
      return entry;
    });
  } catch (error) {
    throw kubeFailure('listing nodes', error);
  }
}
