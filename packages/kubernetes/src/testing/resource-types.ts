/** A Kubernetes object as JSON; the fake server stores and returns plain objects. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: KubeMetadata;
  [key: string]: unknown;
}

export interface KubeMetadata {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<{ apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }>;
  [key: string]: unknown;
}

/** A resource type the fake server serves, e.g. apps/v1 deployments. */
export interface ResourceType {
  /** "" for the core group. */
  readonly group: string;
  /** Every version served; objects are shared between them (like Istio v1alpha3 and v1). */
  readonly versions: readonly string[];
  readonly plural: string;
  readonly singular: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly shortNames?: readonly string[];
  /** Subresources served besides get/list/…: "status", "scale", "eviction", "log". */
  readonly subresources?: readonly string[];
  /** Another view of the objects of `group/plural` (events.k8s.io events are core events). */
  readonly storedAs?: string;
  /** A CustomResourceDefinition: PATCH refuses strategic merge (415) like the real API. */
  readonly custom?: boolean;
}
