import type { ActivityContext } from '@faultline/core';
import { istioGroup } from './istio-api-versions.js';
import { loadKubeConfig } from './load-kube-config.js';
import type { ApiAnswer, VirtualServiceClient, VirtualServiceRef } from './virtual-service-client.js';

/** A VirtualServiceClient over @kubernetes/client-node's CustomObjectsApi, imported only when used. */
export async function createVirtualServiceClient(ctx: Pick<ActivityContext, 'secrets'>): Promise<VirtualServiceClient> {
  const k8s = await import('@kubernetes/client-node');
  const api = (await loadKubeConfig(ctx)).makeApiClient(k8s.CustomObjectsApi);
  const params = (ref: VirtualServiceRef) => ({ group: istioGroup, version: ref.version, namespace: ref.namespace, plural: 'virtualservices', name: ref.name });

  async function answer(call: () => Promise<{ httpStatusCode: number; data: unknown; headers: Record<string, string> }>): Promise<ApiAnswer> {
    try {
      const info = await call();
      return { status: info.httpStatusCode, body: info.data, headers: { ...info.headers } };
    } catch (error) {
      if (error instanceof k8s.ApiException) {
        return { status: error.code, body: parseBody(error.body), headers: { ...(error.headers as Record<string, string>) } };
      }
      throw error;
    }
  }

  return {
    get: (ref) => answer(() => api.getNamespacedCustomObjectWithHttpInfo(params(ref))),
    replace: (ref, body) => answer(() => api.replaceNamespacedCustomObjectWithHttpInfo({ ...params(ref), body })),
  };
}

// ApiException carries the raw text of the error body (usually a Kubernetes Status in JSON).
function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}
