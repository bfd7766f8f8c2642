import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { deploymentNotFullyAvailable } from '../deployments/deployment-not-fully-available.js';
import { deprecated } from './deprecated.js';

/** chaosk8s's deprecated deployment_is_not_fully_available: deployment_not_fully_available. */
export const deploymentIsNotFullyAvailable = defineActivity({
  name: 'deployment_is_not_fully_available',
  type: 'probe',
  description:
    'Deprecated in chaosk8s in favour of deployment_not_fully_available: wait until replicas are missing, or fail after timeout seconds.',
  python: ['chaosk8s.probes'],
  arguments: z.strictObject({
    name: z.string().min(1).describe('deployment name'),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
    timeout: kubeArguments.seconds().default(30).describe('seconds to wait (or "2m")'),
  }),
  async run(args, ctx) {
    deprecated(ctx, 'deployment_is_not_fully_available', 'deployment_not_fully_available');
    return deploymentNotFullyAvailable.run(deploymentNotFullyAvailable.arguments.parse(args), ctx);
  },
});
