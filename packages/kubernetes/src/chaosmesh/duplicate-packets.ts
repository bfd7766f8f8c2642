import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { networkTargetArguments, podSelectorArguments, quantity } from './chaos-mesh-arguments.js';
import { createNetworkChaos } from './create-network-chaos.js';

/** Chaos Mesh: duplicate a share of the network packets of the selected pods (a NetworkChaos, reverted by deleting it). */
export const duplicatePackets = defineActivity({
  name: 'duplicate_packets',
  type: 'action',
  description:
    'Chaos Mesh: duplicate a share of the network packets of the selected pods (a NetworkChaos, reverted by deleting it).',
  python: ['chaosk8s.chaosmesh.network.actions'],
  mutating: true,
  arguments: z.strictObject({
    ...podSelectorArguments,
    duplicate: quantity().describe('percentage of packets duplicated'),
    correlation: quantity(),
    ...networkTargetArguments,
  }),
  run: (args, ctx) =>
    createNetworkChaos(ctx, 'duplicate_packets', args, 'duplicate', {
      duplicate: args.duplicate,
      correlation: args.correlation,
    }),
});
