import { z } from 'zod';

/** Arguments shared by the local stress activities. */
export const stressArguments = {
  duration: z
    .union([z.number().positive(), z.string().min(1)])
    .default(60)
    .describe('seconds (or "30s", "2m")'),
  use_stress_ng: z
    .union([z.boolean(), z.literal('auto')])
    .default('auto')
    .describe('stress-ng when installed (auto), always (true) or never: worker threads (false)'),
};
