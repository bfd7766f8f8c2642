import { z } from 'zod';
import { UsageError, defineActivity } from '@faultline/core';
import { applyResource } from './apply-resource.js';

/** Create the object a JSON document describes (reverted by deleting it). */
export const applyFromJson = defineActivity({
  name: 'apply_from_json',
  type: 'action',
  description: 'Create the object a JSON document describes, in its namespace (reverted by deleting it).',
  python: ['chaosk8s.crd.actions'],
  mutating: true,
  arguments: z.strictObject({ resource: z.string().min(1).describe('the object as a JSON string') }),
  async run(args, ctx) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(args.resource);
    } catch (error) {
      throw new UsageError(`apply_from_json: resource is not JSON: ${(error as Error).message}`);
    }
    return applyResource(ctx, 'apply_from_json', parsed);
  },
});
