import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { scaleWorkload } from '../workloads/scale-workload.js';

/** Scale a deployment; reverted to its previous replica count. */
export const scaleDeployment = defineActivity({
  name: 'scale_deployment',
  type: 'action',
  description: 'Scale a deployment up or down (reverted to its previous replica count).',
  python: ['chaosk8s.deployment.actions'],
  mutating: true,
  arguments: z.strictObject({
    name: z.string().min(1).describe('deployment name'),
    replicas: kubeArguments.integer(0),
    ns: kubeArguments.ns(),
    _faultline_revert: kubeArguments.revertFlag(),
  }),
  run: (args, ctx) => scaleWorkload('deployments', args, ctx),
});
