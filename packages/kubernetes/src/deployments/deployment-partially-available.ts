import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';

/** True when the named deployment has at least one available replica. */
export const deploymentPartiallyAvailable = defineActivity({
  name: 'deployment_partially_available',
  type: 'probe',
  description: 'Check that a deployment has at least one available replica.',
  python: ['chaosk8s.deployment.probes'],
  arguments: z.strictObject({
    name: z.string().min(1),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
    raise_on_not_partially_available: kubeArguments
      .boolean()
      .default(true)
      .describe('fail the probe instead of returning false'),
  }),
  async run(args, ctx) {
    const client = await getKubeClient(ctx);
    let items;
    try {
      items = (
        await client.apps.listNamespacedDeployment({
          namespace: args.ns,
          fieldSelector: `metadata.name=${args.name}`,
          ...(args.label_selector ? { labelSelector: args.label_selector } : {}),
        })
      ).items;
    } catch (error) {
      throw kubeFailure(`deployment_partially_available: listing deployment ${args.ns}/${args.name}`, error);
    }
    const fail = (message: string) => {
      if (args.raise_on_not_partially_available) throw new ActivityFailedError(message);
      ctx.logger.debug(message);
      return false;
    };
    if (items.length === 0) return fail(`Deployment '${args.name}' was not found in namespace ${args.ns}`);
    return (items[0]!.status?.availableReplicas ?? 0) >= 1
      ? true
      : fail(`Deployment '${args.name}' is not healthy: no available replica`);
  },
});
