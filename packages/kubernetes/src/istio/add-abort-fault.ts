import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { grpcStatus } from './grpc-status.js';
import { istioArguments } from './istio-arguments.js';
import { istioPercentage } from './istio-percentage.js';
import { planFaultChanges } from './plan-fault-changes.js';
import { toRouteSelector } from './route-selector.js';
import { runRouteChanges } from './run-route-changes.js';

/** Aborts requests on the selected routes with an HTTP (or gRPC) status; a delay already there is kept. */
export const addAbortFault = defineActivity({
  name: 'add_abort_fault',
  type: 'action',
  description:
    "Abort requests of a VirtualService's http routes with an HTTP status (Istio fault.abort), keeping any delay fault.",
  python: ['chaosistio.fault.actions'],
  mutating: true,
  arguments: z
    .strictObject({
      virtual_service_name: istioArguments.virtual_service_name,
      http_status: istioArguments.httpStatus.optional().describe('HTTP status to answer with, e.g. 503'),
      grpc_status: grpcStatus
        .optional()
        .describe('gRPC status code name instead of an HTTP status, e.g. "UNAVAILABLE"'),
      routes: istioArguments.routes,
      percentage: istioArguments.percentage,
      ns: istioArguments.ns,
      version: istioArguments.version,
    })
    .refine((args) => (args.http_status === undefined) !== (args.grpc_status === undefined), {
      message: 'give exactly one of http_status and grpc_status',
      path: ['http_status'],
    }),
  run(args, ctx) {
    const abort = {
      ...(args.http_status === undefined ? { grpcStatus: args.grpc_status } : { httpStatus: args.http_status }),
      percentage: istioPercentage(args.percentage ?? 100),
    };
    const selectors = args.routes?.map(toRouteSelector);
    return runRouteChanges('add_abort_fault', args, ctx, (vs) =>
      planFaultChanges(vs, selectors, args.ns, { kind: 'add-abort', abort }),
    );
  },
});
