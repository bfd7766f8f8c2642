import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { addToxic } from './add-toxic.js';
import { proxyArguments } from './proxy-arguments.js';

/** Stop all data and close connections after timeout (ms); 0 keeps them hanging (reverted by removing the toxic). */
export const createTimeoutToxic = defineActivity({
  name: 'create_timeout_toxic',
  type: 'action',
  description: 'Stop all data and close connections after timeout (ms); 0 keeps them hanging.',
  python: ['chaostoxi.toxic.actions'],
  mutating: true,
  arguments: z.strictObject({
    for_proxy: proxyArguments.for_proxy,
    toxic_name: proxyArguments.toxic_name,
    timeout: proxyArguments.milliseconds.describe('ms before the connection closes; 0 never'),
    stream: proxyArguments.stream,
    toxicity: proxyArguments.toxicity,
  }),
  run(args, ctx) {
    return addToxic(ctx, {
      for_proxy: args.for_proxy,
      toxic_name: args.toxic_name,
      toxic_type: 'timeout',
      stream: args.stream,
      toxicity: args.toxicity,
      attributes: { timeout: args.timeout },
    });
  },
});
