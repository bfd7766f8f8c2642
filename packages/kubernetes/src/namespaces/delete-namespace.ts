import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { SafetyGuard } from '../safety/safety-guard.js';
import { deleteObjects } from '../objects/delete-objects.js';

/**
 * Delete a namespace and everything in it. Not revertible (what it held is gone), so the
 * namespace guards (denied/allowed namespaces) apply to the namespace itself.
 */
export const deleteNamespace = defineActivity({
  name: 'delete_namespace',
  type: 'action',
  description: 'Delete a namespace and everything in it. Not revertible; the namespace guards apply to it.',
  python: ['chaosk8s.namespace.actions'],
  mutating: true,
  arguments: z.strictObject({ name: z.string().min(1) }),
  async run(args, ctx) {
    new SafetyGuard(ctx, 'delete_namespace').checkNamespace(args.name);
    return deleteObjects(
      ctx,
      'delete_namespace',
      { apiVersion: 'v1', kind: 'Namespace', name: args.name },
      { recreate: false, mustExist: true },
    );
  },
});
