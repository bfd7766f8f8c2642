import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { addToxic } from './add-toxic.js';
import { proxyArguments } from './proxy-arguments.js';

/** Slice data into small pieces of average_size ± size_variation bytes, delay µs apart (reverted by removing the toxic). */
export const createSlicerToxic = defineActivity({
  name: 'create_slicer_toxic',
  type: 'action',
  description: 'Slice data into small pieces of average_size ± size_variation bytes, delay µs apart.',
  python: ['chaostoxi.toxic.actions'],
  mutating: true,
  arguments: z.strictObject({
    for_proxy: proxyArguments.for_proxy,
    toxic_name: proxyArguments.toxic_name,
    average_size: z.number().int().positive().describe('bytes'),
    size_variation: z.number().int().nonnegative().describe('± bytes, smaller than average_size'),
    delay: z.number().int().nonnegative().describe('microseconds between pieces'),
    stream: proxyArguments.stream,
    toxicity: proxyArguments.toxicity,
  }),
  run(args, ctx) {
    return addToxic(ctx, {
      for_proxy: args.for_proxy,
      toxic_name: args.toxic_name,
      toxic_type: 'slicer',
      stream: args.stream,
      toxicity: args.toxicity,
      attributes: { average_size: args.average_size, size_variation: args.size_variation, delay: args.delay },
    });
  },
});
