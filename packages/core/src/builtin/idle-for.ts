import { z } from 'zod';
import { defineActivity } from '../activity/activity-definition.js';
import { parseDurationMs } from '../duration/parse-duration.js';
import { abortableSleep } from '../util/abortable-sleep.js';

/** chaostoolkit-addons' `chaosaddons.utils.idle.idle_for`: wait, interruptible (Ctrl-C, timeout, stop). */
export const idleFor = defineActivity({
  name: 'idle_for',
  type: 'action',
  description: 'Wait for a duration (seconds, or "30s", "2m"); an interruption ends the wait at once.',
  python: ['chaosaddons.utils.idle'],
  arguments: z.strictObject({
    duration: z.union([z.number().min(0), z.string().min(1)]).describe('seconds, or a duration such as "30s"'),
  }),
  async run(args, ctx) {
    await abortableSleep(parseDurationMs(args.duration, 'duration'), ctx.signal);
    return null;
  },
});
