import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { customObjectArguments } from './custom-object-arguments.js';

/** Put a saved `spec` back on a custom object (the revert of patch_custom_object). */
export const restoreCustomObject = defineActivity({
  name: 'restore_custom_object',
  type: 'action',
  description: 'Replace the spec of a namespaced custom object with a saved one (the revert of patch_custom_object).',
  arguments: z.strictObject({ ...customObjectArguments, spec: z.unknown() }),
  async run(args, ctx) {
    const client = await getKubeClient(ctx);
    const operation = args.spec === null || args.spec === undefined ? { op: 'remove', path: '/spec' } : { op: 'add', path: '/spec', value: args.spec };
    try {
      await client.custom.patchNamespacedCustomObject({ group: args.group, version: args.version, plural: args.plural, name: args.name, namespace: args.ns, body: [operation] }, client.jsonPatch);
    } catch (error) {
      throw kubeFailure(`restore_custom_object: ${args.plural}.${args.group} ${args.ns}/${args.name}`, error);
    }
    return { restored: `${args.ns}/${args.name}` };
  },
});
