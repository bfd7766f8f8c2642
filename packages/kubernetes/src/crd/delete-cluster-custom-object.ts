import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { crdArguments } from './crd-arguments.js';
import { deleteCustom } from './delete-custom.js';

/** Delete a cluster-scoped custom object; reverted by creating it again. */
export const deleteClusterCustomObject = defineActivity({
  name: 'delete_cluster_custom_object',
  type: 'action',
  description: 'Delete a cluster-scoped custom object (reverted by creating it again).',
  python: ['chaosk8s.crd.actions'],
  mutating: true,
  arguments: z.strictObject({
    group: crdArguments.group,
    version: crdArguments.version,
    plural: crdArguments.plural,
    name: crdArguments.name,
  }),
  run: (args, ctx) => deleteCustom(ctx, 'delete_cluster_custom_object', args, true),
});
