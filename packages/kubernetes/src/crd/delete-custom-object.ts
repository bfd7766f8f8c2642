import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { crdArguments } from './crd-arguments.js';
import { deleteCustom } from './delete-custom.js';

/** Delete a namespaced custom object; reverted by creating it again. */
export const deleteCustomObject = defineActivity({
  name: 'delete_custom_object',
  type: 'action',
  description: 'Delete a namespaced custom object (reverted by creating it again).',
  python: ['chaosk8s.crd.actions'],
  mutating: true,
  arguments: z.strictObject({
    group: crdArguments.group,
    version: crdArguments.version,
    plural: crdArguments.plural,
    name: crdArguments.name,
    ns: crdArguments.ns,
  }),
  run: (args, ctx) => deleteCustom(ctx, 'delete_custom_object', { ...args, namespace: args.ns }, true),
});
