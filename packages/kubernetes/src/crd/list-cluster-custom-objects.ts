import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { toPlainJson } from '../client/to-plain-json.js';
import { crdArguments } from './crd-arguments.js';
import { customObjectApi, describeCustom } from './custom-object-api.js';

/** The list of a cluster-scoped custom resource, as the API returns it ({items: [...]}). */
export const listClusterCustomObjects = defineActivity({
  name: 'list_cluster_custom_objects',
  type: 'probe',
  description: 'List the objects of a cluster-scoped custom resource.',
  python: ['chaosk8s.crd.probes'],
  arguments: z.strictObject({ group: crdArguments.group, version: crdArguments.version, plural: crdArguments.plural }),
  async run(args, ctx) {
    const client = await getKubeClient(ctx);
    try {
      return toPlainJson(await customObjectApi(client).list(args));
    } catch (error) {
      throw kubeFailure(`list_cluster_custom_objects: ${describeCustom(args)}`, error);
    }
  },
});
