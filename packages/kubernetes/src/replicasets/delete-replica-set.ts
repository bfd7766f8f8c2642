import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { deleteObjects } from '../objects/delete-objects.js';
import { selectionArguments } from '../objects/spec-arguments.js';

/** Delete replica sets by name or label selector (every one of the namespace when neither is set); one its deployment recreates is left alone at revert. */
export const deleteReplicaSet = defineActivity({
  name: 'delete_replica_set',
  type: 'action',
  description:
    'Delete replica sets by name or label selector (every one of the namespace when neither is set); one its deployment recreates is left alone at revert.',
  python: ['chaosk8s.replicaset.actions'],
  mutating: true,
  arguments: z.strictObject(selectionArguments),
  run: (args, ctx) =>
    deleteObjects(
      ctx,
      'delete_replica_set',
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        namespace: args.ns,
        name: args.name,
        labelSelector: args.label_selector,
      },
      { recreate: true },
    ),
});
