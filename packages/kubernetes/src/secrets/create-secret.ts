import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { createFromSpec } from '../objects/create-from-spec.js';
import { specArguments } from '../objects/spec-arguments.js';

/** Create a secret from a JSON or YAML spec file */
export const createSecret = defineActivity({
  name: 'create_secret',
  type: 'action',
  description: 'Create a secret from a JSON or YAML spec file (reverted by deleting it).',
  python: ['chaosk8s.secret.actions'],
  mutating: true,
  arguments: z.strictObject(specArguments),
  run: (args, ctx) => createFromSpec(ctx, 'create_secret', args, 'v1', 'Secret'),
});
