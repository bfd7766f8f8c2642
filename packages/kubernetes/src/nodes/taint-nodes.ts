import { defineActivity } from '@faultline/core';
import { changeTaints } from './change-taints.js';
import { taintArguments } from './taint-arguments.js';

/** Taint nodes (e.g. simulated-failure=true:NoExecute on a region); reverted by removing the taint. */
export const taintNodes = defineActivity({
  name: 'taint_nodes',
  type: 'action',
  description:
    'Add a taint (key=value:effect) to the nodes matching a name and/or label selector (reverted by removing it).',
  python: ['chaosk8s.node.actions'],
  mutating: true,
  arguments: taintArguments,
  run: (args, ctx) => changeTaints(true, args, ctx),
});
