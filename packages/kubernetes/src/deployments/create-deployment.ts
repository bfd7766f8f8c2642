import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { createFromSpec } from '../objects/create-from-spec.js';
import { specArguments } from '../objects/spec-arguments.js';

/** Create a deployment from a JSON or YAML spec file */
export const createDeployment = defineActivity({
  name: 'create_deployment',
  type: 'action',
  description: 'Create a deployment from a JSON or YAML spec file (reverted by deleting it).',
  python: ['chaosk8s.deployment.actions'],
  mutating: true,
  arguments: z.strictObject(specArguments),
  run: (args, ctx) => createFromSpec(ctx, 'create_deployment', args, 'apps/v1', 'Deployment'),
});
