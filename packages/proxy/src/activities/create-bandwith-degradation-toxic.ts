import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { addToxic } from './add-toxic.js';
import { proxyArguments } from './proxy-arguments.js';

/** Limit the bandwidth of the connections to rate KB/s (reverted by removing the toxic). */
export const createBandwithDegradationToxic = defineActivity({
  name: 'create_bandwith_degradation_toxic',
  type: 'action',
  description: 'Limit the bandwidth of the connections to rate KB/s.',
  python: ['chaostoxi.toxic.actions'],
  mutating: true,
  arguments: z.strictObject({
    for_proxy: proxyArguments.for_proxy,
    toxic_name: proxyArguments.toxic_name,
    rate: z.number().int().nonnegative().describe('KB/s'),
    stream: proxyArguments.stream,
    toxicity: proxyArguments.toxicity,
  }),
  run(args, ctx) {
    return addToxic(ctx, {
      for_proxy: args.for_proxy,
      toxic_name: args.toxic_name,
      toxic_type: 'bandwidth',
      stream: args.stream,
      toxicity: args.toxicity,
      attributes: { rate: args.rate },
    });
  },
});
