import { defineActivity } from '@faultline/core';
import { changeTaints } from './change-taints.js';
import { taintArguments } from './taint-arguments.js';

/** Remove a taint (by key and effect) from nodes. */
export const untaintNodes = defineActivity({
  name: 'untaint_nodes',
  type: 'action',
  description: 'Remove a taint (by key and effect) from the nodes matching a name and/or label selector.',
  python: ['chaosk8s.node.actions'],
  mutating: true,
  arguments: taintArguments,
  run: (args, ctx) => changeTaints(false, args, ctx),
});
