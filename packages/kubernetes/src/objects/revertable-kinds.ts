import type { KubeManifest } from './kube-manifest.js';

/** API groups of Kubernetes itself; any other group is a custom resource. */
const isBuiltinGroup = (group: string) =>
  ['', 'apps', 'batch', 'policy', 'autoscaling'].includes(group) || group.endsWith('.k8s.io');

/**
 * Whether a journal may ask a revert to put this object back: custom resources, and the built-in
 * kinds the delete/update activities save. A forged journal cannot create, say, a privileged Pod.
 */
export function isRevertable(object: KubeManifest, builtinKinds: readonly string[]): boolean {
  const apiVersion = object.apiVersion ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  return !isBuiltinGroup(group) || builtinKinds.includes(object.kind ?? '');
}
