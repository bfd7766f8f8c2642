import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { deleteObjects } from '../objects/delete-objects.js';

/** Delete a service by name; reverted by creating it again. */
export const deleteService = defineActivity({
  name: 'delete_service',
  type: 'action',
  description: 'Delete a service by name; reverted by creating it again.',
  python: ['chaosk8s.service.actions'],
  mutating: true,
  arguments: z.strictObject({ name: z.string().min(1), ns: kubeArguments.ns() }),
  run: (args, ctx) =>
    deleteObjects(
      ctx,
      'delete_service',
      { apiVersion: 'v1', kind: 'Service', namespace: args.ns, name: args.name },
      { recreate: true, mustExist: true },
    ),
});
