import { UsageError, type ActivityContext } from '@faultline/core';
import { createObject } from '../objects/create-object.js';
import type { KubeManifest } from '../objects/kube-manifest.js';

/**
 * chaosk8s's apply_from_json/apply_from_yaml: create the object a document describes, in its own
 * namespace (default "default"); one that already exists is returned. Reverted by deleting it.
 */
export async function applyResource(
  ctx: ActivityContext,
  activity: string,
  parsed: unknown,
): Promise<Record<string, unknown>> {
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new UsageError(`${activity}: the resource must be one Kubernetes object`);
  const object = parsed as KubeManifest;
  if (!object.apiVersion) throw new UsageError(`${activity}: missing apiVersion in resource`);
  if (!object.kind) throw new UsageError(`${activity}: missing kind in resource`);
  const clusterScoped = ['Namespace', 'Node', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition'];
  return createObject(ctx, activity, object, {
    onConflict: 'existing',
    ...(clusterScoped.includes(object.kind) ? {} : { namespace: object.metadata?.namespace ?? 'default' }),
  });
}
