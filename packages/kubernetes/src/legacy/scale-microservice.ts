import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { scaleDeployment } from '../deployments/scale-deployment.js';
import { deprecated } from './deprecated.js';

/** chaosk8s's deprecated scale_microservice: scale_deployment (reverted to the previous replicas). */
export const scaleMicroservice = defineActivity({
  name: 'scale_microservice',
  type: 'action',
  description:
    'Deprecated in chaosk8s in favour of scale_deployment: scale a deployment (reverted to its previous replicas).',
  python: ['chaosk8s.actions'],
  mutating: true,
  arguments: z.strictObject({ name: z.string().min(1), replicas: kubeArguments.integer(0), ns: kubeArguments.ns() }),
  async run(args, ctx) {
    deprecated(ctx, 'scale_microservice', 'scale_deployment');
    return scaleDeployment.run(scaleDeployment.arguments.parse(args), ctx);
  },
});
