import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { istioArguments } from './istio-arguments.js';
import { planFaultChanges } from './plan-fault-changes.js';
import { toRouteSelector } from './route-selector.js';
import { runRouteChanges } from './run-route-changes.js';

/** Remove the Istio abort fault from a VirtualService's http routes, keeping any delay fault. */
export const removeAbortFault = defineActivity({
  name: 'remove_abort_fault',
  type: 'action',
  description: "Remove the Istio abort fault from a VirtualService's http routes, keeping any delay fault.",
  python: ['chaosistio.fault.actions'],
  mutating: true,
  arguments: z.strictObject({
    virtual_service_name: istioArguments.virtual_service_name,
    routes: istioArguments.routes,
    ns: istioArguments.ns,
    version: istioArguments.version,
  }),
  run(args, ctx) {
    const selectors = args.routes?.map(toRouteSelector);
    return runRouteChanges('remove_abort_fault', args, ctx, (vs) =>
      planFaultChanges(vs, selectors, args.ns, { kind: 'remove-abort' }),
    );
  },
});
