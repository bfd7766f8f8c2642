import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { istioArguments } from './istio-arguments.js';
import { planRestore } from './plan-restore.js';
import { runRouteChanges } from './run-route-changes.js';
import type { HttpFault } from './virtual-service-types.js';

const fault = z.record(z.string(), z.unknown()).nullable();

/**
 * The revert of every Istio fault activity: puts back, exactly, the fault each touched route had
 * before (null: none). Routes are found by index, or by name, match and destinations if they moved.
 */
export const restoreVirtualServiceFaults = defineActivity({
  name: 'restore_virtual_service_faults',
  type: 'action',
  description:
    'Restore the Istio faults that routes of a VirtualService had before a fault was injected (used as revert).',
  mutating: true,
  arguments: z.strictObject({
    virtual_service_name: istioArguments.virtual_service_name,
    ns: istioArguments.ns,
    version: istioArguments.version,
    routes: z.array(
      z.strictObject({
        index: z.number().int().min(0),
        identity: z.strictObject({
          name: z.string().optional(),
          matchHash: z.string().optional(),
          destinations: z.array(z.strictObject({ host: z.string(), subset: z.string().optional() })),
        }),
        fault: fault.describe('the fault to put back; null removes the fault block'),
        injected: fault.optional().describe('the fault the activity wrote, to warn when someone changed it since'),
      }),
    ),
  }),
  run(args, ctx) {
    const recorded = args.routes.map((route) => ({
      index: route.index,
      identity: route.identity,
      fault: route.fault as HttpFault | null,
    }));
    return runRouteChanges(
      'restore_virtual_service_faults',
      args,
      ctx,
      (vs) => {
        const { changes, missing } = planRestore(vs, recorded);
        for (const entry of missing) {
          ctx.logger.warn(
            `route ${entry.index} of VirtualService ${args.ns}/${args.virtual_service_name} is gone: its fault cannot be restored`,
            { identity: entry.identity },
          );
        }
        for (const change of changes) {
          const injected = args.routes.find((route) => isDeepStrictEqual(route.identity, change.identity))?.injected;
          if (
            injected !== undefined &&
            !isDeepStrictEqual(change.before, injected) &&
            !isDeepStrictEqual(change.before, change.after)
          ) {
            ctx.logger.warn(
              `the fault of route ${change.index} changed since it was injected: restoring the one from before anyway`,
              { now: change.before, injected },
            );
          }
        }
        return changes;
      },
      'restore',
    );
  },
});
