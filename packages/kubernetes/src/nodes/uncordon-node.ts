import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { setUnschedulable } from './set-unschedulable.js';

/** Uncordon nodes by name and/or label selector. */
export const uncordonNode = defineActivity({
  name: 'uncordon_node',
  type: 'action',
  description: 'Uncordon the nodes matching a name and/or label selector so pods can be scheduled on them again.',
  python: ['chaosk8s.node.actions'],
  mutating: true,
  arguments: z.strictObject({
    name: z.string().optional().describe('node name'),
    label_selector: kubeArguments.labelSelector(),
    _faultline_revert: kubeArguments.revertFlag(),
  }),
  run: (args, ctx) => setUnschedulable(false, args, ctx),
});
