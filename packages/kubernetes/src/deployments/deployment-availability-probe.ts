import type { V1Deployment } from '@kubernetes/client-node';
import { z } from 'zod';
import { ActivityFailedError, defineActivity, type ActivityDefinition } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { listAll } from '../client/paginate.js';

export interface DeploymentAvailabilityProbe {
  name: string;
  description: string;
  /** chaosk8s's name of the flag that turns a failure into `false`. */
  raiseFlag: string;
  /** Why the deployment fails the probe, or undefined when it passes. */
  problem(deployment: V1Deployment): string | undefined;
}

/**
 * A chaosk8s deployment probe: list the deployment by name (and label selector) in `ns`, fail when
 * it is missing or when `problem` says so — or return false when the raise flag is off.
 */
export function deploymentAvailabilityProbe(probe: DeploymentAvailabilityProbe): ActivityDefinition {
  return defineActivity({
    name: probe.name,
    type: 'probe',
    description: probe.description,
    python: ['chaosk8s.deployment.probes'],
    arguments: z.strictObject({
      name: z.string().min(1).describe('deployment name'),
      ns: kubeArguments.ns(),
      label_selector: kubeArguments.labelSelector(),
      [probe.raiseFlag]: kubeArguments.boolean().default(true).describe('fail the probe instead of returning false'),
    }),
    async run(args, ctx) {
      const { name, ns, label_selector: labelSelector } = args as { name: string; ns: string; label_selector?: string };
      const client = await getKubeClient(ctx);
      let items: V1Deployment[];
      try {
        items = await listAll(
          (page) =>
            client.apps.listNamespacedDeployment({
              namespace: ns,
              fieldSelector: `metadata.name=${name}`,
              ...(labelSelector ? { labelSelector } : {}),
              ...page,
            }),
          client.pageSize,
          ctx.signal,
        );
      } catch (error) {
        throw kubeFailure(`${probe.name}: listing deployment ${ns}/${name}`, error);
      }
      const fail = (message: string) => {
        if ((args as Record<string, unknown>)[probe.raiseFlag]) throw new ActivityFailedError(message);
        ctx.logger.debug(message);
        return false;
      };
      if (items.length === 0) return fail(`Deployment '${name}' was not found in namespace ${ns}`);
      for (const deployment of items) {
        const problem = probe.problem(deployment);
        if (problem) return fail(`Deployment '${name}' is not healthy: ${problem}`);
      }
      return true;
    },
  });
}
