import type { KubeObject } from './resource-types.js';

/** Running with a Ready=True condition: what PDBs and deployment status count as healthy. */
export function isPodReady(pod: Readonly<KubeObject>): boolean {
  const status = pod['status'] as { phase?: string; conditions?: Array<{ type: string; status: string }> } | undefined;
  if (!status || status.phase !== 'Running' || pod.metadata?.deletionTimestamp) return false;
  return (status.conditions ?? []).some((condition) => condition.type === 'Ready' && condition.status === 'True');
}
