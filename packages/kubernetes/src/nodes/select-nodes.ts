import { ActivityFailedError } from '@faultline/core';
import type { V1Node } from '@kubernetes/client-node';
import type { KubeClient } from '../client/kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { paginate } from '../client/paginate.js';
import { listPods } from '../pods/list-pods.js';

export interface NodeSelection {
  name?: string;
  label_selector?: string;
  count?: number;
  pod_label_selector?: string;
  pod_namespace?: string;
  first?: boolean;
}

/**
 * chaosk8s `_select_nodes`: by name and/or label selector (all nodes when neither), optionally only
 * nodes running pods matching pod_label_selector in pod_namespace; then the first one, or `count`
 * random ones (without repeats, unlike chaosk8s's random.choices). Fails when nothing matches.
 */
export async function selectNodes(
  client: KubeClient,
  selection: NodeSelection,
  signal?: AbortSignal,
): Promise<V1Node[]> {
  let nodes: V1Node[] = [];
  try {
    for await (const node of paginate(
      (page) =>
        client.limiter.run(
          () =>
            client.core.listNode({
              ...(selection.name ? { fieldSelector: `metadata.name=${selection.name}` } : {}),
              ...(selection.label_selector ? { labelSelector: selection.label_selector } : {}),
              ...page,
            }),
          signal,
        ),
      client.pageSize,
      signal,
    ))
      nodes.push(node);
  } catch (error) {
    throw kubeFailure('listing nodes', error);
  }
  if (selection.pod_label_selector && selection.pod_namespace) {
    const pods = await listPods(
      client,
      selection.pod_namespace,
      { labelSelector: selection.pod_label_selector },
      signal,
    );
    const hosts = new Set(pods.map((pod) => pod.spec.nodeName));
    nodes = nodes.filter((node) => hosts.has(node.metadata?.name));
  }
  if (nodes.length === 0) {
    const what = [
      selection.name ? `name ${selection.name}` : '',
      selection.label_selector ? `labels "${selection.label_selector}"` : '',
      selection.pod_label_selector ? `pods "${selection.pod_label_selector}"` : '',
    ]
      .filter(Boolean)
      .join(', ');
    throw new ActivityFailedError(`failed to find a node that matches selector${what ? ` (${what})` : ''}`, {
      hint: 'kubectl get nodes --show-labels',
    });
  }
  if (selection.first) return [nodes[0]!];
  if (selection.count !== undefined && selection.count > 0) {
    const pool = [...nodes];
    for (let i = pool.length - 1; i > 0; i -= 1) {
      const j = Math.floor(Math.random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, Math.min(selection.count, pool.length));
  }
  return nodes;
}
