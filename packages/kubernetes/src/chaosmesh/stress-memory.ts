import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { podSelectorArguments } from './chaos-mesh-arguments.js';
import { createStressChaos } from './create-stress-chaos.js';

/** Chaos Mesh: memory stress in the selected pods for a duration (a StressChaos, reverted by deleting it). */
export const stressMemory = defineActivity({
  name: 'stress_memory',
  type: 'action',
  description:
    'Chaos Mesh: memory stress in the selected pods for a duration (a StressChaos, reverted by deleting it).',
  python: ['chaosk8s.chaosmesh.stress.actions'],
  mutating: true,
  arguments: z.strictObject({
    ...podSelectorArguments,
    workers: kubeArguments.integer(1).optional(),
    size: z.string().optional().describe('memory to take, e.g. "256MB" or "50%"'),
    oom_score: kubeArguments.integer(-1000).optional().describe('oom_score_adj of the stressors'),
    time_to_get_to_size: z.string().optional().describe('how long to ramp up, e.g. "10s"'),
    duration: z.string().default('30s'),
    container_names: z.union([z.string(), z.array(z.string())]).optional(),
    stressng_stressors: z.string().optional().describe('raw stress-ng options'),
  }),
  run: (args, ctx) =>
    createStressChaos(ctx, 'stress_memory', args, {
      memory: { workers: args.workers, size: args.size, time: args.time_to_get_to_size, oomScoreAdj: args.oom_score },
    }),
});
