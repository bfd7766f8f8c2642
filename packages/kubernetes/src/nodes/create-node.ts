import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { createObject } from '../objects/create-object.js';

/** Register a Node object from metadata and spec (as chaosk8s's create_node); reverted by deleting it. */
export const createNode = defineActivity({
  name: 'create_node',
  type: 'action',
  description: 'Create a Node object from its metadata and spec (reverted by deleting it).',
  python: ['chaosk8s.node.actions'],
  mutating: true,
  arguments: z.strictObject({
    meta: z.record(z.string(), z.unknown()).optional().describe('V1ObjectMeta fields: name, labels, …'),
    spec: z.record(z.string(), z.unknown()).optional().describe('V1NodeSpec fields: taints, unschedulable, …'),
  }),
  run: (args, ctx) =>
    createObject(ctx, 'create_node', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: args.meta ?? {},
      ...(args.spec ? { spec: args.spec } : {}),
    }),
});
