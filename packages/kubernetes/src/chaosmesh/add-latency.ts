import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { networkTargetArguments, podSelectorArguments, quantity } from './chaos-mesh-arguments.js';
import { createNetworkChaos } from './create-network-chaos.js';

/** Chaos Mesh: delay the network traffic of the selected pods (a NetworkChaos, reverted by deleting it). */
export const addLatency = defineActivity({
  name: 'add_latency',
  type: 'action',
  description: 'Chaos Mesh: delay the network traffic of the selected pods (a NetworkChaos, reverted by deleting it).',
  python: ['chaosk8s.chaosmesh.network.actions'],
  mutating: true,
  arguments: z.strictObject({
    ...podSelectorArguments,
    latency: quantity().describe('e.g. "100ms"'),
    correlation: quantity().describe('percentage, e.g. "50"'),
    jitter: quantity().describe('e.g. "10ms"'),
    ...networkTargetArguments,
  }),
  run: (args, ctx) =>
    createNetworkChaos(ctx, 'add_latency', args, 'delay', {
      latency: args.latency,
      correlation: args.correlation,
      jitter: args.jitter,
    }),
});
