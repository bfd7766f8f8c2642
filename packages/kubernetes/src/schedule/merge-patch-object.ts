import type * as K8s from '@kubernetes/client-node';
import { kubeFailure } from '../client/kube-api-error.js';

/** A JSON merge patch of one object (client-node's generic API defaults to JSON patch). */
export async function mergePatchObject(
  objects: K8s.KubernetesObjectApi,
  k8s: Pick<typeof K8s, 'PatchStrategy'>,
  patch: K8s.KubernetesObject & Record<string, unknown>,
  what: string,
): Promise<void> {
  try {
    await objects.patch(patch, undefined, undefined, undefined, undefined, k8s.PatchStrategy.MergePatch);
  } catch (error) {
    throw kubeFailure(what, error);
  }
}
