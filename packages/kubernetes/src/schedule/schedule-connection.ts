import type * as K8s from '@kubernetes/client-node';
import { loadKubeConfig } from '../client/load-kube-config.js';

export interface ScheduleConnection {
  k8s: typeof K8s;
  objects: K8s.KubernetesObjectApi;
  /** The current context's namespace (the pod's own namespace in the cluster). */
  namespace: string | undefined;
}

/**
 * The cluster of `faultline schedule`: the kubeconfig (context `KUBERNETES_CONTEXT`), or in a pod
 * its service account (loadKubeConfig). client-node is imported only here, lazily.
 */
export async function scheduleConnection(
  env: Readonly<Record<string, string | undefined>>,
  context?: string,
): Promise<ScheduleConnection> {
  const k8s = await import('@kubernetes/client-node');
  const { kubeConfig } = await loadKubeConfig({ secrets: context ? { KUBERNETES_CONTEXT: context } : {} }, env);
  return {
    k8s,
    objects: k8s.KubernetesObjectApi.makeApiClient(kubeConfig),
    namespace: kubeConfig.getContextObject(kubeConfig.getCurrentContext())?.namespace,
  };
}
