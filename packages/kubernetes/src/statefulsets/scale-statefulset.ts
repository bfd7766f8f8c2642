import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { scaleWorkload } from '../workloads/scale-workload.js';

/** Scale a stateful set; reverted to its previous replica count. */
export const scaleStatefulset = defineActivity({
  name: 'scale_statefulset',
  type: 'action',
  description: 'Scale a stateful set up or down (reverted to its previous replica count).',
  python: ['chaosk8s.statefulset.actions'],
  mutating: true,
  arguments: z.strictObject({
    name: z.string().min(1).describe('stateful set name'),
    replicas: kubeArguments.integer(0),
    ns: kubeArguments.ns(),
    _faultline_revert: kubeArguments.revertFlag(),
  }),
  run: (args, ctx) => scaleWorkload('statefulsets', args, ctx),
});
