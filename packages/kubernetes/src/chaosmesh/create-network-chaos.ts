import type { ActivityContext } from '@faultline/core';
import { createObject } from '../objects/create-object.js';
import { chaosMesh, chaosMeshSelection, chaosMeshTarget } from './chaos-mesh-spec.js';
import type { CommonChaosArguments, TargetChaosArguments } from './chaos-mesh-spec.js';

/**
 * Create a Chaos Mesh NetworkChaos of one action (delay, loss, …) in `ns`; reverted by deleting it,
 * which makes Chaos Mesh remove the fault. chaosk8s writes the namespace to `metadata.ns` (ignored
 * by the API); here it is `metadata.namespace`.
 */
export function createNetworkChaos(
  ctx: ActivityContext,
  activity: string,
  args: CommonChaosArguments & TargetChaosArguments & { name: string; ns: string },
  action: string,
  actionSpec: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const fields = Object.fromEntries(Object.entries(actionSpec).filter(([, value]) => value !== undefined));
  return createObject(
    ctx,
    activity,
    {
      apiVersion: chaosMesh.apiVersion,
      kind: 'NetworkChaos',
      metadata: { name: args.name },
      spec: { action, ...chaosMeshSelection(args), ...chaosMeshTarget(args), [action]: fields },
    },
    { namespace: args.ns },
  );
}
