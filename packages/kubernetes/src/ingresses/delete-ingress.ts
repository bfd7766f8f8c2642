import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { deleteObjects } from '../objects/delete-objects.js';

/** Delete an ingress by name; reverted by creating it again. */
export const deleteIngress = defineActivity({
  name: 'delete_ingress',
  type: 'action',
  description: 'Delete an ingress by name; reverted by creating it again.',
  python: ['chaosk8s.networking.actions'],
  mutating: true,
  arguments: z.strictObject({ name: z.string().min(1), ns: kubeArguments.ns() }),
  run: (args, ctx) =>
    deleteObjects(
      ctx,
      'delete_ingress',
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', namespace: args.ns, name: args.name },
      { recreate: true, mustExist: true },
    ),
});
