import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { customObjectArguments } from './custom-object-arguments.js';

/** A namespaced custom object as JSON. */
export const getCustomObject = defineActivity({
  name: 'get_custom_object',
  type: 'probe',
  description: 'Get a namespaced custom object (group/version/plural/name).',
  python: ['chaosk8s.crd.probes'],
  arguments: z.strictObject(customObjectArguments),
  async run(args, ctx) {
    const client = await getKubeClient(ctx);
    try {
      return (await client.custom.getNamespacedCustomObject({
        group: args.group,
        version: args.version,
        plural: args.plural,
        name: args.name,
        namespace: args.ns,
      })) as unknown;
    } catch (error) {
      throw kubeFailure(
        `get_custom_object: ${args.plural}.${args.group}/${args.version} ${args.ns}/${args.name}`,
        error,
      );
    }
  },
});
