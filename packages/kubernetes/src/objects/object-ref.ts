/** Which object an activity (or its revert) is about: enough to find it through the generic API. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  /** Undefined for cluster-scoped kinds (Node, Namespace, cluster custom objects). */
  namespace?: string;
}

/** "Deployment shop/orders" or "Node worker-1", for logs, titles and errors. */
export function describeRef(ref: Pick<ObjectRef, 'kind' | 'name' | 'namespace'>): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}
