import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { addToxic } from './add-toxic.js';
import { proxyArguments } from './proxy-arguments.js';

/** Reset connections (TCP RST) timeout ms after their first data (reverted by removing the toxic). */
export const createResetPeerToxic = defineActivity({
  name: 'create_reset_peer_toxic',
  type: 'action',
  description: 'Reset connections (TCP RST) timeout ms after their first data.',
  mutating: true,
  arguments: z.strictObject({
    for_proxy: proxyArguments.for_proxy,
    toxic_name: proxyArguments.toxic_name,
    timeout: proxyArguments.milliseconds.default(0).describe('ms after the first data; 0 at once'),
    stream: proxyArguments.stream,
    toxicity: proxyArguments.toxicity,
  }),
  run(args, ctx) {
    return addToxic(ctx, {
      for_proxy: args.for_proxy,
      toxic_name: args.toxic_name,
      toxic_type: 'reset_peer',
      stream: args.stream,
      toxicity: args.toxicity,
      attributes: { timeout: args.timeout },
    });
  },
});
