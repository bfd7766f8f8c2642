import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { nodeConditions } from './node-conditions.js';

/** Every node's conditions as `{name, Ready: "True", …}`. */
export const getAllNodeStatusConditions = defineActivity({
  name: 'get_all_node_status_conditions',
  type: 'probe',
  description: 'Get the status conditions of every node (optionally matching a label selector).',
  python: ['chaosk8s.node.probes'],
  arguments: z.strictObject({ label_selector: kubeArguments.labelSelector() }),
  run: (args, ctx) => nodeConditions(ctx, args.label_selector),
});
