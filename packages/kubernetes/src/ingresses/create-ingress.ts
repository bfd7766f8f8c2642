import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { createFromSpec } from '../objects/create-from-spec.js';
import { specArguments } from '../objects/spec-arguments.js';

/** Create an ingress from a JSON or YAML spec file */
export const createIngress = defineActivity({
  name: 'create_ingress',
  type: 'action',
  description: 'Create an ingress from a JSON or YAML spec file (reverted by deleting it).',
  python: ['chaosk8s.networking.actions'],
  mutating: true,
  arguments: z.strictObject(specArguments),
  run: (args, ctx) => createFromSpec(ctx, 'create_ingress', args, 'networking.k8s.io/v1', 'Ingress'),
});
