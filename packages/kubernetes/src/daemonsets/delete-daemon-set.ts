import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { deleteObjects } from '../objects/delete-objects.js';
import { selectionArguments } from '../objects/spec-arguments.js';

/** Delete daemon sets by name or label selector (every one of the namespace when neither is set); reverted by creating them again. */
export const deleteDaemonSet = defineActivity({
  name: 'delete_daemon_set',
  type: 'action',
  description:
    'Delete daemon sets by name or label selector (every one of the namespace when neither is set); reverted by creating them again.',
  python: ['chaosk8s.daemonset.actions'],
  mutating: true,
  arguments: z.strictObject(selectionArguments),
  run: (args, ctx) =>
    deleteObjects(
      ctx,
      'delete_daemon_set',
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        namespace: args.ns,
        name: args.name,
        labelSelector: args.label_selector,
      },
      { recreate: true },
    ),
});
