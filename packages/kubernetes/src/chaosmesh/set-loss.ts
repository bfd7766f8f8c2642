import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { networkTargetArguments, podSelectorArguments, quantity } from './chaos-mesh-arguments.js';
import { createNetworkChaos } from './create-network-chaos.js';

/** Chaos Mesh: drop a share of the network packets of the selected pods (a NetworkChaos, reverted by deleting it). */
export const setLoss = defineActivity({
  name: 'set_loss',
  type: 'action',
  description:
    'Chaos Mesh: drop a share of the network packets of the selected pods (a NetworkChaos, reverted by deleting it).',
  python: ['chaosk8s.chaosmesh.network.actions'],
  mutating: true,
  arguments: z.strictObject({
    ...podSelectorArguments,
    loss: quantity().describe('percentage of packets lost, e.g. "25"'),
    correlation: quantity(),
    ...networkTargetArguments,
  }),
  run: (args, ctx) =>
    createNetworkChaos(ctx, 'set_loss', args, 'loss', { loss: args.loss, correlation: args.correlation }),
});
