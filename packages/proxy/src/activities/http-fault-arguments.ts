import { z } from 'zod';
import { parseDurationMs } from '@faultline/core';

const stringMatch = z.union([
  z.string(),
  z.strictObject({ exact: z.string() }),
  z.strictObject({ prefix: z.string() }),
  z.strictObject({ regex: z.string() }),
]);

/** Istio-shaped pieces of the HTTP fault activities (chaosistio argument names where they exist). */
export const httpFaultArguments = {
  fault_name: z.string().min(1).describe('name of the fault on the proxy'),
  /** chaosistio: a number from 0 to 100. */
  percentage: z.number().min(0).max(100).default(100).describe('percentage of matching requests (0–100)'),
  fixed_delay: z
    .union([z.number().nonnegative(), z.string().min(1)])
    .transform(
      (value) => `${typeof value === 'number' ? Math.round(value * 1000) : parseDurationMs(value, 'fixed_delay')}ms`,
    )
    .describe('how long to delay: "3s", "500ms" or seconds'),
  http_status: z.number().int().min(200).max(599).describe('HTTP status to answer with, e.g. 503'),
  /** Istio's HTTPMatchRequest subset; one object or a list (OR). */
  match: z
    .union([
      z.strictObject({
        method: stringMatch.optional(),
        uri: stringMatch.optional(),
        headers: z.record(z.string(), stringMatch).optional(),
      }),
      z.array(
        z.strictObject({
          method: stringMatch.optional(),
          uri: stringMatch.optional(),
          headers: z.record(z.string(), stringMatch).optional(),
        }),
      ),
    ])
    .optional()
    .describe('which requests: {method, uri, headers} with exact/prefix/regex, as in an Istio match'),
  first_n: z.number().int().nonnegative().optional().describe('fault only the first N matching requests'),
} as const;
