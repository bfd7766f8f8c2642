import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { deploymentFullyAvailable } from '../deployments/deployment-fully-available.js';
import { deprecated } from './deprecated.js';

/** chaosk8s's deprecated deployment_is_fully_available: deployment_fully_available. */
export const deploymentIsFullyAvailable = defineActivity({
  name: 'deployment_is_fully_available',
  type: 'probe',
  description:
    'Deprecated in chaosk8s in favour of deployment_fully_available: wait until every replica is ready, or fail after timeout seconds.',
  python: ['chaosk8s.probes'],
  arguments: z.strictObject({
    name: z.string().min(1).describe('deployment name'),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
    timeout: kubeArguments.seconds().default(30).describe('seconds to wait (or "2m")'),
  }),
  async run(args, ctx) {
    deprecated(ctx, 'deployment_is_fully_available', 'deployment_fully_available');
    return deploymentFullyAvailable.run(deploymentFullyAvailable.arguments.parse(args), ctx);
  },
});
