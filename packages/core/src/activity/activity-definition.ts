import type { z } from 'zod';
import type { ActivityContext } from './activity-context.js';

/**
 * One probe or action of a driver. Each lives in its own file, is listed in its driver's
 * `activities` array, and is callable as a `javascript` provider (by `name` or its camelCase)
 * and, where `python` lists module paths, as a Chaos Toolkit `python` provider.
 */
export interface ActivityDefinition<S extends z.ZodType = z.ZodType> {
  /** Chaos Toolkit function name, snake_case: "terminate_pods". */
  readonly name: string;
  readonly type: 'probe' | 'action';
  /** One sentence, shown by `faultline discover`. */
  readonly description: string;
  /** Schema of the arguments (argument names as users write them). */
  readonly arguments: S;
  /** Chaos Toolkit module paths this function is found under, e.g. ["chaosk8s.pod.actions"]. */
  readonly python?: readonly string[];
  /** It changes the system: must honour ctx.dryRun and register reverts for what it injects. */
  readonly mutating?: boolean;
  run(args: z.output<S>, ctx: ActivityContext): unknown;
}

/** Identity function that keeps the argument type inference of a definition. */
export function defineActivity<S extends z.ZodType>(definition: ActivityDefinition<S>): ActivityDefinition<S> {
  return definition;
}
