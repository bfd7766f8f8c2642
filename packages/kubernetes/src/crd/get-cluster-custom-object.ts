import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { toPlainJson } from '../client/to-plain-json.js';
import { crdArguments } from './crd-arguments.js';
import { customObjectApi, describeCustom } from './custom-object-api.js';

/** A cluster-scoped custom object as JSON. */
export const getClusterCustomObject = defineActivity({
  name: 'get_cluster_custom_object',
  type: 'probe',
  description: 'Read a cluster-scoped custom object.',
  python: ['chaosk8s.crd.probes'],
  arguments: z.strictObject({
    group: crdArguments.group,
    version: crdArguments.version,
    plural: crdArguments.plural,
    name: crdArguments.name,
  }),
  async run(args, ctx) {
    const client = await getKubeClient(ctx);
    try {
      return toPlainJson(await customObjectApi(client).get(args));
    } catch (error) {
      throw kubeFailure(`get_cluster_custom_object: ${describeCustom(args)}`, error);
    }
  },
});
