import { z } from 'zod';
import { parseDuration } from '@faultline/core';

/** An integer, also accepted as a numeric string (configuration substitution yields strings). */
const integer = (min = 0) =>
  z.union([
    z.number().int().min(min),
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number)
      .pipe(z.number().int().min(min)),
  ]);

/** A boolean, also accepted as "true"/"false". */
const boolean = () => z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

/** Seconds as a number, or a duration string with a unit ("30s", "2m"), parsed by core's parseDuration. */
const seconds = () =>
  z.union([z.number().min(0), z.string().min(1)]).transform((value, issues) => {
    try {
      return parseDuration(value);
    } catch (error) {
      issues.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

/** Argument schemas shared by the Kubernetes activities, named as chaosk8s names them. */
export const kubeArguments = {
  ns: () => z.string().min(1).default('default').describe('namespace'),
  labelSelector: () => z.string().optional().describe('label selector, e.g. "app=my-service,tier in (web)"'),
  integer,
  boolean,
  seconds,
  /**
   * `_faultline_revert`: set by the activity that registers a revert, so the activity replayed as
   * that revert records a FaultReverted event (and skips the node caps: it restores a prior state).
   * ActivityContext cannot tell a revert apart, hence this argument; not meant for experiments.
   */
  revertFlag: () =>
    z
      .boolean()
      .optional()
      .describe(
        'internal: set by Faultline on the reverts it registers (emits FaultReverted); do not set in experiments',
      ),
} as const;

/** The argument that marks an activity call as a revert (see kubeArguments.revertFlag). */
export const revertFlagArgument = { _faultline_revert: true } as const;
