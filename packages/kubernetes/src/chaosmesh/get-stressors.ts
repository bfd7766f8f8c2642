import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { readChaosMesh } from './read-chaos-mesh.js';

/** Chaos Mesh: the StressChaos objects of the namespace. */
export const getStressors = defineActivity({
  name: 'get_stressors',
  type: 'probe',
  description: 'Chaos Mesh: the StressChaos objects of the namespace.',
  python: ['chaosk8s.chaosmesh.stress.probes'],
  arguments: z.strictObject({ ns: kubeArguments.ns() }),
  run: (args, ctx) => readChaosMesh(ctx, 'get_stressors', 'stresschaos', args.ns),
});
