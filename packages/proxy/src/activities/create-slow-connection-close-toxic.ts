import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { addToxic } from './add-toxic.js';
import { proxyArguments } from './proxy-arguments.js';

/** Delay the close of connections by delay (ms) (reverted by removing the toxic). */
export const createSlowConnectionCloseToxic = defineActivity({
  name: 'create_slow_connection_close_toxic',
  type: 'action',
  description: 'Delay the close of connections by delay (ms).',
  python: ['chaostoxi.toxic.actions'],
  mutating: true,
  arguments: z.strictObject({
    for_proxy: proxyArguments.for_proxy,
    toxic_name: proxyArguments.toxic_name,
    delay: proxyArguments.milliseconds.describe('ms (or "2s")'),
    stream: proxyArguments.stream,
    toxicity: proxyArguments.toxicity,
  }),
  run(args, ctx) {
    return addToxic(ctx, {
      for_proxy: args.for_proxy,
      toxic_name: args.toxic_name,
      toxic_type: 'slow_close',
      stream: args.stream,
      toxicity: args.toxicity,
      attributes: { delay: args.delay },
    });
  },
});
