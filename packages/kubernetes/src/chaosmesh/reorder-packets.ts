import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { networkTargetArguments, podSelectorArguments, quantity } from './chaos-mesh-arguments.js';
import { createNetworkChaos } from './create-network-chaos.js';

/** Chaos Mesh: reorder network packets of the selected pods (a NetworkChaos, reverted by deleting it). */
export const reorderPackets = defineActivity({
  name: 'reorder_packets',
  type: 'action',
  description: 'Chaos Mesh: reorder network packets of the selected pods (a NetworkChaos, reverted by deleting it).',
  python: ['chaosk8s.chaosmesh.network.actions'],
  mutating: true,
  arguments: z.strictObject({
    ...podSelectorArguments,
    reorder: quantity().describe('percentage of packets reordered'),
    correlation: quantity(),
    gap: quantity(),
    ...networkTargetArguments,
  }),
  run: (args, ctx) =>
    createNetworkChaos(ctx, 'reorder_packets', args, 'reorder', {
      reorder: args.reorder,
      correlation: args.correlation,
      gap: args.gap,
    }),
});
