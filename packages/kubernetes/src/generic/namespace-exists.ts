import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';

/** True when the namespace exists. */
export const namespaceExists = defineActivity({
  name: 'namespace_exists',
  type: 'probe',
  description: 'Check that a namespace exists.',
  python: ['chaosk8s.namespace.probes'],
  arguments: z.strictObject({ name: z.string().min(1) }),
  async run(args, ctx) {
    const client = await getKubeClient(ctx);
    try {
      const list = await client.core.listNamespace({ fieldSelector: `metadata.name=${args.name}` });
      if (list.items.length === 0) ctx.logger.debug(`namespace '${args.name}' does not exist`);
      return list.items.length > 0;
    } catch (error) {
      throw kubeFailure(`namespace_exists: ${args.name}`, error);
    }
  },
});
