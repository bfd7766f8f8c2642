import { z } from 'zod';

/** Arguments every chaosprometheus probe accepts besides its own. */
export const connectionArguments = {
  /** Query timeout, seconds (Chaos Toolkit) or a duration string. */
  timeout: z.union([z.number(), z.string()]).optional(),
  verify_tls: z.boolean().optional(),
};

export const timeArgument = z.union([z.string(), z.number()]);
