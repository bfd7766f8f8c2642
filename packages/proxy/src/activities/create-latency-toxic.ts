import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { addToxic } from './add-toxic.js';
import { proxyArguments } from './proxy-arguments.js';

/** Delay all data through the proxy by latency ± jitter (ms) (reverted by removing the toxic). */
export const createLatencyToxic = defineActivity({
  name: 'create_latency_toxic',
  type: 'action',
  description: 'Delay all data through the proxy by latency ± jitter (ms).',
  python: ['chaostoxi.toxic.actions'],
  mutating: true,
  arguments: z.strictObject({
    for_proxy: proxyArguments.for_proxy,
    toxic_name: proxyArguments.toxic_name,
    latency: proxyArguments.milliseconds.describe('added delay in ms (or "100ms", "1s")'),
    jitter: proxyArguments.milliseconds.default(0).describe('± variation in ms'),
    stream: proxyArguments.stream,
    toxicity: proxyArguments.toxicity,
  }),
  run(args, ctx) {
    return addToxic(ctx, {
      for_proxy: args.for_proxy,
      toxic_name: args.toxic_name,
      toxic_type: 'latency',
      stream: args.stream,
      toxicity: args.toxicity,
      attributes: { latency: args.latency, jitter: args.jitter },
    });
  },
});
