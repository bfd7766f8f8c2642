import type * as K8s from '@kubernetes/client-node';
import type { KubeClient } from '../client/kube-client.js';

const apis = new WeakMap<KubeClient, K8s.KubernetesObjectApi>();

/**
 * The generic object API of a connection (discovers the plural of any apiVersion/kind, custom
 * resources included), so one helper serves Deployments, Secrets, Ingresses and Chaos Mesh objects.
 */
export function objectApi(client: KubeClient): K8s.KubernetesObjectApi {
  let api = apis.get(client);
  if (!api) {
    api = client.k8s.KubernetesObjectApi.makeApiClient(client.kubeConfig);
    apis.set(client, api);
  }
  return api;
}
