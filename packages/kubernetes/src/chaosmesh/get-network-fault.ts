import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { readChaosMesh } from './read-chaos-mesh.js';

/** Chaos Mesh: one NetworkChaos object. */
export const getNetworkFault = defineActivity({
  name: 'get_network_fault',
  type: 'probe',
  description: 'Chaos Mesh: one NetworkChaos object.',
  python: ['chaosk8s.chaosmesh.network.probes'],
  arguments: z.strictObject({ name: z.string().min(1), ns: kubeArguments.ns() }),
  run: (args, ctx) => readChaosMesh(ctx, 'get_network_fault', 'networkchaos', args.ns, args.name),
});
