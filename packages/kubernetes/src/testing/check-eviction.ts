import { compileLabelSelector } from './label-selector.js';
import { isPodReady } from './pod-health.js';
import type { ResourceStore } from './resource-store.js';
import type { KubeObject } from './resource-types.js';
import { StatusError } from './status-error.js';
import { formatLabelSelector, type LabelSelectorObject } from '../selectors/format-label-selector.js';

function resolveCount(value: number | string, total: number): number {
  if (typeof value === 'number') return value;
  const percent = Number(value.replace('%', ''));
  return Math.ceil((percent / 100) * total);
}

/**
 * Refuse an eviction that would violate a PodDisruptionBudget with 429 TooManyRequests, the
 * way the real eviction subresource does. Unready pods may always be evicted.
 */
export function checkEviction(store: ResourceStore, pod: KubeObject): void {
  const namespace = pod.metadata?.namespace;
  if (!isPodReady(pod)) return;
  for (const pdb of store.scan('policy/poddisruptionbudgets', namespace)) {
    const spec = (pdb['spec'] ?? {}) as {
      selector?: LabelSelectorObject;
      minAvailable?: number | string;
      maxUnavailable?: number | string;
    };
    const matches = compileLabelSelector(formatLabelSelector(spec.selector));
    if (!spec.selector || !matches(pod.metadata?.labels)) continue;
    const pods = [...store.scan('pods', namespace)].filter((candidate) => matches(candidate.metadata?.labels));
    const expected = pods.length;
    const healthy = pods.filter(isPodReady).length;
    let desiredHealthy: number;
    if (spec.minAvailable !== undefined) desiredHealthy = resolveCount(spec.minAvailable, expected);
    else if (spec.maxUnavailable !== undefined) desiredHealthy = expected - resolveCount(spec.maxUnavailable, expected);
    else continue;
    if (healthy - desiredHealthy <= 0) {
      const name = pdb.metadata?.name ?? '';
      const error = new StatusError(
        429,
        'TooManyRequests',
        "Cannot evict pod as it would violate the pod's disruption budget.",
        {
          causes: [
            {
              reason: 'DisruptionBudget',
              message: `The disruption budget ${name} needs ${desiredHealthy} healthy pods and has ${healthy} currently`,
            },
          ],
        },
      );
      throw error;
    }
  }
}
