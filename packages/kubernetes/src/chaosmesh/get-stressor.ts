import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { readChaosMesh } from './read-chaos-mesh.js';

/** Chaos Mesh: one StressChaos object. */
export const getStressor = defineActivity({
  name: 'get_stressor',
  type: 'probe',
  description: 'Chaos Mesh: one StressChaos object.',
  python: ['chaosk8s.chaosmesh.stress.probes'],
  arguments: z.strictObject({ name: z.string().min(1), ns: kubeArguments.ns() }),
  run: (args, ctx) => readChaosMesh(ctx, 'get_stressor', 'stresschaos', args.ns, args.name),
});
