import { z } from 'zod';
import { aggregations } from '../values/aggregate.js';
import { parseObjective, type ObjectiveInput } from './objective.js';

// Checked when the experiment or SLO file is validated, not first when it is evaluated.
const objectiveSchema = z
  .union([
    z.string(),
    z.object({ op: z.string(), value: z.union([z.number(), z.string()]) }),
    z.record(z.string(), z.union([z.number(), z.string()])),
  ])
  .superRefine((value, ctx) => {
    try {
      parseObjective(value as ObjectiveInput);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });

/**
 * One service level objective. `indicator` is PromQL; `$window` in it is replaced by the length of
 * the evaluated window (e.g. `rate(http_requests_total[$window])`) and the query is evaluated once
 * at the end of the window. Without `$window`, the indicator is sampled over the window (range
 * query) and the worst sample is compared (or `aggregate`).
 */
export const sloDefinitionSchema = z.object({
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  indicator: z.string().min(1),
  objective: objectiveSchema,
  /** A duration ("5m"), or "run" for the experiment run so far (probe only). */
  window: z.union([z.number(), z.string()]).optional(),
  aggregate: z.enum(aggregations).optional(),
  /** Range query resolution for indicators without $window: seconds or a duration. */
  step: z.union([z.number(), z.string()]).optional(),
  /** What an empty result means: a failure (default) or a pass (e.g. "no errors at all"). */
  on_no_data: z.enum(['fail', 'pass']).optional(),
});

export type SloDefinition = z.infer<typeof sloDefinitionSchema>;

export const sloFileSchema = z.object({
  /** Used when neither --prometheus-url nor the journal's configuration gives a URL. */
  prometheus_url: z.string().optional(),
  slos: z.array(sloDefinitionSchema).min(1),
});

export type SloFile = z.infer<typeof sloFileSchema>;
