import type { V1Pod } from '@kubernetes/client-node';

/** What selection, guards and outputs need of a pod: small, so 10,000 of them cost little memory. */
export interface LeanPod {
  metadata: {
    name: string;
    namespace: string;
    uid?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    ownerReferences?: Array<{ uid?: string; kind?: string; name?: string; controller?: boolean }>;
  };
  spec: { nodeName?: string };
  status: { phase?: string; conditions?: Array<{ type: string; status: string }> };
}

export function toLeanPod(pod: V1Pod): LeanPod {
  const created = pod.metadata?.creationTimestamp as unknown;
  return {
    metadata: {
      name: pod.metadata?.name ?? '',
      namespace: pod.metadata?.namespace ?? '',
      ...(pod.metadata?.uid ? { uid: pod.metadata.uid } : {}),
      ...(created ? { creationTimestamp: created instanceof Date ? created.toISOString() : String(created) } : {}),
      ...(pod.metadata?.labels ? { labels: pod.metadata.labels } : {}),
      ...(pod.metadata?.ownerReferences
        ? {
            ownerReferences: pod.metadata.ownerReferences.map((ref) => ({
              uid: ref.uid,
              kind: ref.kind,
              name: ref.name,
              controller: ref.controller,
            })),
          }
        : {}),
    },
    spec: { ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}) },
    status: {
      phase: pod.status?.phase,
      conditions: (pod.status?.conditions ?? []).map((condition) => ({
        type: condition.type,
        status: condition.status,
      })),
    },
  };
}
