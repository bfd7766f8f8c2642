import { defineActivity, parseDuration } from '@faultline/core';
import { z } from 'zod';
import { parseTime } from '../time/parse-time.js';
import { connectionArguments, timeArgument } from './common-arguments.js';
import { connect } from './connect.js';

export const queryInterval = defineActivity({
  name: 'query_interval',
  type: 'probe',
  description:
    'Run a PromQL range query between two times ("5 minutes ago" to "now") every `step` and return Prometheus\' JSON response as-is.',
  python: ['chaosprometheus.probes'],
  arguments: z.object({
    query: z.string().min(1),
    start: timeArgument,
    end: timeArgument.default('now'),
    /** Seconds, or a duration string ("15s"). Default 1 s, coarser for windows Prometheus would refuse at 1 s. */
    step: z.union([z.number(), z.string()]).optional(),
    ...connectionArguments,
  }),
  async run(args, ctx) {
    const { client, extra } = connect(ctx, args);
    const now = new Date();
    const start = parseTime(args.start, now, 'start');
    const end = parseTime(args.end, now, 'end');
    // Prometheus refuses more than 11,000 points per series.
    const step =
      args.step !== undefined
        ? parseDuration(args.step, 'step')
        : Math.max(1, Math.ceil((end.getTime() - start.getTime()) / 1000 / 11_000));
    ctx.logger.debug('prometheus range query', {
      query: args.query,
      start: start.toISOString(),
      end: end.toISOString(),
      step,
    });
    return client.queryRange(args.query, start, end, step, extra);
  },
});
