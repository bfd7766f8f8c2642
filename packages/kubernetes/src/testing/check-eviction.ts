import { compileLabelSelector } from './label-selector.js';
import type { ResourceStore } from './resource-store.js';
import type { KubeObject } from './resource-types.js';
import { StatusError } from './status-error.js';
import { formatLabelSelector, type LabelSelectorObject } from '../selectors/format-label-selector.js';

interface PdbStatus {
  observedGeneration?: number;
  disruptionsAllowed?: number;
  currentHealthy?: number;
  desiredHealthy?: number;
  disruptedPods?: Record<string, string>;
}

const hasReadyCondition = (pod: Readonly<KubeObject>) =>
  ((pod['status'] as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions ?? []).some(
    (condition) => condition.type === 'Ready' && condition.status === 'True',
  );

/** The PodDisruptionBudgets whose selector matches the pod. */
export function budgetsOf(store: ResourceStore, pod: Readonly<KubeObject>): KubeObject[] {
  return [...store.scan('policy/poddisruptionbudgets', pod.metadata?.namespace)].filter((pdb) => {
    const selector = (pdb['spec'] as { selector?: LabelSelectorObject } | undefined)?.selector;
    return selector !== undefined && compileLabelSelector(formatLabelSelector(selector))(pod.metadata?.labels);
  }) as KubeObject[];
}

/**
 * The eviction subresource's rules (pkg/registry/core/pod/storage/eviction.go): the budget's
 * *status* decides, as the disruption controller last computed it. A pod that is terminal, Pending
 * or already deleting is evicted freely; more than one budget is 500; a budget whose status lags its
 * generation is 429 (retry in 10 s); an unready pod goes only while the budget is met (unless
 * unhealthyPodEvictionPolicy is AlwaysAllow); otherwise one allowed disruption is used up (0 left:
 * 429) and the pod is recorded in status.disruptedPods until the controller sees it go.
 */
export function checkEviction(store: ResourceStore, pod: KubeObject): void {
  const phase = (pod['status'] as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata?.deletionTimestamp) return;
  const budgets = budgetsOf(store, pod);
  if (budgets.length === 0) return;
  if (budgets.length > 1)
    throw new StatusError(
      500,
      'InternalError',
      'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    );
  const pdb = budgets[0]!;
  const name = pdb.metadata?.name ?? '';
  const status = (pdb['status'] ?? {}) as PdbStatus;
  const policy = (pdb['spec'] as { unhealthyPodEvictionPolicy?: string } | undefined)?.unhealthyPodEvictionPolicy;
  if (!hasReadyCondition(pod)) {
    if (policy === 'AlwaysAllow') return;
    if ((status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0) && (status.desiredHealthy ?? 0) > 0) return;
  }
  const refuse = (message: string, retryAfterSeconds?: number) =>
    new StatusError(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
      causes: [{ reason: 'DisruptionBudget', message }],
      ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
    });
  if ((status.observedGeneration ?? 0) < (pdb.metadata?.generation ?? 1))
    throw refuse(`The disruption budget ${name} is still being processed by the server.`, 10);
  if ((status.disruptionsAllowed ?? 0) < 0)
    throw new StatusError(
      403,
      'Forbidden',
      `poddisruptionbudgets.policy "${name}" is forbidden: pdb disruptions allowed is negative`,
    );
  if ((status.disruptionsAllowed ?? 0) === 0)
    throw refuse(
      `The disruption budget ${name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`,
    );
  store.update('policy/poddisruptionbudgets', pdb.metadata?.namespace, name, (draft) => {
    const next = (draft['status'] ?? {}) as PdbStatus;
    next.disruptionsAllowed = (next.disruptionsAllowed ?? 0) - 1;
    next.disruptedPods = { ...next.disruptedPods, [pod.metadata!.name!]: new Date().toISOString() };
    draft['status'] = next;
  });
}
