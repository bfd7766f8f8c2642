import { UsageError, type ActivityContext } from '@faultline/core';
import { createObject } from '../objects/create-object.js';
import type { KubeManifest } from '../objects/kube-manifest.js';
import { loadResource } from './load-resource.js';

/**
 * chaosk8s's create_(cluster_)custom_object: the object from `resource` or its YAML file, created
 * (or, when one of that name exists, returned as it is); reverted by deleting what was created.
 */
export async function createCustom(
  ctx: ActivityContext,
  activity: string,
  args: { group: string; version: string; ns?: string; resource?: unknown; resource_as_yaml_file?: string },
): Promise<Record<string, unknown>> {
  const body = loadResource(args.resource, args.resource_as_yaml_file, ctx.experimentDir, activity);
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new UsageError(`${activity}: the resource must be one object`);
  const manifest = { apiVersion: `${args.group}/${args.version}`, ...(body as KubeManifest) };
  return createObject(ctx, activity, manifest, {
    onConflict: 'existing',
    ...(args.ns === undefined ? {} : { namespace: args.ns }),
  });
}
