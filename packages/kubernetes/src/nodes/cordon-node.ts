import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { setUnschedulable } from './set-unschedulable.js';

/** Cordon nodes by name and/or label selector (a whole zone: topology.kubernetes.io/zone=...). */
export const cordonNode = defineActivity({
  name: 'cordon_node',
  type: 'action',
  description:
    'Cordon the nodes matching a name and/or label selector so nothing new is scheduled on them (reverted by uncordoning them).',
  python: ['chaosk8s.node.actions'],
  mutating: true,
  arguments: z.strictObject({
    name: z.string().optional().describe('node name'),
    label_selector: kubeArguments.labelSelector(),
    _faultline_revert: kubeArguments.revertFlag(),
  }),
  run: (args, ctx) => setUnschedulable(true, args, ctx),
});
