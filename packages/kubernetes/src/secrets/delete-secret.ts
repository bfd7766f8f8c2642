import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { deleteObjects } from '../objects/delete-objects.js';

/** Delete a secret by name. Not reverted: its data would have to be written to the journal. */
export const deleteSecret = defineActivity({
  name: 'delete_secret',
  type: 'action',
  description: 'Delete a secret by name. Not reverted: its data would have to be written to the journal.',
  python: ['chaosk8s.secret.actions'],
  mutating: true,
  arguments: z.strictObject({ name: z.string().min(1), ns: kubeArguments.ns() }),
  run: (args, ctx) =>
    deleteObjects(
      ctx,
      'delete_secret',
      { apiVersion: 'v1', kind: 'Secret', namespace: args.ns, name: args.name },
      { recreate: false, mustExist: true },
    ),
});
