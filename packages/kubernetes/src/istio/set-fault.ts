import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { istioArguments } from './istio-arguments.js';
import { istioFault, istioFaultSchema } from './istio-fault.js';
import { planFaultChanges } from './plan-fault-changes.js';
import { toRouteSelector } from './route-selector.js';
import { runRouteChanges } from './run-route-changes.js';

/** Puts a whole fault block on the selected routes, replacing whatever fault they had. */
export const setFault = defineActivity({
  name: 'set_fault',
  type: 'action',
  description: "Set the whole Istio fault block (delay and/or abort) of a VirtualService's http routes.",
  python: ['chaosistio.fault.actions'],
  mutating: true,
  arguments: z.strictObject({
    virtual_service_name: istioArguments.virtual_service_name,
    fault: istioFaultSchema.describe(
      'an Istio HTTPFaultInjection: {delay: {fixedDelay, percentage}, abort: {httpStatus, percentage}}',
    ),
    routes: istioArguments.routes,
    ns: istioArguments.ns,
    version: istioArguments.version,
  }),
  run(args, ctx) {
    const fault = istioFault(args.fault);
    for (const kind of ['delay', 'abort'] as const) {
      const part = fault[kind];
      if (part && part.percentage === undefined && part['percent'] === undefined) {
        ctx.logger.warn(`set_fault: fault.${kind} has no percentage, so Istio applies it to no request`, {
          hint: 'add percentage: 100 to affect every request',
        });
      }
    }
    const selectors = args.routes?.map(toRouteSelector);
    return runRouteChanges('set_fault', args, ctx, (vs) =>
      planFaultChanges(vs, selectors, args.ns, { kind: 'set', fault }),
    );
  },
});
