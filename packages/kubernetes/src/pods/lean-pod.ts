import type { V1Pod } from '@kubernetes/client-node';

/** What selection, guards and outputs need of a pod: small, so 10,000 of them cost little memory. */
export interface LeanPod {
  metadata: {
    name: string;
    namespace: string;
    uid?: string;
    creationTimestamp?: string;
    /** Set once the pod is being deleted (Terminating): never a victim, never counted as ready. */
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    ownerReferences?: ReadonlyArray<{ uid?: string; kind?: string; name?: string; controller?: boolean }>;
  };
  spec: { nodeName?: string };
  status: { phase?: string; conditions?: ReadonlyArray<{ type: string; status: string }> };
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

/**
 * Turns listed pods into LeanPods, sharing what pods of one workload have in common (namespace,
 * labels, owner, conditions, node, phase) instead of keeping a copy per pod: one interner per list.
 */
export function leanPodInterner(): (pod: V1Pod) => LeanPod {
  const shared = new Map<string, unknown>();
  const intern = <T>(value: T, key = typeof value === 'string' ? value : JSON.stringify(value)): T => {
    const known = shared.get(key);
    if (known !== undefined) return known as T;
    shared.set(key, value);
    return value;
  };
  return (pod) => {
    const metadata = pod.metadata ?? {};
    const owners = metadata.ownerReferences?.map((ref) => ({
      uid: ref.uid,
      kind: ref.kind,
      name: ref.name,
      controller: ref.controller,
    }));
    const conditions = (pod.status?.conditions ?? []).map((condition) => ({
      type: condition.type,
      status: condition.status,
    }));
    return {
      metadata: {
        name: metadata.name ?? '',
        namespace: intern(metadata.namespace ?? ''),
        ...(metadata.uid ? { uid: metadata.uid } : {}),
        ...(metadata.creationTimestamp ? { creationTimestamp: iso(metadata.creationTimestamp) } : {}),
        ...(metadata.deletionTimestamp ? { deletionTimestamp: iso(metadata.deletionTimestamp) } : {}),
        ...(metadata.labels ? { labels: intern(metadata.labels) } : {}),
        ...(owners ? { ownerReferences: intern(owners) } : {}),
      },
      spec: pod.spec?.nodeName ? intern({ nodeName: pod.spec.nodeName }) : intern({}, '{}'),
      status: intern({ phase: pod.status?.phase, conditions }),
    };
  };
}
