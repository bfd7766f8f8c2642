import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { readChaosMesh } from './read-chaos-mesh.js';

/** Chaos Mesh: the NetworkChaos objects of the namespace. */
export const getNetworkFaults = defineActivity({
  name: 'get_network_faults',
  type: 'probe',
  description: 'Chaos Mesh: the NetworkChaos objects of the namespace.',
  python: ['chaosk8s.chaosmesh.network.probes'],
  arguments: z.strictObject({ ns: kubeArguments.ns() }),
  run: (args, ctx) => readChaosMesh(ctx, 'get_network_faults', 'networkchaos', args.ns),
});
