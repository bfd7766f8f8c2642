import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { addToxic } from './add-toxic.js';
import { proxyArguments } from './proxy-arguments.js';

/** Adds any toxic with its attributes (reverted by removing it). */
export const createToxic = defineActivity({
  name: 'create_toxic',
  type: 'action',
  description:
    'Add a toxic of any type (latency, bandwidth, slow_close, timeout, reset_peer, slicer, limit_data) to a proxy.',
  python: ['chaostoxi.toxic.actions'],
  mutating: true,
  arguments: z.strictObject({
    for_proxy: proxyArguments.for_proxy,
    toxic_name: proxyArguments.toxic_name,
    toxic_type: z.string().min(1).describe('latency, bandwidth, slow_close, timeout, reset_peer, slicer or limit_data'),
    stream: proxyArguments.stream,
    toxicity: proxyArguments.toxicity,
    attributes: z
      .record(z.string(), z.union([z.number(), z.string(), z.boolean()]))
      .nullish()
      .describe('attributes of the toxic type'),
  }),
  run(args, ctx) {
    return addToxic(ctx, { ...args, attributes: args.attributes ?? {} });
  },
});
