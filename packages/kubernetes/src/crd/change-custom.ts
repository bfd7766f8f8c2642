import { UsageError, type ActivityContext } from '@faultline/core';
import { changeObject } from '../objects/change-object.js';
import type { KubeManifest } from '../objects/kube-manifest.js';
import { customObjectApi, describeCustom, type CustomRef } from './custom-object-api.js';
import { loadResource } from './load-resource.js';

/**
 * chaosk8s's patch_* (JSON Patch, as it sends) and replace_* of a custom object, reverted by
 * restoring the object as it was. A replace keeps the current resourceVersion when the resource
 * has none, so it does not fail on a stale or missing version.
 */
export async function changeCustom(
  ctx: ActivityContext,
  activity: string,
  how: 'patch' | 'replace',
  ref: CustomRef,
  args: { resource?: unknown; resource_as_yaml_file?: string },
): Promise<Record<string, unknown>> {
  const body = loadResource(args.resource, args.resource_as_yaml_file, ctx.experimentDir, activity);
  if (how === 'replace' && (!body || typeof body !== 'object' || Array.isArray(body)))
    throw new UsageError(`${activity}: the resource must be the whole object`);
  return changeObject(ctx, activity, {
    label: describeCustom(ref),
    namespace: ref.namespace,
    what: how,
    read: (client) => customObjectApi(client).get(ref),
    change: (client, current) => {
      const api = customObjectApi(client);
      if (how === 'patch') return api.patch(ref, body, Array.isArray(body) ? client.jsonPatch : client.mergePatch);
      const object = body as KubeManifest;
      const metadata = { resourceVersion: current.metadata?.resourceVersion, ...object.metadata, name: ref.name };
      return api.replace(ref, { ...object, metadata });
    },
  });
}
