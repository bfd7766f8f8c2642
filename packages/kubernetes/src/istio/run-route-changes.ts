import type { ActivityContext } from '@faultline/core';
import { applyRouteChanges, type RouteChangesResult } from './apply-route-changes.js';
import { createVirtualServiceClient } from './create-virtual-service-client.js';
import { istioApiVersions } from './istio-api-versions.js';
import type { RouteChange } from './route-change.js';
import type { VirtualService } from './virtual-service-types.js';

export interface VirtualServiceArguments {
  virtual_service_name: string;
  ns: string;
  version?: string;
}

/** Connects, picks the API version and applies `plan` to the named VirtualService. */
export async function runRouteChanges(
  activity: string,
  args: VirtualServiceArguments,
  ctx: ActivityContext,
  plan: (vs: VirtualService) => RouteChange[],
  purpose: 'inject' | 'restore' = 'inject',
): Promise<RouteChangesResult> {
  const versions = istioApiVersions(args.version, ctx.configuration);
  const client = await createVirtualServiceClient(ctx);
  return applyRouteChanges({
    client,
    ctx,
    activity,
    name: args.virtual_service_name,
    namespace: args.ns,
    versions,
    plan,
    purpose,
  });
}
