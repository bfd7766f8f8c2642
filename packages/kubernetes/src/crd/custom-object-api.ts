import type * as K8s from '@kubernetes/client-node';
import type { KubeClient } from '../client/kube-client.js';
import type { KubeManifest } from '../objects/kube-manifest.js';

/** A custom object as chaosk8s's crd functions name it; no namespace means cluster-scoped. */
export interface CustomRef {
  group: string;
  version: string;
  plural: string;
  name: string;
  namespace?: string;
}

export const describeCustom = (ref: Omit<CustomRef, 'name'> & { name?: string }) =>
  `${ref.plural}.${ref.group}/${ref.version} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name ?? ''}`.trim();

/**
 * The namespaced and cluster-scoped calls of CustomObjectsApi behind one shape, chosen by whether
 * the reference has a namespace (chaosk8s has a function of each for every verb).
 */
export function customObjectApi(client: KubeClient) {
  const api = client.custom;
  const where = (ref: Omit<CustomRef, 'name'>) =>
    ref.namespace === undefined
      ? { group: ref.group, version: ref.version, plural: ref.plural }
      : { group: ref.group, version: ref.version, plural: ref.plural, namespace: ref.namespace };
  return {
    get: (ref: CustomRef): Promise<KubeManifest> =>
      ref.namespace === undefined
        ? api.getClusterCustomObject({ ...where(ref), name: ref.name })
        : api.getNamespacedCustomObject({ ...where(ref), namespace: ref.namespace, name: ref.name }),
    list: (ref: Omit<CustomRef, 'name'>): Promise<{ items?: KubeManifest[] }> =>
      ref.namespace === undefined
        ? api.listClusterCustomObject(where(ref))
        : api.listNamespacedCustomObject({ ...where(ref), namespace: ref.namespace }),
    delete: (ref: CustomRef): Promise<unknown> =>
      ref.namespace === undefined
        ? api.deleteClusterCustomObject({ ...where(ref), name: ref.name })
        : api.deleteNamespacedCustomObject({ ...where(ref), namespace: ref.namespace, name: ref.name }),
    patch: (ref: CustomRef, body: unknown, options: K8s.ConfigurationOptions): Promise<KubeManifest> =>
      ref.namespace === undefined
        ? api.patchClusterCustomObject({ ...where(ref), name: ref.name, body }, options)
        : api.patchNamespacedCustomObject({ ...where(ref), namespace: ref.namespace, name: ref.name, body }, options),
    replace: (ref: CustomRef, body: unknown): Promise<KubeManifest> =>
      ref.namespace === undefined
        ? api.replaceClusterCustomObject({ ...where(ref), name: ref.name, body })
        : api.replaceNamespacedCustomObject({ ...where(ref), namespace: ref.namespace, name: ref.name, body }),
  };
}
