import type { ActivityContext } from '@faultline/core';
import { createObject } from './create-object.js';
import { expectKind } from './expect-kind.js';
import { loadManifest } from './load-manifest.js';

/** chaosk8s's create_* from a spec file: load it, check its kind, create it in `ns` (reverted by deleting it). */
export async function createFromSpec(
  ctx: ActivityContext,
  activity: string,
  args: { spec_path: string; ns?: string },
  apiVersion: string,
  kind: string,
): Promise<Record<string, unknown>> {
  const manifest = expectKind(loadManifest(args.spec_path, ctx.experimentDir, activity), apiVersion, kind, activity);
  return createObject(ctx, activity, manifest, args.ns === undefined ? {} : { namespace: args.ns });
}
