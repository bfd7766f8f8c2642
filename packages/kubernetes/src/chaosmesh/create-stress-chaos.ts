import type { ActivityContext } from '@faultline/core';
import { createObject } from '../objects/create-object.js';
import { chaosMesh, chaosMeshSelection, type CommonChaosArguments } from './chaos-mesh-spec.js';

export interface StressChaosArguments extends CommonChaosArguments {
  name: string;
  ns: string;
  duration: string;
  container_names?: string | string[];
  stressng_stressors?: string;
}

/**
 * Create a Chaos Mesh StressChaos in `ns`; reverted by deleting it (Chaos Mesh stops the stressors).
 * chaosk8s's `direction` has no meaning for StressChaos and is not sent.
 */
export function createStressChaos(
  ctx: ActivityContext,
  activity: string,
  args: StressChaosArguments,
  stressors: Record<string, Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const containers = typeof args.container_names === 'string' ? args.container_names.split(',') : args.container_names;
  const cleaned = Object.fromEntries(
    Object.entries(stressors).map(([kind, fields]) => [
      kind,
      Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    ]),
  );
  return createObject(
    ctx,
    activity,
    {
      apiVersion: chaosMesh.apiVersion,
      kind: 'StressChaos',
      metadata: { name: args.name },
      spec: {
        ...chaosMeshSelection(args),
        duration: args.duration,
        ...(containers?.length ? { containerNames: containers } : {}),
        stressors: cleaned,
        ...(args.stressng_stressors ? { stressngStressors: args.stressng_stressors } : {}),
      },
    },
    { namespace: args.ns },
  );
}
