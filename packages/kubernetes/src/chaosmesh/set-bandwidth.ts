import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { networkTargetArguments, podSelectorArguments } from './chaos-mesh-arguments.js';
import { createNetworkChaos } from './create-network-chaos.js';

/** Chaos Mesh: limit the bandwidth of the selected pods (a NetworkChaos, reverted by deleting it). */
export const setBandwidth = defineActivity({
  name: 'set_bandwidth',
  type: 'action',
  description: 'Chaos Mesh: limit the bandwidth of the selected pods (a NetworkChaos, reverted by deleting it).',
  python: ['chaosk8s.chaosmesh.network.actions'],
  mutating: true,
  arguments: z.strictObject({
    ...podSelectorArguments,
    rate: z.string().min(1).describe('e.g. "1mbps"'),
    limit: kubeArguments.integer(1).describe('bytes that can be queued'),
    buffer: kubeArguments.integer(1).describe('bucket size in bytes'),
    peakrate: kubeArguments.integer(0).optional(),
    minburst: kubeArguments.integer(0).optional(),
    ...networkTargetArguments,
  }),
  run: (args, ctx) =>
    createNetworkChaos(ctx, 'set_bandwidth', args, 'bandwidth', {
      rate: args.rate,
      limit: args.limit,
      buffer: args.buffer,
      peakrate: args.peakrate || undefined,
      minburst: args.minburst || undefined,
    }),
});
