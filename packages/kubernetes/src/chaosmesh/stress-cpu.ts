import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { podSelectorArguments } from './chaos-mesh-arguments.js';
import { createStressChaos } from './create-stress-chaos.js';

/** Chaos Mesh: CPU stress in the selected pods for a duration (a StressChaos, reverted by deleting it). */
export const stressCpu = defineActivity({
  name: 'stress_cpu',
  type: 'action',
  description: 'Chaos Mesh: CPU stress in the selected pods for a duration (a StressChaos, reverted by deleting it).',
  python: ['chaosk8s.chaosmesh.stress.actions'],
  mutating: true,
  arguments: z.strictObject({
    ...podSelectorArguments,
    workers: kubeArguments.integer(1).describe('stressor threads'),
    load: kubeArguments.integer(0).describe('percentage of a CPU each worker uses'),
    duration: z.string().default('30s'),
    container_names: z.union([z.string(), z.array(z.string())]).optional(),
    stressng_stressors: z.string().optional().describe('raw stress-ng options'),
  }),
  run: (args, ctx) => createStressChaos(ctx, 'stress_cpu', args, { cpu: { workers: args.workers, load: args.load } }),
});
