import { UsageError, type ActivityContext } from '@faultline/core';
import { z } from 'zod';
import type { PrometheusResponse } from '../http/prometheus-client.js';
import { formatLabels, sampleValues } from '../values/sample-values.js';

/** Arguments of chaosprometheus.verification.probes' tolerance functions. */
export const thresholdArguments = z.object({
  /** The probe's output (injected by the engine when used as a tolerance). */
  value: z
    .object({ status: z.string(), data: z.object({ resultType: z.string(), result: z.unknown() }) })
    .passthrough(),
  threshold: z.number().optional(),
  threshold_variable: z.string().optional(),
});

/**
 * True when every sample of a query/query_interval result is strictly below (or above) the
 * threshold; false for an empty result, as in chaosprometheus.verification.
 */
export function thresholdCheck(
  args: z.output<typeof thresholdArguments>,
  ctx: ActivityContext,
  direction: 'lower' | 'higher',
): boolean {
  if (args.threshold_variable !== undefined) {
    throw new UsageError(
      'threshold_variable (a threshold saved by an earlier probe in a Python global) is not supported',
      {
        hint: 'give `threshold` explicitly, or use the slo probe to compare against an objective',
      },
    );
  }
  if (args.threshold === undefined)
    throw new UsageError('no threshold given', { hint: 'set the `threshold` argument' });
  const series = sampleValues(args.value as unknown as PrometheusResponse);
  if (series.length === 0) {
    ctx.logger.error('the query did not return any result');
    return false;
  }
  let ok = true;
  for (const s of series) {
    for (const v of s.values) {
      const passes = direction === 'lower' ? v < args.threshold : v > args.threshold;
      if (!passes) {
        ctx.logger.error(
          `value ${v} of ${formatLabels(s.metric)} is not ${direction} than the threshold ${args.threshold}`,
        );
        ok = false;
      }
    }
  }
  return ok;
}
