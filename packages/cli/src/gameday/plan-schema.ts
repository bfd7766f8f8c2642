import { z } from 'zod';

const varValue = z.union([z.string(), z.number(), z.boolean()]);

/** One experiment run of the plan. */
const experimentStep = z
  .object({
    name: z.string().min(1).describe('shown in progress and notifications'),
    experiment: z.string().min(1).describe('experiment file, relative to the plan file'),
    vars: z.record(z.string(), varValue).optional().describe('configuration values, as --var'),
    progressive: z
      .object({
        var: z.string().min(1),
        values: z.array(varValue).min(1),
      })
      .strict()
      .optional()
      .describe('run the experiment once per value of the variable, in order (growing blast radius)'),
    gate: z
      .enum(['stop', 'continue'])
      .default('stop')
      .describe('stop: the plan stops when this step deviates, fails or is interrupted; continue: go on'),
  })
  .strict();

/** Steps run at the same time; the gate of each applies once all have finished. */
const groupStep = z.object({ name: z.string().min(1), parallel: z.array(experimentStep).min(2) }).strict();

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (24 h)');
const day = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

export const planSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().optional(),
    window: z
      .object({
        start: hhmm,
        end: hhmm,
        timeZone: z.string().default('UTC'),
        days: z.array(day).min(1).optional().describe('default: every day'),
      })
      .strict()
      .optional()
      .describe(
        'the plan refuses to start outside this window; when it closes, the running steps are interrupted (their faults reverted) and no step starts',
      ),
    max_duration: z
      .union([z.number().positive(), z.string().min(1)])
      .optional()
      .describe(
        'deadline of the whole plan (seconds, or "45m", "2h"): past it the running steps are interrupted and no step starts',
      ),
    notify: z
      .array(
        z
          .object({
            url: z.url(),
            format: z.enum(['json', 'slack']).default('json'),
          })
          .strict(),
      )
      .default([])
      .describe('webhooks told at the start, after each step and at the end'),
    steps: z.array(z.union([experimentStep, groupStep])).min(1),
  })
  .strict();

export type Plan = z.output<typeof planSchema>;
export type PlanStep = Plan['steps'][number];
export type ExperimentStep = z.output<typeof experimentStep>;
export type PlanWindow = NonNullable<Plan['window']>;

/** The JSON Schema of plan files, for editors (`faultline gameday schema`). */
export function planJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Faultline game day plan',
    ...(z.toJSONSchema(planSchema, { io: 'input' }) as Record<string, unknown>),
  };
}
