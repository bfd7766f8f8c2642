import { ActivityFailedError, defineActivity, parseDuration } from '@faultline/core';
import { z } from 'zod';
import { parseTime } from '../time/parse-time.js';
import { parseWindow } from '../time/parse-window.js';
import { mean, meanTypes } from '../values/mean.js';
import { sampleValues } from '../values/sample-values.js';
import { connectionArguments, timeArgument } from './common-arguments.js';
import { connect } from './connect.js';

/**
 * Chaos Toolkit's compute_mean, fixed: it passed a datetime where Prometheus wants a timestamp,
 * read only the first series and returned the arithmetic mean for "harmonic". Here the window
 * ends at `end` (default now), every data point of every series counts, NaNs are skipped.
 */
export const computeMean = defineActivity({
  name: 'compute_mean',
  type: 'probe',
  description:
    'Mean (arithmetic, geometric or harmonic) of all data points a PromQL query returns over a window ("1d", "15m").',
  python: ['chaosprometheus.probes'],
  arguments: z.object({
    query: z.string().min(1),
    window: z.union([z.string(), z.number()]).default('1d'),
    mean_type: z.enum(meanTypes).default('arithmetic'),
    end: timeArgument.default('now'),
    /** Default: the window split into about 250 points (at least 1s). */
    step: z.union([z.number(), z.string()]).optional(),
    ...connectionArguments,
  }),
  async run(args, ctx) {
    const { client, extra } = connect(ctx, args);
    const windowSeconds = parseWindow(args.window, 'window');
    const end = parseTime(args.end, new Date(), 'end');
    const start = new Date(end.getTime() - windowSeconds * 1000);
    const step = args.step !== undefined ? parseDuration(args.step, 'step') : Math.max(1, windowSeconds / 250);
    const response = await client.queryRange(args.query, start, end, step, extra);
    const all = sampleValues(response).flatMap((s) => s.values);
    const values = all.filter((v) => !Number.isNaN(v));
    if (values.length === 0) {
      throw new ActivityFailedError(`compute_mean: "${args.query}" returned no data over the last ${args.window}`, {
        code: 'E_PROMETHEUS_NO_DATA',
        hint: 'check the query in the Prometheus UI and that the targets are scraped',
      });
    }
    if (values.length < all.length)
      ctx.logger.debug('compute_mean skipped NaN samples', { skipped: all.length - values.length });
    return mean(values, args.mean_type);
  },
});
