import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { deleteObjects } from '../objects/delete-objects.js';
import { selectionArguments } from '../objects/spec-arguments.js';

/** Delete statefulsets by name or label selector (every one of the namespace when neither is set); reverted by creating them again. */
export const removeStatefulset = defineActivity({
  name: 'remove_statefulset',
  type: 'action',
  description:
    'Delete statefulsets by name or label selector (every one of the namespace when neither is set); reverted by creating them again.',
  python: ['chaosk8s.statefulset.actions'],
  mutating: true,
  arguments: z.strictObject(selectionArguments),
  run: (args, ctx) =>
    deleteObjects(
      ctx,
      'remove_statefulset',
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        namespace: args.ns,
        name: args.name,
        labelSelector: args.label_selector,
      },
      { recreate: true },
    ),
});
