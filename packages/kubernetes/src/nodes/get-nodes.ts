import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { listAll } from '../client/paginate.js';
import { toPlainJson } from '../client/to-plain-json.js';

/** The NodeList as JSON (like chaosk8s), optionally filtered by labels. */
export const getNodes = defineActivity({
  name: 'get_nodes',
  type: 'probe',
  description: 'List the cluster nodes (as the API returns them), optionally filtered by a label selector.',
  python: ['chaosk8s.node.probes'],
  arguments: z.strictObject({ label_selector: kubeArguments.labelSelector() }),
  async run(args, ctx) {
    const client = await getKubeClient(ctx);
    try {
      const items = await listAll(
        (page) =>
          client.core.listNode({ ...(args.label_selector ? { labelSelector: args.label_selector } : {}), ...page }),
        client.pageSize,
        ctx.signal,
      );
      // Plain JSON (the API's field names), not client-node's model classes.
      return toPlainJson({ kind: 'NodeList', apiVersion: 'v1', metadata: {}, items });
    } catch (error) {
      throw kubeFailure('get_nodes: listing nodes', error);
    }
  },
});
