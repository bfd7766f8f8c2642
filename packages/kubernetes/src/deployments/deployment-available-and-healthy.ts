import { z } from 'zod';
import { ActivityFailedError, defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';

/** True when the named deployment has as many available replicas as it wants. */
export const deploymentAvailableAndHealthy = defineActivity({
  name: 'deployment_available_and_healthy',
  type: 'probe',
  description: 'Check that a deployment has all its desired replicas available.',
  python: ['chaosk8s.deployment.probes'],
  arguments: z.strictObject({
    name: z.string().min(1).describe('deployment name'),
    ns: kubeArguments.ns(),
    label_selector: kubeArguments.labelSelector(),
    raise_on_unavailable: kubeArguments.boolean().default(true).describe('fail the probe instead of returning false'),
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
      throw kubeFailure(`deployment_available_and_healthy: listing deployment ${args.ns}/${args.name}`, error);
    }
    const fail = (message: string) => {
      if (args.raise_on_unavailable) throw new ActivityFailedError(message);
      ctx.logger.debug(message);
      return false;
    };
    if (items.length === 0) return fail(`Deployment '${args.name}' was not found in namespace ${args.ns}`);
    for (const deployment of items) {
      const available = deployment.status?.availableReplicas ?? 0;
      const desired = deployment.spec?.replicas ?? 1;
      if (available !== desired)
        return fail(`Deployment '${args.name}' is not healthy: ${available} of ${desired} replicas available`);
    }
    return true;
  },
});
