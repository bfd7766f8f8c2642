import { defineActivity } from '@faultline/core';
import { z } from 'zod';
import { computeMean } from './compute-mean.js';

export const nodesCpuUsageMean = defineActivity({
  name: 'nodes_cpu_usage_mean',
  type: 'probe',
  description: 'Mean CPU usage of all nodes (percent, from node_cpu_seconds_total) over a window.',
  python: ['chaosprometheus.probes'],
  arguments: z.object({ window: z.union([z.string(), z.number()]).default('1d') }),
  run(args, ctx) {
    const query = '100 * (1 - avg(rate(node_cpu_seconds_total{mode="idle"}[1m])))';
    return computeMean.run(computeMean.arguments.parse({ query, window: args.window }), ctx);
  },
});
