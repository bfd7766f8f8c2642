import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { nodeConditions } from './node-conditions.js';

/** True when every selected node has condition_type = condition_value. */
export const verifyNodesCondition = defineActivity({
  name: 'verify_nodes_condition',
  type: 'probe',
  description: 'Check that every node (optionally matching a label selector) has the given condition status.',
  python: ['chaosk8s.node.probes'],
  arguments: z.strictObject({
    condition_type: z.string().default('PIDPressure'),
    condition_value: z.string().default('False'),
    label_selector: kubeArguments.labelSelector(),
  }),
  async run(args, ctx) {
    for (const node of await nodeConditions(ctx, args.label_selector)) {
      if (node[args.condition_type] !== args.condition_value) {
        ctx.logger.debug(`Node ${node['name']} does not match '${args.condition_type}' expected state`);
        return false;
      }
    }
    return true;
  },
});
