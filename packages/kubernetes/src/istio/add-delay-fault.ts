import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { istioArguments } from './istio-arguments.js';
import { istioDuration } from './istio-duration.js';
import { istioPercentage } from './istio-percentage.js';
import { planFaultChanges } from './plan-fault-changes.js';
import { toRouteSelector } from './route-selector.js';
import { runRouteChanges } from './run-route-changes.js';

/** Delays requests on the selected routes; an abort already there is kept. */
export const addDelayFault = defineActivity({
  name: 'add_delay_fault',
  type: 'action',
  description: "Delay requests of a VirtualService's http routes (Istio fault.delay), keeping any abort fault.",
  python: ['chaosistio.fault.actions'],
  mutating: true,
  arguments: z.strictObject({
    virtual_service_name: istioArguments.virtual_service_name,
    fixed_delay: istioArguments.delay.describe('how long to delay: "3s", "500ms" or seconds'),
    routes: istioArguments.routes,
    percentage: istioArguments.percentage,
    ns: istioArguments.ns,
    version: istioArguments.version,
  }),
  run(args, ctx) {
    const delay = { fixedDelay: istioDuration(args.fixed_delay), percentage: istioPercentage(args.percentage ?? 100) };
    const selectors = args.routes?.map(toRouteSelector);
    return runRouteChanges('add_delay_fault', args, ctx, (vs) =>
      planFaultChanges(vs, selectors, args.ns, { kind: 'add-delay', delay }),
    );
  },
});
