import { ActivityFailedError, defineActivity } from '@faultline/core';
import { z } from 'zod';
import { parseTime } from '../time/parse-time.js';
import { aggregate, aggregations } from '../values/aggregate.js';
import { formatLabels, sampleValues } from '../values/sample-values.js';
import { connectionArguments, timeArgument } from './common-arguments.js';
import { connect } from './connect.js';

/**
 * The value of an instant query, shaped for tolerances: a number, so
 * `tolerance: {type: range, range: [0, 0.01]}` reads naturally. Several series need `aggregate`
 * (max, min, avg, sum, …) or `aggregate: series` for one `{metric, value}` per series.
 * No data is a failure with a message, never a silent pass.
 */
export const queryValue = defineActivity({
  name: 'query_value',
  type: 'probe',
  description:
    'The number an instant PromQL query returns (scalar or single series; or aggregated/one per series), for range tolerances.',
  python: ['chaosprometheus.probes'],
  arguments: z.object({
    query: z.string().min(1),
    when: timeArgument.optional(),
    aggregate: z.enum([...aggregations, 'series']).optional(),
    /** What a NaN result (e.g. 0/0 when there is no traffic) becomes; default: a failure. */
    nan_as: z.number().optional(),
    ...connectionArguments,
  }),
  async run(args, ctx) {
    const { client, extra } = connect(ctx, args);
    const when = args.when === undefined ? undefined : parseTime(args.when, new Date(), 'when');
    const series = sampleValues(await client.query(args.query, when, extra)).map((s) => ({
      metric: s.metric,
      value: s.values[s.values.length - 1]!,
    }));
    if (series.length === 0) {
      throw new ActivityFailedError(`query_value: "${args.query}" returned no data`, {
        code: 'E_PROMETHEUS_NO_DATA',
        hint: 'an empty result is not a pass: check the query and that the targets are scraped (wrap it in `or vector(0)` if absence means zero)',
      });
    }
    const values = series.map((s) => {
      if (!Number.isNaN(s.value)) return s;
      if (args.nan_as !== undefined) return { ...s, value: args.nan_as };
      throw new ActivityFailedError(`query_value: "${args.query}" is NaN for ${formatLabels(s.metric)}`, {
        code: 'E_PROMETHEUS_NAN',
        hint: 'NaN usually means 0/0 (no traffic); set nan_as to the value it should count as',
      });
    });
    if (args.aggregate === 'series') return values;
    if (args.aggregate)
      return aggregate(
        values.map((s) => s.value),
        args.aggregate,
      );
    if (values.length > 1) {
      throw new ActivityFailedError(`query_value: "${args.query}" returned ${values.length} series, expected one`, {
        code: 'E_PROMETHEUS_MANY_SERIES',
        hint: 'aggregate in PromQL (sum(...), max(...)) or set aggregate: max|min|avg|sum|series',
      });
    }
    return values[0]!.value;
  },
});
