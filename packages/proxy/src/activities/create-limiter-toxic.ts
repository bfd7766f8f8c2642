import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { addToxic } from './add-toxic.js';
import { proxyArguments } from './proxy-arguments.js';

/** Close connections once bytes_limit bytes have gone through (reverted by removing the toxic). */
export const createLimiterToxic = defineActivity({
  name: 'create_limiter_toxic',
  type: 'action',
  description: 'Close connections once bytes_limit bytes have gone through.',
  python: ['chaostoxi.toxic.actions'],
  mutating: true,
  arguments: z.strictObject({
    for_proxy: proxyArguments.for_proxy,
    toxic_name: proxyArguments.toxic_name,
    bytes_limit: z.number().int().nonnegative().describe('bytes before the connection closes'),
    stream: proxyArguments.stream,
    toxicity: proxyArguments.toxicity,
  }),
  run(args, ctx) {
    return addToxic(ctx, {
      for_proxy: args.for_proxy,
      toxic_name: args.toxic_name,
      toxic_type: 'limit_data',
      stream: args.stream,
      toxicity: args.toxicity,
      attributes: { bytes: args.bytes_limit },
    });
  },
});
