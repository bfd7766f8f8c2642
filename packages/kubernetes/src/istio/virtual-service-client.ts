import type { KubeClient } from '../client/index.js';

/** Which VirtualService, in which version of the networking.istio.io API ("v1alpha3", "v1"). */
export interface VirtualServiceRef {
  namespace: string;
  name: string;
  version: string;
}

/** An API answer as it came: HTTP status, parsed body (an object or a Kubernetes Status), headers. */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * The two VirtualService calls the Istio activities make. HTTP errors come back as answers (never
 * thrown) so the callers can tell 404 and 409 apart; only transport failures throw.
 */
export interface VirtualServiceClient {
  get(ref: VirtualServiceRef): Promise<ApiAnswer>;
  /** PUT with the body's metadata.resourceVersion: the server answers 409 if it changed meanwhile. */
  replace(ref: VirtualServiceRef, body: unknown): Promise<ApiAnswer>;
  /** The shared client underneath, for the safety guards and Events. */
  readonly kube: KubeClient;
}
