import type { V1Pod } from '@kubernetes/client-node';
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
    // Plain JSON pages: only the lean summary of each pod is kept, so 10,000 pods cost little.
    const path = ns === undefined ? '/api/v1/pods' : `/api/v1/namespaces/${encodeURIComponent(ns)}/pods`;
    const pages = paginate(
      (page) =>
        client.limiter.run(
          () =>
            client
              .getJson<{ items: V1Pod[]; metadata?: { continue?: string } }>(
                path,
                { labelSelector, fieldSelector, limit: page.limit, continue: page._continue },
                signal,
              )
              .then((list) => ({ items: list.items, metadata: { _continue: list.metadata?.continue } })),
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
