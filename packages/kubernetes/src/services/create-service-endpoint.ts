import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { createFromSpec } from '../objects/create-from-spec.js';
import { specArguments } from '../objects/spec-arguments.js';

/** Create a service from a JSON or YAML spec file */
export const createServiceEndpoint = defineActivity({
  name: 'create_service_endpoint',
  type: 'action',
  description: 'Create a service from a JSON or YAML spec file (reverted by deleting it).',
  python: ['chaosk8s.service.actions'],
  mutating: true,
  arguments: z.strictObject(specArguments),
  run: (args, ctx) => createFromSpec(ctx, 'create_service_endpoint', args, 'v1', 'Service'),
});
