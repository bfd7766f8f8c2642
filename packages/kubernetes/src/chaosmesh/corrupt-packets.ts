import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { networkTargetArguments, podSelectorArguments, quantity } from './chaos-mesh-arguments.js';
import { createNetworkChaos } from './create-network-chaos.js';

/** Chaos Mesh: corrupt a share of the network packets of the selected pods (a NetworkChaos, reverted by deleting it). */
export const corruptPackets = defineActivity({
  name: 'corrupt_packets',
  type: 'action',
  description:
    'Chaos Mesh: corrupt a share of the network packets of the selected pods (a NetworkChaos, reverted by deleting it).',
  python: ['chaosk8s.chaosmesh.network.actions'],
  mutating: true,
  arguments: z.strictObject({
    ...podSelectorArguments,
    corrupt: quantity().describe('percentage of packets corrupted'),
    correlation: quantity(),
    ...networkTargetArguments,
  }),
  run: (args, ctx) =>
    createNetworkChaos(ctx, 'corrupt_packets', args, 'corrupt', {
      corrupt: args.corrupt,
      correlation: args.correlation,
    }),
});
