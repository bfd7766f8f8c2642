import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { deleteCustom } from '../crd/delete-custom.js';
import { chaosMesh } from './chaos-mesh-spec.js';

/** Chaos Mesh: delete a NetworkChaos, which ends its fault. */
export const deleteNetworkFault = defineActivity({
  name: 'delete_network_fault',
  type: 'action',
  description: 'Chaos Mesh: delete a NetworkChaos, which ends its fault.',
  python: ['chaosk8s.chaosmesh.network.actions'],
  mutating: true,
  arguments: z.strictObject({ name: z.string().min(1), ns: kubeArguments.ns() }),
  // Deleting a Chaos Mesh object ends a fault: nothing to revert.
  run: (args, ctx) =>
    deleteCustom(
      ctx,
      'delete_network_fault',
      {
        group: chaosMesh.group,
        version: chaosMesh.version,
        plural: 'networkchaos',
        name: args.name,
        namespace: args.ns,
      },
      false,
    ),
});
