import { z } from 'zod';
import { grpcStatus } from './grpc-status.js';
import { istioArguments } from './istio-arguments.js';
import { istioDuration } from './istio-duration.js';
import { istioPercentage } from './istio-percentage.js';
import type { HttpFault } from './virtual-service-types.js';

/**
 * An Istio HTTPFaultInjection as users write it in `set_fault`. Unknown fields are refused: the
 * VirtualService CRD's schema prunes them, so the fault would silently not be what was asked.
 */
export const istioFaultSchema = z
  .strictObject({
    delay: z
      .strictObject({
        fixedDelay: istioArguments.delay.optional(),
        exponentialDelay: z.string().optional(),
        percentage: istioArguments.percentageSchema.optional(),
        percent: z.number().int().min(0).max(100).optional(),
      })
      .optional(),
    abort: z
      .strictObject({
        httpStatus: istioArguments.httpStatus.optional(),
        grpcStatus: grpcStatus.optional(),
        http2Error: z.string().optional(),
        percentage: istioArguments.percentageSchema.optional(),
      })
      .optional(),
  })
  .refine((fault) => fault.delay !== undefined || fault.abort !== undefined, {
    message: 'a fault needs a delay, an abort or both',
  });

/** The fault as Istio wants it: durations as "Ns", percentages as {value: n}. */
export function istioFault(input: z.output<typeof istioFaultSchema>): HttpFault {
  const fault: HttpFault = structuredClone(input) as HttpFault;
  if (input.delay) {
    fault.delay = { ...fault.delay };
    if (input.delay.fixedDelay !== undefined)
      fault.delay.fixedDelay = istioDuration(input.delay.fixedDelay, 'fault.delay.fixedDelay');
    if (input.delay.percentage !== undefined)
      fault.delay.percentage = istioPercentage(input.delay.percentage, 'fault.delay.percentage');
  }
  if (input.abort?.percentage !== undefined)
    fault.abort = { ...fault.abort, percentage: istioPercentage(input.abort.percentage, 'fault.abort.percentage') };
  return fault;
}
