import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { deleteCustom } from '../crd/delete-custom.js';
import { chaosMesh } from './chaos-mesh-spec.js';

/** Chaos Mesh: delete a StressChaos, which ends its stress. */
export const deleteStressor = defineActivity({
  name: 'delete_stressor',
  type: 'action',
  description: 'Chaos Mesh: delete a StressChaos, which ends its stress.',
  python: ['chaosk8s.chaosmesh.stress.actions'],
  mutating: true,
  arguments: z.strictObject({ name: z.string().min(1), ns: kubeArguments.ns() }),
  // Deleting a Chaos Mesh object ends a fault: nothing to revert.
  run: (args, ctx) =>
    deleteCustom(
      ctx,
      'delete_stressor',
      {
        group: chaosMesh.group,
        version: chaosMesh.version,
        plural: 'stresschaos',
        name: args.name,
        namespace: args.ns,
      },
      false,
    ),
});
