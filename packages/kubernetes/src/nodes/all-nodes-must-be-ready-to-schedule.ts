import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { getKubeClient } from '../client/get-kube-client.js';
import { kubeFailure } from '../client/kube-api-error.js';
import { listAll } from '../client/paginate.js';

/**
 * True when every selected node is Ready and schedulable. chaosk8s only checks Ready although its
 * docstring promises "can be scheduled"; a cordoned node is not ready to schedule, so we check both.
 */
export const allNodesMustBeReadyToSchedule = defineActivity({
  name: 'all_nodes_must_be_ready_to_schedule',
  type: 'probe',
  description: 'Check that every node (optionally matching a label selector) is Ready and not cordoned.',
  python: ['chaosk8s.node.probes'],
  arguments: z.strictObject({ label_selector: kubeArguments.labelSelector() }),
  async run(args, ctx) {
    const client = await getKubeClient(ctx);
    let nodes;
    try {
      nodes = await listAll(
        (page) =>
          client.core.listNode({ ...(args.label_selector ? { labelSelector: args.label_selector } : {}), ...page }),
        client.pageSize,
        ctx.signal,
      );
    } catch (error) {
      throw kubeFailure('all_nodes_must_be_ready_to_schedule: listing nodes', error);
    }
    for (const node of nodes) {
      const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready')?.status;
      if (ready !== 'True') {
        ctx.logger.debug(`Node ${node.metadata?.name} is not in 'Ready' state`);
        return false;
      }
      if (node.spec?.unschedulable) {
        ctx.logger.debug(`Node ${node.metadata?.name} is cordoned`);
        return false;
      }
    }
    return true;
  },
});
