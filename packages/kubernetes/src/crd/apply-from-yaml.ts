import { z } from 'zod';
import { UsageError, defineActivity } from '@faultline/core';
import { parse } from 'yaml';
import { applyResource } from './apply-resource.js';

/** Create the object a YAML document describes (reverted by deleting it). */
export const applyFromYaml = defineActivity({
  name: 'apply_from_yaml',
  type: 'action',
  description: 'Create the object a YAML document describes, in its namespace (reverted by deleting it).',
  python: ['chaosk8s.crd.actions'],
  mutating: true,
  arguments: z.strictObject({ resource: z.string().min(1).describe('the object as a YAML string') }),
  async run(args, ctx) {
    let parsed: unknown;
    try {
      parsed = parse(args.resource);
    } catch (error) {
      throw new UsageError(`apply_from_yaml: resource is not YAML: ${(error as Error).message}`);
    }
    return applyResource(ctx, 'apply_from_yaml', parsed);
  },
});
