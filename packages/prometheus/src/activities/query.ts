import { defineActivity } from '@faultline/core';
import { z } from 'zod';
import { parseTime } from '../time/parse-time.js';
import { connectionArguments, timeArgument } from './common-arguments.js';
import { connect } from './connect.js';

export const query = defineActivity({
  name: 'query',
  type: 'probe',
  description:
    'Run an instant PromQL query (optionally at a past time such as "2 minutes ago") and return Prometheus\' JSON response as-is.',
  python: ['chaosprometheus.probes'],
  arguments: z.object({
    query: z.string().min(1),
    when: timeArgument.optional(),
    ...connectionArguments,
  }),
  async run(args, ctx) {
    const { client, extra } = connect(ctx, args);
    const when = args.when === undefined ? undefined : parseTime(args.when, new Date(), 'when');
    ctx.logger.debug('prometheus instant query', { query: args.query, time: when?.toISOString() });
    return client.query(args.query, when, extra);
  },
});
