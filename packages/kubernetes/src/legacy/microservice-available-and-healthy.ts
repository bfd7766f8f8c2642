import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { deploymentAvailableAndHealthy } from '../deployments/deployment-available-and-healthy.js';
import { deprecated } from './deprecated.js';

/**
 * chaosk8s's deprecated microservice_available_and_healthy: deployment_available_and_healthy.
 * chaosk8s drops the answer (returns None); here it is returned.
 */
export const microserviceAvailableAndHealthy = defineActivity({
  name: 'microservice_available_and_healthy',
  type: 'probe',
  description:
    'Deprecated in chaosk8s in favour of deployment_available_and_healthy: the deployment has all its replicas available, or fail.',
  python: ['chaosk8s.probes'],
  arguments: z.strictObject({
    name: z.string().min(1).describe('deployment name'),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
  }),
  async run(args, ctx) {
    deprecated(ctx, 'microservice_available_and_healthy', 'deployment_available_and_healthy');
    return deploymentAvailableAndHealthy.run(deploymentAvailableAndHealthy.arguments.parse(args), ctx);
  },
});
