import { z } from 'zod';
import { parseDuration } from '@faultline/core';
import { istioApiVersions } from './istio-api-versions.js';

const destination = z.strictObject({ host: z.string().min(1), subset: z.string().min(1).optional() });

/** A percentage of requests: chaosistio passes a number, Istio writes `{value: n}`. Both are fine. */
const percentage = z.union([z.number().min(0).max(100), z.strictObject({ value: z.number().min(0).max(100) })]);

/** A delay: "3s", "500ms", "1m" or seconds as a number, at least 1ms (Istio's lower bound). */
const delay = z.union([z.string(), z.number()]).superRefine((value, issues) => {
  try {
    if (parseDuration(value) < 0.001) issues.addIssue({ code: 'custom', message: 'a delay must be at least 1ms' });
  } catch (error) {
    issues.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

/** Argument schemas shared by the Istio activities, named as chaosistio names them. */
export const istioArguments = {
  virtual_service_name: z.string().min(1).describe('name of the VirtualService'),
  ns: z.string().min(1).default('default').describe('namespace of the VirtualService'),
  version: z
    .string()
    .superRefine((value, issues) => {
      try {
        istioApiVersions(value, {});
      } catch (error) {
        issues.addIssue({ code: 'custom', message: (error as Error).message });
      }
    })
    .optional()
    .describe('networking.istio.io/v1alpha3 (default, falls back to v1 on 404), v1beta1 or v1'),
  routes: z
    .array(z.union([z.strictObject({ destination }), destination]))
    .optional()
    .describe(
      'destinations whose http routes get the fault: [{destination: {host, subset}}]; short host names and FQDNs both match; all http routes when omitted',
    ),
  // Istio faults no request when the percentage is missing, so omitted means 100 (written explicitly).
  percentage: percentage
    .optional()
    .describe('share of requests affected, 0-100, as a number or {value: n}; 100 when omitted'),
  delay,
  percentageSchema: percentage,
  httpStatus: z.number().int().min(200).max(599),
} as const;
