import type { ActivityContext } from '@faultline/core';
import { getKubeClient } from '../client/index.js';
import { istioGroup } from './istio-api-versions.js';
import type { ApiAnswer, VirtualServiceClient, VirtualServiceRef } from './virtual-service-client.js';

type Info = { httpStatusCode: number; data: unknown; headers: Record<string, string> };

/**
 * A VirtualServiceClient over the shared Kubernetes client (client-node's CustomObjectsApi, imported
 * lazily by getKubeClient), its requests going through the shared rate limiter.
 */
export async function createVirtualServiceClient(
  ctx: Pick<ActivityContext, 'secrets' | 'settings' | 'configuration' | 'signal'>,
): Promise<VirtualServiceClient> {
  const kube = await getKubeClient(ctx);
  const params = (ref: VirtualServiceRef) => ({
    group: istioGroup,
    version: ref.version,
    namespace: ref.namespace,
    plural: 'virtualservices',
    name: ref.name,
  });

  async function answer(call: () => Promise<Info>): Promise<ApiAnswer> {
    try {
      const info = await kube.limiter.run(call, ctx.signal);
      return { status: info.httpStatusCode, body: info.data, headers: { ...info.headers } };
    } catch (error) {
      if (error instanceof kube.k8s.ApiException) {
        return {
          status: error.code,
          body: parseBody(error.body),
          headers: { ...(error.headers as Record<string, string>) },
        };
      }
      throw error;
    }
  }

  return {
    get: (ref) => answer(() => kube.custom.getNamespacedCustomObjectWithHttpInfo(params(ref))),
    replace: (ref, body) =>
      answer(() => kube.custom.replaceNamespacedCustomObjectWithHttpInfo({ ...params(ref), body })),
    kube,
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
