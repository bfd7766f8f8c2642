import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { defineActivity } from '../activity/activity-definition.js';
import { runStress } from './run-stress.js';
import { stressArguments } from './stress-arguments.js';

// Each worker spins until the deadline: one busy core per worker.
const spin = `const { until } = require('node:worker_threads').workerData; while (Date.now() < until) {}`;

/**
 * CPU pressure on the local machine for a duration (the laptop analogue of the seed's stress_node
 * with "cpu:N"): stress-ng --cpu N when installed, else N busy worker threads.
 */
export const stressCpu = defineActivity({
  name: 'stress_cpu',
  type: 'action',
  mutating: true,
  description: 'Load N CPU cores of the local machine for a duration (stress-ng when installed, else worker threads)',
  arguments: z.strictObject({
    workers: z.number().int().min(1).max(1024).default(availableParallelism()).describe('busy cores (default: all)'),
    ...stressArguments,
  }),
  async run(args, ctx) {
    if (ctx.dryRun) return { dry_run: true, workers: args.workers, duration: args.duration };
    return {
      workers: args.workers,
      ...(await runStress(
        {
          stressNg: ['--cpu', String(args.workers)],
          worker: { code: spin, data: {}, count: args.workers },
        },
        args.duration,
        args.use_stress_ng,
        ctx,
      )),
    };
  },
});
