import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { createDeployment } from '../deployments/create-deployment.js';
import { specArguments } from '../objects/spec-arguments.js';
import { deprecated } from './deprecated.js';

/** chaosk8s's deprecated start_microservice: create_deployment from a spec file. */
export const startMicroservice = defineActivity({
  name: 'start_microservice',
  type: 'action',
  description:
    'Deprecated in chaosk8s in favour of create_deployment: create a deployment from a spec file (reverted by deleting it).',
  python: ['chaosk8s.actions'],
  mutating: true,
  arguments: z.strictObject(specArguments),
  async run(args, ctx) {
    deprecated(ctx, 'start_microservice', 'create_deployment');
    return createDeployment.run(args, ctx);
  },
});
