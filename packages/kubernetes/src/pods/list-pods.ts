import type { KubeClient } from '../client/kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { paginate } from '../client/paginate.js';
import { leanPodInterner, type LeanPod } from './lean-pod.js';

/** Every pod of a namespace (or all namespaces when ns is undefined) matching the selectors, page by page. */
export async function listPods(
  client: KubeClient,
  ns: string | undefined,
  selectors: { labelSelector?: string; fieldSelector?: string },
  signal?: AbortSignal,
): Promise<LeanPod[]> {
  const pods: LeanPod[] = [];
  const labelSelector = selectors.labelSelector || undefined;
  const fieldSelector = selectors.fieldSelector || undefined;
  try {
    const pages = paginate(
      (page) =>
        client.limiter.run(
          () =>
            ns === undefined
              ? client.core.listPodForAllNamespaces({ labelSelector, fieldSelector, ...page })
              : client.core.listNamespacedPod({ namespace: ns, labelSelector, fieldSelector, ...page }),
          signal,
        ),
      client.pageSize,
      signal,
    );
    const lean = leanPodInterner();
    for await (const pod of pages) pods.push(lean(pod));
  } catch (error) {
    if (signal?.aborted) throw error;
    throw kubeFailure(
      `listing pods${ns ? ` in namespace ${ns}` : ''}${labelSelector ? ` matching "${labelSelector}"` : ''}`,
      error,
    );
  }
  return pods;
}
