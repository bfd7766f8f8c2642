import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { customObjectArguments } from './custom-object-arguments.js';

/** The list of a namespaced custom resource as JSON. */
export const listCustomObjects = defineActivity({
  name: 'list_custom_objects',
  type: 'probe',
  description: 'List the custom objects of a resource in a namespace.',
  python: ['chaosk8s.crd.probes'],
  arguments: z.strictObject({
    group: customObjectArguments.group,
    version: customObjectArguments.version,
    plural: customObjectArguments.plural,
    ns: customObjectArguments.ns,
  }),
  async run(args, ctx) {
    const client = await getKubeClient(ctx);
    try {
      return (await client.custom.listNamespacedCustomObject({
        group: args.group,
        version: args.version,
        plural: args.plural,
        namespace: args.ns,
      })) as unknown;
    } catch (error) {
      throw kubeFailure(`list_custom_objects: ${args.plural}.${args.group}/${args.version} in ${args.ns}`, error);
    }
  },
});
